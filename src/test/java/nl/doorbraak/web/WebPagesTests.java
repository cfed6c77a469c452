package nl.doorbraak.web;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.support.Http;
import nl.doorbraak.support.PostgresIntegrationTest;

import static nl.doorbraak.support.CaseSteps.intakeAsks;
import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.submit;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web pages over plain HTTP: login, CSRF, security headers, who sees which case, escaping,
 * and the SVG process diagram. Cases here are submitted by Nieuwegein and assert only on their
 * own references.
 */
@PostgresIntegrationTest
class WebPagesTests {

    static final String NIEUWEGEIN = "nieuwegein";
    static final String NIEUWEGEIN_AREA = "nieuwegein-centrale-as";

    @LocalServerPort
    int port;
    @Autowired
    HistoryService historyService;
    @Autowired
    ProcessEngine engine;

    @Test
    void pagesAskForALoginAndAWrongPasswordGetsADutchMessage() {
        WebSession anonymous = new WebSession(port);
        HttpResponse<String> page = anonymous.get("/verzoeken");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        // an unknown user: Camunda delays later logins of a known user after a wrong password
        HttpResponse<String> refused = anonymous.login("onbekende-webgebruiker", "fout");
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?fout"));
        assertThat(anonymous.get("/login?fout").body()).contains("Onjuiste gebruikersnaam of wachtwoord.")
                .contains("<html lang=\"nl\"");
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() {
        WebSession session = WebSession.loggedIn(port, NIEUWEGEIN);
        assertThat(session.get("/verzoeken/nieuw?soort=rule-change").statusCode()).isEqualTo(200);

        assertThat(session.postWithoutToken("/verzoeken/nieuw", Map.of("kind", "rule-change", "action", "submit"))
                .statusCode()).isEqualTo(403);
        HttpResponse<String> withToken = session.post("/verzoeken/nieuw", Map.of("kind", "rule-change", "action", "submit"));
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withToken.body()).contains("Titel is verplicht.");
    }

    @Test
    void budgetLinesAreAddedAndRemovedWithoutJavaScriptAndTheirErrorsStandNextToThem() {
        WebSession session = WebSession.loggedIn(port, NIEUWEGEIN);
        String form = session.get("/verzoeken/nieuw?soort=budget-pooling").body();
        assertThat(form).contains("id=\"budgetLines-0-amount\"").doesNotContain("id=\"budgetLines-1-amount\"");
        Map<String, String> fields = new LinkedHashMap<>(Map.of("kind", "budget-pooling", "title", "Bundeling Centrale As",
                "budgetLines[0].ministry", "szw", "budgetLines[0].amount", "1000,00", "budgetLines[0].years", "2026",
                "budgetLines[0].regulation", ""));

        fields.put("action", "add-line");
        String twoLines = session.post("/verzoeken/nieuw", fields).body();
        assertThat(twoLines).contains("id=\"budgetLines-1-amount\"").contains("value=\"1000,00\"")
                .contains("Budgetregel 2 verwijderen").doesNotContain("is verplicht");

        fields.putAll(Map.of("budgetLines[1].ministry", "", "budgetLines[1].regulation", "",
                "budgetLines[1].amount", "12.345", "budgetLines[1].years", ""));
        fields.put("action", "submit");
        String errors = session.post("/verzoeken/nieuw", fields).body();
        assertThat(errors).contains("Er is iets niet goed ingevuld").contains("is niet eenduidig");
        // the amount's message sits in the amount's own field, before its input
        int amountField = errors.indexOf("<label for=\"budgetLines-1-amount\">");
        assertThat(errors.indexOf("Budgetregel 2: Bedrag", amountField))
                .isBetween(amountField, errors.indexOf("id=\"budgetLines-1-amount\"", amountField));

        fields.put("action", "remove-line-0");
        String oneLine = session.post("/verzoeken/nieuw", fields).body();
        assertThat(oneLine).contains("value=\"12.345\"").doesNotContain("value=\"1000,00\"")
                .doesNotContain("id=\"budgetLines-1-amount\"");
    }

    @Test
    void pagesCarryTheSecurityHeadersAndTheApiStaysBasicOnly() {
        WebSession session = WebSession.loggedIn(port, NIEUWEGEIN);
        HttpResponse<String> page = session.get("/verzoeken");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'none'").contains("frame-ancestors 'none'")
                        .doesNotContain("unsafe-inline"));
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));

        // the page session does not open the API: it stays stateless and Basic-only
        assertThat(session.get("/api/v1/requests").statusCode()).isEqualTo(401);
        assertThat(new Http(port).get("/api/v1/requests", NIEUWEGEIN).statusCode()).isEqualTo(200);
    }

    @Test
    void anotherMunicipalityGetsNotFoundAndAMunicipalityNoAuditPages() {
        String reference = submit(new Http(port), NIEUWEGEIN, ruleChange(NIEUWEGEIN_AREA, uniqueEmail(NIEUWEGEIN)));

        WebSession owner = WebSession.loggedIn(port, NIEUWEGEIN);
        assertThat(owner.get("/verzoeken/" + reference).statusCode()).isEqualTo(200);
        assertThat(owner.get("/verzoeken").body()).contains(reference);
        assertThat(owner.get("/audit/zaken/" + reference).statusCode()).isEqualTo(403);

        WebSession other = WebSession.loggedIn(port, "zaanstad");
        HttpResponse<String> notFound = other.get("/verzoeken/" + reference);
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.body()).contains("Niet gevonden").doesNotContain("Kostendelersnorm");
        assertThat(other.get("/verzoeken").body()).doesNotContain(reference);
        assertThat(other.get("/verzoeken/" + reference + "/intrekken").statusCode()).isEqualTo(404);
    }

    @Test
    void aTitleWithAScriptTagIsShownAsText() {
        Map<String, Object> body = new LinkedHashMap<>(ruleChange(NIEUWEGEIN_AREA, uniqueEmail(NIEUWEGEIN)));
        body.put("title", "<script>alert('xss')</script> Centrale As");
        String reference = submit(new Http(port), NIEUWEGEIN, body);

        String municipalityPage = WebSession.loggedIn(port, NIEUWEGEIN).get("/verzoeken/" + reference).body();
        String auditorPage = WebSession.loggedIn(port, "auditor").get("/audit/zaken/" + reference).body();
        for (String page : new String[] {municipalityPage, auditorPage}) {
            assertThat(page).doesNotContain("<script>alert").contains("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;");
        }
    }

    @Test
    void theDiagramIsWellFormedSvgWithTheStepsPassedAndTheCurrentOne() throws Exception {
        String reference = submit(new Http(port), NIEUWEGEIN, ruleChange(NIEUWEGEIN_AREA, uniqueEmail(NIEUWEGEIN)));
        String processInstanceId = historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(reference).singleResult().getId();
        WebSession auditor = WebSession.loggedIn(port, "auditor");

        HttpResponse<String> svg = auditor.get("/audit/zaken/" + reference + "/diagram/" + processInstanceId + ".svg");
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
        Map<String, String> classes = classesById(svg.body());
        assertThat(classes).containsKey("Task_Intake");
        assertThat(classes.get("Task_Intake")).contains("current");
        assertThat(classes.get("StartEvent_SubmittedViaApi")).contains("visited");
        assertThat(classes.get("StartEvent_Handling")).contains("visited");
        assertThat(classes.get("Task_RegisterRequest")).as("the API registers the request itself").doesNotContain("visited");
        assertThat(classes.get("StartEvent_SubmittedViaTasklist")).doesNotContain("visited");
        assertThat(classes.entrySet().stream().filter(e -> e.getValue().contains("current")).map(Map.Entry::getKey))
                .containsExactlyInAnyOrder("SubProcess_Handling", "Task_Intake");
        assertThat(classes.get("Task_Decide")).doesNotContain("visited").doesNotContain("current");

        // a process instance of another case is not drawn under this case
        assertThat(auditor.get("/audit/zaken/" + reference + "/diagram/not-" + processInstanceId + ".svg").statusCode())
                .isEqualTo(404);
    }

    @Test
    void theOverviewShowsARequestWaitingOnItsMunicipalityAndTheReportOpensWithItsCharts() {
        String reference = submit(new Http(port), NIEUWEGEIN, ruleChange(NIEUWEGEIN_AREA, uniqueEmail(NIEUWEGEIN)));
        intakeAsks(new Http(port), engine, reference, "Hoeveel jongvolwassenen betreft het?");

        WebSession office = WebSession.loggedIn(port, "programme-office");
        HttpResponse<String> overview = office.get("/audit/overzicht");
        assertThat(overview.statusCode()).isEqualTo(200);
        String waiting = overview.body().substring(overview.body().indexOf("Wacht op een gemeente"));
        assertThat(waiting).contains(reference).contains("Informatie aanleveren").contains("municipality-0356");
        assertThat(overview.body()).contains("Openstaand werk per ministerie").contains(">SZW</abbr>");

        HttpResponse<String> report = office.get("/audit/rapportage/document?periode=2026");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("Voortgangsrapportage Doorbraak, 2026").contains("<svg");
        assertThat(report.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).startsWith("default-src 'none'; style-src 'unsafe-inline'").doesNotContain("script"));

        WebSession municipality = WebSession.loggedIn(port, NIEUWEGEIN);
        assertThat(municipality.get("/audit/overzicht").statusCode()).isEqualTo(403);
        assertThat(municipality.get("/audit/rapportage/document?periode=2026").statusCode()).isEqualTo(403);
    }

    @Test
    void aMunicipalityAnswersAnInformationRequestOnTheRequestsPage() {
        String reference = submit(new Http(port), NIEUWEGEIN, ruleChange(NIEUWEGEIN_AREA, uniqueEmail(NIEUWEGEIN)));
        intakeAsks(new Http(port), engine, reference, "Welke woningen vallen onder het experiment?");
        String taskId = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey("Task_ProvideInformation").singleResult().getId();

        WebSession other = WebSession.loggedIn(port, "zaanstad");
        other.get("/verzoeken");
        assertThat(other.post("/verzoeken/" + reference + "/vragen/" + taskId, Map.of("informationAnswer", "x"))
                .statusCode()).isEqualTo(404);

        WebSession owner = WebSession.loggedIn(port, NIEUWEGEIN);
        String page = owner.get("/verzoeken/" + reference).body();
        assertThat(page).contains("Vraag aan uw gemeente").contains("Welke woningen vallen onder het experiment?");
        HttpResponse<String> empty = owner.post("/verzoeken/" + reference + "/vragen/" + taskId,
                Map.of("informationAnswer", " "));
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("Uw antwoord is verplicht.");

        HttpResponse<String> answered = owner.post("/verzoeken/" + reference + "/vragen/" + taskId,
                Map.of("informationAnswer", "De 120 woningen aan de Centrale As."));
        assertThat(answered.statusCode()).isEqualTo(302);
        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isZero();
        assertThat(owner.get("/verzoeken/" + reference).body()).contains("Uw antwoord is verstuurd.")
                .contains("Informatie aangeleverd door de gemeente").doesNotContain("Vraag aan uw gemeente");
    }

    @Test
    void aMunicipalityWithdrawsAfterConfirmingAndTheAuditorFindsVerifiesAndExportsThePeriod() throws Exception {
        String reference = submit(new Http(port), NIEUWEGEIN, ruleChange(NIEUWEGEIN_AREA, uniqueEmail(NIEUWEGEIN)));
        WebSession owner = WebSession.loggedIn(port, NIEUWEGEIN);
        assertThat(owner.get("/verzoeken/" + reference).body()).contains("Verzoek intrekken");
        assertThat(owner.get("/verzoeken/" + reference + "/intrekken").body()).contains("Weet u zeker dat u verzoek");
        HttpResponse<String> withdrawn = owner.post("/verzoeken/" + reference + "/intrekken",
                Map.of("reason", "Opgelost binnen de gemeente."));
        assertThat(withdrawn.statusCode()).isEqualTo(302);
        String page = owner.get("/verzoeken/" + reference).body();
        assertThat(page).contains("Uw verzoek is ingetrokken.").contains("Verzoek ingetrokken: Opgelost binnen de gemeente.")
                .doesNotContain("href=\"/verzoeken/" + reference + "/intrekken\"");

        WebSession auditor = WebSession.loggedIn(port, "auditor");
        assertThat(auditor.get("/audit/zaken?municipality=0356&kind=rule-change&status=withdrawn").body())
                .contains(reference);
        assertThat(auditor.get("/audit/zaken?submittedFrom=gisteren").body()).contains("Er is iets niet goed ingevuld");

        assertThat(auditor.get("/audit/verificatie").body()).contains("Periode verifiëren").doesNotContain("Uitkomst");
        assertThat(auditor.get("/audit/verificatie?van=2026-13-01&tot=").body())
                .contains("Geef een datum als 2026-03-01.").contains("Einddatum is verplicht.");
        String today = java.time.LocalDate.now(CaseClock.DUTCH_TIME).toString();
        String tomorrow = java.time.LocalDate.parse(today).plusDays(1).toString();
        String verified = auditor.get("/audit/verificatie?van=" + today + "&tot=" + tomorrow).body();
        assertThat(verified).contains("<p class=\"verdict\">Intact</p>").contains("Regels gecontroleerd");

        HttpResponse<String> export = auditor.get("/audit/export?van=" + today + "&tot=" + tomorrow + "&formaat=ndjson");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.body().lines().filter(line -> line.contains("\"chain\":\"" + reference + "\""))).isNotEmpty();

        // the case's export in the three formats holds the same entries
        long lines = auditor.get("/audit/zaken/" + reference + "/export?formaat=ndjson").body().lines().count();
        HttpResponse<String> json = auditor.get("/audit/zaken/" + reference + "/export?formaat=json");
        assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        com.fasterxml.jackson.databind.JsonNode entries = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.body());
        assertThat(entries.isArray()).isTrue();
        assertThat(entries.get(0).path("chain").asText()).isEqualTo(reference);
        // the JSON export was itself recorded after the NDJSON one was read: one entry more
        assertThat((long) entries.size()).isEqualTo(lines + 1);
        assertThat(auditor.get("/audit/zaken/" + reference + "/export?formaat=xml").statusCode()).isEqualTo(400);
    }

    /** data-element-id → class of every group in the SVG, parsed as XML (so it is well-formed). */
    static Map<String, String> classesById(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
        Map<String, String> classes = new HashMap<>();
        NodeList groups = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element group = (Element) groups.item(i);
            if (group.hasAttribute("data-element-id")) {
                classes.put(group.getAttribute("data-element-id"), group.getAttribute("class"));
            }
        }
        return classes;
    }
}
