package nl.doorbraak.request;

import static nl.doorbraak.support.CaseSteps.intakeComplete;
import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.submit;
import static nl.doorbraak.support.ProblemAssertions.assertProblem;
import static nl.doorbraak.support.ProblemAssertions.errorFields;
import static nl.doorbraak.support.ProblemAssertions.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.doorbraak.tasks.CaseContextVariables;
import nl.doorbraak.support.CaseSteps;
import nl.doorbraak.support.Http;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TableCounts;
import nl.doorbraak.support.TasklistSession;
import nl.doorbraak.support.TestUsers;

/** Documents of a case: upload, download, list, removal, and everything that must be refused. */
@PostgresIntegrationTest
class DocumentApiTests {

    static final String DORDRECHT = "dordrecht";
    static final byte[] PDF = CaseSteps.PDF;

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;
    Http http;
    String reference;

    @BeforeEach
    void aCase() {
        http = new Http(port);
        reference = submit(http, DORDRECHT, ruleChange("dordrecht-west", "docs@dordrecht.example", "income-support"));
    }

    @Test
    void aDocumentGoesUpAndComesBackUnchanged() throws Exception {
        HttpResponse<String> uploaded = upload(DORDRECHT, "Juridische analyse.pdf", "application/pdf", PDF);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        JsonNode document = Http.json(uploaded);
        assertThat(document.path("fileName").asText()).isEqualTo("Juridische analyse.pdf");
        assertThat(document.path("mediaType").asText()).isEqualTo("application/pdf");
        assertThat(document.path("sizeBytes").asLong()).isEqualTo(PDF.length);
        assertThat(document.path("sha256").asText()).isEqualTo(sha256(PDF));
        assertThat(uploaded.headers().firstValue("Location")).hasValue(
                "/api/v1/requests/" + reference + "/documents/" + document.path("id").asText());

        HttpResponse<byte[]> download = http.sendBytes(http.request(uploaded.headers().firstValue("Location")
                .orElseThrow(), TestUsers.PROGRAMME_OFFICE).GET().build());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PDF);
        assertThat(sha256(download.body())).isEqualTo(document.path("sha256").asText());
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(value ->
                assertThat(value).startsWith("attachment;").contains("Juridische"));
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        JsonNode list = Http.json(http.get("/api/v1/requests/" + reference + "/documents", TestUsers.AUDITOR));
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("uploadedBy").asText()).isEqualTo(DORDRECHT);
        assertThat(audit("document-added")).isEqualTo(1);

        // the forms of the tasks created from now on list it, with its address
        intakeComplete(http, engine.getTaskService(), reference, "income-support");
        String assess = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference).singleResult()
                .getId();
        assertThat(CaseContextVariables.of(engine.getTaskService(), assess).get("caseDocuments")).asString()
                .contains("[Juridische analyse.pdf](/camunda/documents/" + reference + "/"
                        + document.path("id").asText() + ")");
    }

    @Test
    void taskFormsLinkToTheDocumentsForWhoeverIsLoggedInToTasklist() throws Exception {
        String id = Http.json(upload(DORDRECHT, "bijlage.pdf", "application/pdf", PDF)).path("id").asText();
        intakeComplete(http, engine.getTaskService(), reference, "income-support");
        String assess = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference).singleResult()
                .getId();
        String link = "/camunda/documents/" + reference + "/" + id;
        assertThat(CaseContextVariables.of(engine.getTaskService(), assess).get("caseDocuments"))
                .isEqualTo("- [bijlage.pdf](" + link + ") (1 kB)");

        java.net.http.HttpClient reviewer = tasklistSession(TestUsers.REVIEWER_SZW);
        HttpResponse<byte[]> download = reviewer.send(HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + link)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PDF);
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(value ->
                assertThat(value).startsWith("attachment;"));

        assertProblem(http.get(link), 401);
        java.net.http.HttpClient otherMinistry = tasklistSession(TestUsers.REVIEWER_VWS);
        HttpResponse<String> refused = otherMinistry.send(HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + link)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(refused, 404);
    }

    /** A browser logged in to Tasklist (session cookie and the webapp's CSRF token). */
    private java.net.http.HttpClient tasklistSession(String user) {
        return TasklistSession.loggedIn(port, user).client();
    }

    @Test
    void officeDocumentsAndImagesAreRecognisedByTheirContent() throws IOException {
        assertThat(Http.json(upload(DORDRECHT, "begroting.xlsx", "application/octet-stream",
                DocumentSamples.officeOpenXml(DocumentSamples.XLSX_MAIN, "/xl/workbook.xml"))).path("mediaType").asText())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(Http.json(upload(DORDRECHT, "brief.docx", "text/plain",
                DocumentSamples.officeOpenXml(DocumentSamples.DOCX_MAIN, "/word/document.xml"))).path("mediaType").asText())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(Http.json(upload(DORDRECHT, "notulen.odt", "application/zip", DocumentSamples.openDocument(
                "application/vnd.oasis.opendocument.text", true))).path("mediaType").asText())
                .isEqualTo("application/vnd.oasis.opendocument.text");
        assertThat(Http.json(upload(DORDRECHT, "cijfers.ods", "application/zip", DocumentSamples.openDocument(
                "application/vnd.oasis.opendocument.spreadsheet", true))).path("mediaType").asText())
                .isEqualTo("application/vnd.oasis.opendocument.spreadsheet");
        assertProblem(upload(DORDRECHT, "presentatie.odp", "application/zip", DocumentSamples.openDocument(
                "application/vnd.oasis.opendocument.presentation", true)), 415);
        assertThat(Http.json(upload(DORDRECHT, "kaart", "application/pdf", DocumentSamples.image("png")))
                .path("mediaType").asText()).isEqualTo("image/png");
        assertThat(Http.json(upload(DORDRECHT, "foto.jpg", "image/png", DocumentSamples.image("jpeg")))
                .path("mediaType").asText()).isEqualTo("image/jpeg");
    }

    /** Files whose first bytes promise an allowed type that their content does not keep, and why each is refused. */
    static Stream<Arguments> whatTheFirstBytesPromiseButTheContentIsNot() throws IOException {
        byte[] png = DocumentSamples.image("png");
        byte[] jpeg = DocumentSamples.image("jpeg");
        return Stream.of(
                Arguments.of("HTML behind %PDF-", "%PDF-1.7\n<html><script>alert(1)</script></html>"
                        .getBytes(StandardCharsets.ISO_8859_1), "geen leesbare PDF"),
                Arguments.of("a PDF header and a catalog without pages", ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n"
                        + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1), "PDF"),
                Arguments.of("a PDF locked with a password", DocumentSamples.pdfWithPassword(), "wachtwoord"),
                Arguments.of("a PNG signature and nothing else", Arrays.copyOf(png, 16), "PNG-afbeelding"),
                Arguments.of("half a PNG", Arrays.copyOf(png, png.length / 2), "PNG-afbeelding"),
                Arguments.of("half a JPEG", Arrays.copyOf(jpeg, jpeg.length / 2), "JPEG-afbeelding"),
                Arguments.of("a zip with an empty [Content_Types].xml and a word/ folder",
                        DocumentSamples.zip("[Content_Types].xml", "<Types/>", "word/document.xml", "<w/>"), "DOCX"),
                Arguments.of("content types naming a main part that is not there",
                        DocumentSamples.zip("[Content_Types].xml", DocumentSamples.contentTypes(DocumentSamples.DOCX_MAIN,
                                "/word/document.xml")), "DOCX"),
                Arguments.of("a Word document with macros (vbaProject.bin)", DocumentSamples.zip(
                        "[Content_Types].xml", DocumentSamples.contentTypes(DocumentSamples.DOCX_MAIN, "/word/document.xml"),
                        "word/document.xml", "<w/>", "word/vbaProject.bin", "VBA"), "macro"),
                Arguments.of("a macro-enabled workbook (xlsm)", DocumentSamples.officeOpenXml(
                        "application/vnd.ms-excel.sheet.macroEnabled.main+xml", "/xl/workbook.xml"), "macro"),
                Arguments.of("content types with an external entity", DocumentSamples.zip("[Content_Types].xml",
                        "<!DOCTYPE Types [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><Types>&e;</Types>",
                        "word/document.xml", "<w/>"), "DOCX"),
                Arguments.of("an OpenDocument mimetype without a manifest",
                        DocumentSamples.openDocument("application/vnd.oasis.opendocument.text", false), "ODT"),
                Arguments.of("an executable", Arrays.copyOf(new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0}, 512), "Alleen PDF"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("whatTheFirstBytesPromiseButTheContentIsNot")
    void aFileIsCheckedForWhatItIsNotOnlyItsFirstBytes(String what, byte[] content, String reason) {
        Map<String, Long> before = TableCounts.of(jdbcTemplate);
        JsonNode problem = assertProblem(upload(DORDRECHT, "bijlage.pdf", "application/pdf", content), 415);
        assertThat(problem.path("detail").asText()).as(what).contains(reason);
        assertThat(TableCounts.of(jdbcTemplate)).as(what).isEqualTo(before);
    }

    /** File names follow the rules of a title: what is shown is what is stored, and not too long. */
    static Stream<Arguments> fileNamesThatAreRefused() {
        return Stream.of(
                Arguments.of("a right-to-left override (reads as nota.exe.pdf)", "nota\u202Efdp.exe", "leesrichting"),
                Arguments.of("a directional isolate", "\u2066brief\u2069.pdf", "leesrichting"),
                Arguments.of("an escape sequence", "rood\u001b[31m.pdf", "stuurteken"),
                Arguments.of("a NUL", "nota\u0000.pdf", "stuurteken"),
                Arguments.of("201 characters", "a".repeat(197) + ".pdf",
                        "Bestandsnaam mag hoogstens 200 tekens bevatten (nu 201)."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fileNamesThatAreRefused")
    void aFileNameIsRefusedWithTheFieldAndTheRule(String what, String fileName, String message) {
        Map<String, Long> before = TableCounts.of(jdbcTemplate);
        JsonNode problem = assertProblem(upload(DORDRECHT, fileName, "application/pdf", PDF), 400);
        assertThat(errorFields(problem)).as(what).containsExactly("file");
        assertThat(errorMessage(problem, "file")).as(what).startsWith("Bestandsnaam").contains(message);
        assertThat(TableCounts.of(jdbcTemplate)).as(what).isEqualTo(before);
    }

    @Test
    void aNameOfTwoHundredCharactersAndTheMarksOfRightToLeftTextAreKept() {
        String longest = "b".repeat(196) + ".pdf";
        assertThat(Http.json(upload(DORDRECHT, longest, "application/pdf", PDF)).path("fileName").asText())
                .isEqualTo(longest);
        String arabic = "\u062A\u0642\u0631\u064A\u0631\u200F.pdf";
        assertThat(Http.json(upload(DORDRECHT, arabic, "application/pdf", PDF)).path("fileName").asText())
                .isEqualTo(arabic);
    }

    @Test
    void everythingElseIsRefusedAndNothingIsStored() {
        long before = rows();
        assertProblem(upload(DORDRECHT, "notities.txt", "text/plain", "gewoon tekst".getBytes()), 415);
        assertProblem(upload(DORDRECHT, "leeg.pdf", "application/pdf", new byte[0]), 400);
        byte[] tooLarge = Arrays.copyOf(PDF, 21 * 1024 * 1024);
        assertProblem(upload(DORDRECHT, "groot.pdf", "application/pdf", tooLarge), 413);
        assertProblem(upload("rotterdam", "vreemd.pdf", "application/pdf", PDF), 404);
        assertProblem(upload(TestUsers.AUDITOR, "auditor.pdf", "application/pdf", PDF), 403);
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aPathInTheFileNameIsDropped() {
        JsonNode document = Http.json(upload(DORDRECHT, "../../etc/passwd.pdf", "application/pdf", PDF));
        assertThat(document.path("fileName").asText()).isEqualTo("passwd.pdf");
        JsonNode windows = Http.json(upload(DORDRECHT, "..\\..\\boot.ini.pdf", "application/pdf", PDF));
        assertThat(windows.path("fileName").asText()).isEqualTo("boot.ini.pdf");
    }

    @Test
    void onlyTheUploaderRemovesAndOnlyBeforeTheIntakeIsDone() {
        String first = Http.json(upload(DORDRECHT, "concept.pdf", "application/pdf", PDF)).path("id").asText();
        String second = Http.json(upload(DORDRECHT, "definitief.pdf", "application/pdf", PDF)).path("id").asText();

        assertProblem(delete(first, TestUsers.PROGRAMME_OFFICE), 403);
        assertThat(delete(first, DORDRECHT).statusCode()).isEqualTo(204);
        assertThat(Http.json(http.get("/api/v1/requests/" + reference + "/documents", DORDRECHT))).hasSize(1);
        assertProblem(http.get("/api/v1/requests/" + reference + "/documents/" + first, DORDRECHT), 404);
        assertThat(audit("document-removed")).isEqualTo(1);

        intakeComplete(http, engine.getTaskService(), reference, "income-support");
        assertProblem(delete(second, DORDRECHT), 409);
        assertThat(Http.json(http.get("/api/v1/requests/" + reference + "/documents", DORDRECHT))).hasSize(1);
    }

    private HttpResponse<String> upload(String user, String fileName, String declaredType, byte[] content) {
        return CaseSteps.upload(http, user, reference, fileName, declaredType, content);
    }

    private HttpResponse<String> delete(String id, String user) {
        return http.send(http.request("/api/v1/requests/" + reference + "/documents/" + id, user).DELETE().build());
    }

    private long rows() {
        return jdbc.sql("SELECT count(*) FROM document d JOIN request r ON r.id = d.request_id WHERE r.reference = ?")
                .param(reference).query(Long.class).single();
    }

    private long audit(String action) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE chain = ? AND action = ? AND user_id = ?")
                .params(reference, action, DORDRECHT).query(Long.class).single();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
