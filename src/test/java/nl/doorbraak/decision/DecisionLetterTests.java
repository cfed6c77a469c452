package nl.doorbraak.decision;

import static nl.doorbraak.support.CaseSteps.advise;
import static nl.doorbraak.support.CaseSteps.budgetLine;
import static nl.doorbraak.support.CaseSteps.completeCurrentTask;
import static nl.doorbraak.support.CaseSteps.intakeAsks;
import static nl.doorbraak.support.CaseSteps.intakeComplete;
import static nl.doorbraak.support.CaseSteps.postJson;
import static nl.doorbraak.support.CaseSteps.request;
import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.submit;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import nl.doorbraak.support.GeneratedDocs;
import nl.doorbraak.support.Http;
import nl.doorbraak.support.Jobs;
import nl.doorbraak.support.LetterTexts;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TestMailServer;
import nl.doorbraak.support.TestUsers;

/**
 * Every formal letter (a granted experiment, its amendment and revocation, a partial grant of a
 * budget pooling co-signed by Financiën, the lapse of a request) as the municipality gets it: a
 * PDF in its case file with the letterhead, the decision's required elements and the objection
 * clause, downloadable by that municipality only, announced in an e-mail that links to it. The
 * clock stands at 5 December 2026, so that {@code docs/letters.md} shows the same letters every day.
 */
@PostgresIntegrationTest
class DecisionLetterTests {

    private static final Instant DEMO_DAY = Instant.parse("2026-12-05T09:00:00Z");
    private static final String DIRECTOR = TestUsers.PROGRAMME_DIRECTOR;
    private static final Pattern REFERENCE = Pattern.compile("NPLV-\\d{4}-\\d{5}");
    private static final String OBJECTION = "Bent u het niet eens met dit besluit? Dan kunt u bezwaar maken. Dat moet "
            + "binnen zes weken na de dag waarop wij deze brief hebben verstuurd (artikel 6:7 en 6:8 van de Algemene wet "
            + "bestuursrecht).";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyLetterIsAFormalDecisionInTheCaseFileAndTheDocsShowThemAsRendered() throws IOException {
        Http http = new Http(port);
        ClockUtil.setCurrentTime(Date.from(DEMO_DAY));
        try {
            Map<String, String> letters = new LinkedHashMap<>();
            String experiment = grantedExperiment(http);
            byte[] decision = onlyLetter(experiment, 1);
            String text = LetterTexts.text(decision);
            assertThat(text).contains("Het college van burgemeester en wethouders van de gemeente Tilburg",
                    "Datum 5 december 2026", "Kenmerk " + experiment + "/1",
                    "Onderwerp Besluit op uw verzoek " + experiment,
                    "Wij hebben besloten uw verzoek toe te kennen.",
                    "Wij nemen dit besluit op grond van artikel 4 van de Regeling doorbraakverzoeken NPLV",
                    "Participatiewet, artikel 22a", "Wij besluiten namens de minister van Sociale Zaken en Werkgelegenheid",
                    "ondertekent het besluit in mandaat", "Ministerie van Sociale Zaken en Werkgelegenheid: steunen onder "
                            + "voorwaarden. Past binnen de experimenteerbepaling.",
                    "Het experiment geldt van 1 januari 2027 tot en met 31 december 2028",
                    "Op 1 maart 2028 vragen wij u de resultaten te evalueren", "Voorwaarden Halfjaarlijks",
                    OBJECTION, "J. de Vries (letters@tilburg.example), contactpersoon",
                    "het Ministerie van Sociale Zaken en Werkgelegenheid, ter informatie", "pagina 1 van ");
            assertPdf(decision);
            letters.put("Besluit: experiment toegekend", layout(decision));

            assertThat(postJson(http, "/api/v1/requests/" + experiment + "/decision/amendments", DIRECTOR,
                    amendment()).statusCode()).isEqualTo(200);
            Jobs.runDue(engine);
            String amended = LetterTexts.latest(jdbc, experiment);
            assertThat(amended).contains("Kenmerk " + experiment + "/2", "Wijziging van het besluit op uw verzoek",
                    "Dit is versie 2 van het besluit", "Evaluatiedatum: 1 maart 2028 wordt 1 juni 2028",
                    "De gemeente heeft meer tijd nodig", "Wij besluiten namens de minister van Sociale Zaken", OBJECTION);
            letters.put("Wijziging van een besluit", layout(letter(experiment, 2)));

            assertThat(postJson(http, "/api/v1/requests/" + experiment + "/decision/revocation", DIRECTOR,
                    Map.of("version", 2, "reason", "De Participatiewet is per 1 januari 2027 aangepast; het experiment "
                            + "is niet meer nodig.")).statusCode()).isEqualTo(200);
            Jobs.runDue(engine);
            assertThat(LetterTexts.latest(jdbc, experiment)).contains("Kenmerk " + experiment + "/3",
                    "Wij hebben besloten het besluit per 5 december 2026 in te trekken", "is niet meer nodig", OBJECTION);
            letters.put("Intrekking van een besluit", layout(letter(experiment, 3)));

            String pooling = partlyGrantedPooling(http);
            byte[] pooled = onlyLetter(pooling, 1);
            assertThat(LetterTexts.text(pooled)).contains("van de gemeente Heerlen",
                    "Wij hebben besloten uw verzoek gedeeltelijk toe te kennen.",
                    "OCW, Programma School en Omgeving (verlengde leertijd): gevraagd € 2.400.000,00, toegekend "
                            + "€ 2.400.000,00",
                    "VWS, Gezonde leefomgeving (Gezond en Actief Leven Akkoord): gevraagd € 300.000,00, toegekend € 0,00, geweigerd € 300.000,00",
                    "In totaal kennen wij € 3.200.000,00 toe van de gevraagde € 3.500.000,00; wij weigeren € 300.000,00",
                    "Looptijd: de begrotingsjaren 2027 tot en met 2029", "2027: € 1.066.666,66", "2029: € 1.066.666,68",
                    "als één gebundelde specifieke uitkering (SPUK)", "over 2027: 29 februari 2028",
                    "ook de minister van Financiën dit besluit ondertekend", "De minister van Financiën, namens deze",
                    "namens de minister van Onderwijs, Cultuur en Wetenschap, de minister van Sociale Zaken en Werkgelegenheid en de minister van Volksgezondheid",
                    "artikel 5 van de Regeling doorbraakverzoeken NPLV", OBJECTION);
            letters.put("Besluit: ontschotting gedeeltelijk toegekend", layout(pooled));

            String lapsed = lapsedRequest(http);
            byte[] lapse = onlyLetter(lapsed, 1);
            assertThat(LetterTexts.text(lapse)).contains("Verzoek " + lapsed + " buiten behandeling gesteld",
                    "Wij hebben besloten uw verzoek buiten behandeling te stellen.", "artikel 4:5",
                    "Welke scholen doen mee aan de verlengde leertijd?",
                    "namens de minister van Volkshuisvesting en Ruimtelijke Ordening", OBJECTION)
                    .doesNotContain("vervalt", "vervallen");
            letters.put("Buiten behandeling stellen", layout(lapse));

            GeneratedDocs.assertCurrent(Path.of("docs/letters.md"), docs(letters));
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void theLetterIsInTheCaseFileForItsMunicipalityOnlyAndTheMailLinksToIt() {
        Http http = new Http(port);
        String experiment = grantedExperiment(http);
        JsonNode detail = request(http, "tilburg", experiment);
        String link = detail.path("_links").path("decisionLetter").asText();
        assertThat(link).startsWith("/api/v1/requests/" + experiment + "/documents/");
        JsonNode documents = Http.json(http.get("/api/v1/requests/" + experiment + "/documents", "tilburg"));
        assertThat(documents.findValuesAsText("kind")).containsExactly("decision-letter");
        assertThat(documents.findValuesAsText("fileName")).containsExactly("brief-" + experiment + "-1.pdf");

        HttpResponse<byte[]> download = http.sendBytes(http.request(link, "tilburg").GET().build());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(LetterTexts.text(download.body())).contains("Besluit op uw verzoek " + experiment);
        assertThat(http.sendBytes(http.request(link, "heerlen").GET().build()).statusCode())
                .as("another municipality").isEqualTo(404);

        assertThat(TestMailServer.receivedBy("letters@tilburg.example"))
                .filteredOn(mail -> mail.subject().equals("Besluit op uw verzoek " + experiment))
                .singleElement().satisfies(mail -> assertThat(mail.body())
                        .contains("Wij hebben besloten over uw verzoek " + experiment,
                                "/verzoeken/" + experiment + "/documenten/" + link.substring(link.lastIndexOf('/') + 1),
                                "bezwaar"));
    }

    private String grantedExperiment(Http http) {
        Map<String, Object> body = new LinkedHashMap<>(ruleChange("tilburg-noordwest", "letters@tilburg.example",
                "income-support"));
        String reference = submit(http, "tilburg", body);
        intakeComplete(http, engine.getTaskService(), reference, "income-support");
        advise(http, engine, reference, "szw", "support-with-conditions", "Past binnen de experimenteerbepaling.");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("decisionOutcome", "granted");
        values.put("rationale", "Het experiment past binnen de experimenteerbepaling van de Participatiewet. Het advies "
                + "van SZW nemen wij over, met de voorwaarde die het ministerie stelt.");
        values.put("instrument", "experiment");
        values.put("conditions", "Halfjaarlijks een rapportage over het aantal betrokken huishoudens.");
        values.put("effectiveDate", "2027-01-01");
        values.put("evaluationDate", "2028-03-01");
        values.put("endDate", "2028-12-31");
        completeCurrentTask(http, engine.getTaskService(), reference, "Task_Decide", DIRECTOR, values);
        Jobs.runDue(engine);
        return reference;
    }

    private static Map<String, Object> amendment() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("decisionOutcome", "granted");
        values.put("rationale", "Het experiment past binnen de experimenteerbepaling van de Participatiewet.");
        values.put("instrument", "experiment");
        values.put("conditions", "Halfjaarlijks een rapportage over het aantal betrokken huishoudens.");
        values.put("effectiveDate", "2027-01-01");
        values.put("evaluationDate", "2028-06-01");
        values.put("version", 1);
        values.put("reason", "De gemeente heeft meer tijd nodig om de effecten te meten.");
        return values;
    }

    private String partlyGrantedPooling(Http http) {
        List<Integer> years = List.of(2027, 2028, 2029);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "budget-pooling");
        body.put("focusArea", "heerlen-noord");
        body.put("title", "Eén budget voor een kansrijke wijk");
        body.put("purpose", "Verlengde leertijd, baangarantie voor jongeren en een gezonde leefomgeving uit één budget.");
        body.put("firstYear", 2027);
        body.put("lastYear", 2029);
        body.put("budgetLines", List.of(budgetLine("ocw", "ocw-school-en-omgeving", "2400000.00", years),
                budgetLine("szw", "szw-baangarantie-jongeren", "800000.00", years),
                budgetLine("vws", "vws-gezonde-leefomgeving", "300000.00", years)));
        body.put("requestedInstrument", "pooled-specific-grant");
        body.put("accountabilityArrangement", "Eén jaarlijkse verantwoording via SiSa.");
        body.put("urgency", "normal");
        body.put("contactName", "M. Janssen");
        body.put("contactEmail", "letters@heerlen.example");
        String reference = submit(http, "heerlen", body);
        completeCurrentTask(http, engine.getTaskService(), reference, "Task_CheckBudgetLines",
                TestUsers.PROGRAMME_OFFICE, Map.of("intakeOutcome", "complete"));
        Jobs.runDue(engine);
        advise(http, engine, reference, "ocw", "support", "De verlengde leertijd past in het programma.");
        advise(http, engine, reference, "szw", "support", "De baangarantie blijft herkenbaar.");
        advise(http, engine, reference, "vws", "reject", "Het budget voor de leefomgeving is wettelijk geoormerkt.");
        completeCurrentTask(http, engine.getTaskService(), reference, "Task_Coordinate", TestUsers.PROGRAMME_OFFICE,
                Map.of("coordinationSummary", "VWS houdt vast aan het oormerk."));
        Map<String, Object> decided = new LinkedHashMap<>();
        decided.put("decisionOutcome", "partly-granted");
        decided.put("rationale", "Bundeling versterkt de integrale aanpak; het geoormerkte budget van VWS blijft apart.");
        decided.put("instrument", "pooled-specific-grant");
        decided.put("effectiveDate", "2027-01-01");
        decided.put("grantedLines", List.of(Map.of("ministry", "ocw", "grantedAmount", "2400000"),
                Map.of("ministry", "szw", "grantedAmount", "800000"), Map.of("ministry", "vws", "grantedAmount", "0")));
        completeCurrentTask(http, engine.getTaskService(), reference, "Task_DecidePooling", DIRECTOR, decided);
        completeCurrentTask(http, engine.getTaskService(), reference, "Task_CoSign", "reviewer-fin",
                Map.of("coSignOutcome", "co-signed"));
        Jobs.runDue(engine);
        return reference;
    }

    private String lapsedRequest(Http http) {
        Map<String, Object> body = new LinkedHashMap<>(ruleChange("tilburg-noordwest", "stil@tilburg.example",
                "income-support"));
        body.put("title", "Leerplicht en verlengde leertijd");
        String reference = submit(http, "tilburg", body);
        intakeAsks(http, engine, reference, "Welke scholen doen mee aan de verlengde leertijd?");
        String process = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey("rule-change-request").singleResult().getId();
        Jobs.fireTimer(engine, process, "Event_InformationOverdue");
        Jobs.runDue(engine);
        return reference;
    }

    private byte[] onlyLetter(String reference, int number) {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM document d JOIN request r ON r.id = d.request_id "
                + "WHERE r.reference = ? AND d.kind = 'decision-letter'").param(reference).query(Long.class).single())
                .isEqualTo(number);
        return letter(reference, number);
    }

    private byte[] letter(String reference, int number) {
        return jdbc.sql("SELECT d.content FROM document d JOIN request r ON r.id = d.request_id "
                + "WHERE r.reference = ? AND d.file_name = ?").params(reference, "brief-" + reference + "-" + number
                + ".pdf").query(byte[].class).single();
    }

    /** The letterhead font is embedded, and the document says its title and language. */
    private static void assertPdf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentInformation().getTitle()).startsWith("Besluit op uw verzoek");
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("nl-NL");
            for (var page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
        }
    }

    /** The letter's text line by line as the PDF shows it. */
    private static String layout(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replace("\r\n", "\n").strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The letters, with the request numbers of this run replaced by fixed ones in order of appearance. */
    private static String docs(Map<String, String> letters) {
        StringBuilder doc = new StringBuilder("""
                # Letters

                The formal letters Doorbraak writes to a municipality: decisions under the Awb (the decision,
                its amendment and its revocation) and the decision to no longer handle a request whose question
                went unanswered (Awb 4:5). Each is a PDF with the ministry's letterhead, archived with the case
                as a document of kind `decision-letter` (kenmerk: request reference and letter number) and
                announced in a short e-mail that links to it. The texts are templates in
                `src/main/resources/letters/` (see `LetterTemplates` for the placeholders); this page is
                generated by `DecisionLetterTests` from demo cases on 5 December 2026 and shows each letter as
                its PDF reads, page numbers included.

                """);
        Map<String, String> numbers = new LinkedHashMap<>();
        letters.forEach((title, text) -> {
            Matcher matcher = REFERENCE.matcher(text);
            StringBuilder fixed = new StringBuilder();
            while (matcher.find()) {
                String number = numbers.computeIfAbsent(matcher.group(),
                        found -> "NPLV-2026-%05d".formatted(numbers.size() + 1));
                matcher.appendReplacement(fixed, number);
            }
            matcher.appendTail(fixed);
            doc.append("## ").append(title).append("\n\n```text\n").append(fixed).append("\n```\n\n");
        });
        return doc.toString().strip() + "\n";
    }
}
