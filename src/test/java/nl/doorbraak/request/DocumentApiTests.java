package nl.doorbraak.request;

import static nl.doorbraak.support.CaseSteps.intakeComplete;
import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.submit;
import static nl.doorbraak.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.doorbraak.support.CaseSteps;
import nl.doorbraak.support.Http;
import nl.doorbraak.support.PostgresIntegrationTest;
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
        assertThat(engine.getTaskService().getVariableLocal(assess, "caseDocuments")).asString()
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
        assertThat(engine.getTaskService().getVariableLocal(assess, "caseDocuments"))
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
    private java.net.http.HttpClient tasklistSession(String user) throws Exception {
        java.net.CookieManager cookies = new java.net.CookieManager();
        java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://localhost:" + port;
        browser.send(HttpRequest.newBuilder(java.net.URI.create(base + "/camunda/app/tasklist/default/")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        String token = cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
                        java.net.URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + TestUsers.PASSWORD))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return browser;
    }

    @Test
    void officeDocumentsAndImagesAreRecognisedByTheirContent() throws IOException {
        assertThat(Http.json(upload(DORDRECHT, "begroting.xlsx", "application/octet-stream",
                officeZip("xl/workbook.xml"))).path("mediaType").asText())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(Http.json(upload(DORDRECHT, "brief.docx", "text/plain", officeZip("word/document.xml")))
                .path("mediaType").asText())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(Http.json(upload(DORDRECHT, "notulen.odt", "application/zip", openDocument(
                "application/vnd.oasis.opendocument.text"))).path("mediaType").asText())
                .isEqualTo("application/vnd.oasis.opendocument.text");
        assertThat(Http.json(upload(DORDRECHT, "cijfers.ods", "application/zip", openDocument(
                "application/vnd.oasis.opendocument.spreadsheet"))).path("mediaType").asText())
                .isEqualTo("application/vnd.oasis.opendocument.spreadsheet");
        assertProblem(upload(DORDRECHT, "presentatie.odp", "application/zip", openDocument(
                "application/vnd.oasis.opendocument.presentation")), 415);
        assertThat(Http.json(upload(DORDRECHT, "kaart", "application/pdf", new byte[] {(byte) 0x89, 'P', 'N', 'G',
                '\r', '\n', 0x1a, '\n', 0, 0, 0, 13})).path("mediaType").asText()).isEqualTo("image/png");
    }

    @Test
    void everythingElseIsRefusedAndNothingIsStored() {
        long before = rows();
        byte[] executable = Arrays.copyOf(new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0}, 512);
        assertProblem(upload(DORDRECHT, "rapport.pdf", "application/pdf", executable), 415);
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

    private static byte[] officeZip(String part) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(part));
            zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static byte[] openDocument(String mimetype) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("mimetype"));
            zip.write(mimetype.getBytes(StandardCharsets.US_ASCII));
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write("<office:document-content/>".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
