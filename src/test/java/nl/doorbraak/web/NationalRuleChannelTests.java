package nl.doorbraak.web;

import static nl.doorbraak.support.CaseSteps.complete;
import static nl.doorbraak.support.CaseSteps.openTask;
import static nl.doorbraak.support.CaseSteps.postJson;
import static nl.doorbraak.support.CaseSteps.request;
import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.submit;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static nl.doorbraak.support.ProblemAssertions.assertProblem;
import static nl.doorbraak.support.ProblemAssertions.errorFields;
import static nl.doorbraak.support.ProblemAssertions.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;

import nl.doorbraak.support.Http;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TableCounts;
import nl.doorbraak.support.TasklistSession;
import nl.doorbraak.support.TestUsers;

/**
 * A request names its rule by catalogue entry and article on every channel (API, web form,
 * Tasklist's start form), or in words when the rule is not in the catalogue; the intake links or
 * corrects the link through the task API and through Tasklist, audited; the request's detail and
 * page show the entry with its link to wetten.overheid.nl.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NationalRuleChannelTests {

    static final String LELYSTAD = "lelystad";
    static final String LELYSTAD_AREA = "lelystad-oost";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;

    Http http;

    @BeforeAll
    void client() {
        http = new Http(port);
    }

    // ------------------------------------------------------------------ the API

    @Test
    void aRequestThroughTheApiNamesACatalogueEntryAndArticle() {
        Map<String, Object> body = catalogueBody("wet-schuldhulpverlening", "artikel 4a");
        String reference = submit(http, LELYSTAD, body);

        JsonNode detail = request(http, LELYSTAD, reference);
        assertThat(detail.path("submission").path("nationalRule").asText()).isEqualTo("wet-schuldhulpverlening");
        assertThat(detail.path("submission").path("regulation").asText())
                .as("the entry's name stands in for the words").isEqualTo("Wet gemeentelijke schuldhulpverlening");
        assertThat(detail.path("nationalRule").path("id").asText()).isEqualTo("wet-schuldhulpverlening");
        assertThat(detail.path("nationalRule").path("bwbId").asText()).isEqualTo("BWBR0031331");
        assertThat(detail.path("nationalRule").path("name").asText()).isEqualTo("Wet gemeentelijke schuldhulpverlening");
        assertThat(detail.path("nationalRule").path("url").asText()).isEqualTo("https://wetten.overheid.nl/BWBR0031331");
        assertThat(detail.path("article").asText()).isEqualTo("4a");
        assertThat(linkOf(reference)).containsEntry("national_rule_id", "wet-schuldhulpverlening")
                .containsEntry("rule_article", "4a");
    }

    @Test
    void anUnknownCatalogueEntryIsRefusedAndNothingIsStored() {
        Map<String, Long> before = TableCounts.besidesRefusals(jdbc);
        JsonNode problem = assertProblem(postJson(http, "/api/v1/requests", LELYSTAD,
                catalogueBody("wet-op-de-maan", null)), 400);
        assertThat(errorFields(problem)).as("an unknown entry names no rule at all").containsExactly("nationalRule", "regulation");
        assertThat(errorMessage(problem, "nationalRule"))
                .startsWith("Regeling uit de catalogus heeft een onbekende waarde 'wet-op-de-maan'.");
        assertThat(TableCounts.besidesRefusals(jdbc)).isEqualTo(before);
    }

    @Test
    void aRequestWithoutCatalogueEntryOrRuleInWordsIsRefused() {
        Map<String, Object> body = ruleChange(LELYSTAD_AREA, uniqueEmail(LELYSTAD));
        body.remove("regulation");
        JsonNode problem = assertProblem(postJson(http, "/api/v1/requests", LELYSTAD, body), 400);
        assertThat(errorFields(problem)).containsExactly("regulation");
        assertThat(errorMessage(problem, "regulation"))
                .isEqualTo("Kies de regeling uit de catalogus, of beschrijf de regeling als die er niet in staat.");
    }

    @Test
    void aRuleThatIsNotInTheCatalogueIsNamedInWordsAndLeftUnlinked() {
        Map<String, Object> body = ruleChange(LELYSTAD_AREA, uniqueEmail(LELYSTAD));
        body.put("regulation", "Wet op de lokale rekenkamers");
        String reference = submit(http, LELYSTAD, body);

        JsonNode detail = request(http, LELYSTAD, reference);
        assertThat(detail.path("submission").has("nationalRule")).isFalse();
        assertThat(detail.path("submission").path("regulation").asText()).isEqualTo("Wet op de lokale rekenkamers");
        assertThat(detail.path("nationalRule").isNull() || detail.path("nationalRule").isMissingNode()).isTrue();
        assertThat(linkOf(reference).get("national_rule_id")).isNull();
    }

    @Test
    void theListOfRequestsIsNarrowedToTheRequestsLinkedToOneEntry() {
        String onWgs = submit(http, LELYSTAD, catalogueBody("wet-schuldhulpverlening", "artikel 4a"));
        String onJeugdwet = submit(http, LELYSTAD, catalogueBody("jeugdwet", null));
        JsonNode page = Http.json(http.get("/api/v1/requests?nationalRule=wet-schuldhulpverlening&pageSize=100",
                TestUsers.PROGRAMME_OFFICE));
        List<String> references = new java.util.ArrayList<>();
        page.path("items").forEach(item -> references.add(item.path("reference").asText()));
        assertThat(references).contains(onWgs).doesNotContain(onJeugdwet);
        assertThat(references).allSatisfy(reference -> assertThat(linkOf(reference))
                .containsEntry("national_rule_id", "wet-schuldhulpverlening"));

        JsonNode problem = assertProblem(http.get("/api/v1/requests?nationalRule=wet-op-de-maan", LELYSTAD), 400);
        assertThat(errorFields(problem)).containsExactly("nationalRule");
    }

    // ------------------------------------------------------------------ the web form

    @Test
    void theWebFormOffersTheCatalogueByMinistryWithTheDomainsOfEachEntry() {
        WebSession web = WebSession.loggedIn(port, LELYSTAD);
        String form = web.get("/verzoeken/nieuw?soort=rule-change").body();
        assertThat(form).contains("<label for=\"nationalRule\">Regeling uit de catalogus</label>")
                .contains("<option value=\"\">Staat niet in de catalogus</option>")
                .contains("<optgroup label=\"Ministerie van Sociale Zaken en Werkgelegenheid\"")
                .contains("Participatiewet (PW) — regeldomeinen: Inkomensondersteuning, Werk en re-integratie")
                .contains("Regeling (als die niet in de catalogus staat)");
    }

    @Test
    void theWebFormSubmitsACatalogueEntryAndTheRequestPageLinksToTheLaw() {
        WebSession web = WebSession.loggedIn(port, LELYSTAD);
        web.get("/verzoeken/nieuw?soort=rule-change");
        Map<String, String> form = webForm();
        form.put("nationalRule", "jeugdwet");
        form.put("article", "2.6");
        HttpResponse<String> response = web.post("/verzoeken/nieuw", form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        String reference = location.substring(location.lastIndexOf('/') + 1);
        assertThat(linkOf(reference)).containsEntry("national_rule_id", "jeugdwet").containsEntry("rule_article", "2.6");

        String page = web.get("/verzoeken/" + reference).body();
        assertThat(page).contains("Regeling uit de catalogus")
                .contains("<a href=\"https://wetten.overheid.nl/BWBR0034925\">Jeugdwet, artikel 2.6</a>");
    }

    @Test
    void theWebFormTakesARuleInWordsAndRefusesNeither() {
        WebSession web = WebSession.loggedIn(port, LELYSTAD);
        web.get("/verzoeken/nieuw?soort=rule-change");
        Map<String, String> neither = webForm();
        neither.put("regulation", "");
        Map<String, Long> before = TableCounts.besidesRefusals(jdbc);
        HttpResponse<String> refused = web.post("/verzoeken/nieuw", neither);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains(HtmlUtils.htmlEscape(
                "Kies de regeling uit de catalogus, of beschrijf de regeling als die er niet in staat."));
        assertThat(TableCounts.besidesRefusals(jdbc)).isEqualTo(before);

        Map<String, String> inWords = webForm();
        inWords.put("regulation", "Wet op de lokale rekenkamers");
        HttpResponse<String> response = web.post("/verzoeken/nieuw", inWords);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(web.get(location.substring(location.indexOf("/verzoeken/"))).body())
                .contains("Niet gekoppeld: de regeling staat (nog) niet in de catalogus.");
    }

    // ------------------------------------------------------------------ Tasklist's start form

    @Test
    void tasklistsStartFormNamesACatalogueEntryWithoutTheRuleInWords() {
        TasklistSession tasklist = TasklistSession.loggedIn(port, LELYSTAD);
        Map<String, Object> values = startForm();
        values.put("nationalRule", "participatiewet");
        values.remove("regulation");
        HttpResponse<String> response = tasklist.postToEngine(
                "/process-definition/key/rule-change-request/submit-form", TasklistSession.formSubmit(values));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String reference = jdbc.queryForObject("SELECT reference FROM request WHERE process_instance_id = ?",
                String.class, Http.json(response).path("id").asText());
        assertThat(linkOf(reference)).containsEntry("national_rule_id", "participatiewet")
                .containsEntry("regulation", "Participatiewet").containsEntry("rule_article", "22a");
    }

    @Test
    void tasklistsStartFormRefusesAnEntryThatIsNotInTheCatalogue() {
        TasklistSession tasklist = TasklistSession.loggedIn(port, LELYSTAD);
        Map<String, Object> values = startForm();
        values.put("nationalRule", "wet-op-de-maan");
        Map<String, Long> before = TableCounts.besidesRefusals(jdbc);
        HttpResponse<String> response = tasklist.postToEngine(
                "/process-definition/key/rule-change-request/submit-form", TasklistSession.formSubmit(values));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(Http.json(response).path("message").asText())
                .contains("Regeling uit de catalogus heeft een onbekende waarde 'wet-op-de-maan'");
        assertThat(TableCounts.besidesRefusals(jdbc)).isEqualTo(before);
    }

    // ------------------------------------------------------------------ the intake links

    @Test
    void theIntakeSeesTheLinkAndTheDomainsTheEntryProposesAndCorrectsItThroughTheTaskApi() throws Exception {
        String reference = submit(http, LELYSTAD, catalogueBody("participatiewet", "artikel 22a"));
        String intake = openTask(taskService, reference, "Task_Intake").getId();

        JsonNode task = Http.json(http.get("/api/v1/tasks/" + intake, TestUsers.PROGRAMME_OFFICE));
        assertThat(task.path("context").path("caseNationalRule").asText()).isEqualTo("participatiewet");
        assertThat(task.path("context").path("caseCatalogue").asText()).isEqualTo(
                "Inkomensondersteuning, Werk en re-integratie (Participatiewet (PW), BWBR0015703)");
        assertThat(runtimeService.getVariable(taskService.createTaskQuery().taskId(intake).singleResult()
                .getExecutionId(), "nationalRule")).as("the intake form starts with the link").isEqualTo("participatiewet");

        Map<String, Object> values = intakeValues();
        values.put("nationalRule", "wet-schuldhulpverlening");
        values.put("article", "Art. 4A");
        complete(http, TestUsers.PROGRAMME_OFFICE, intake, values);

        assertThat(linkOf(reference)).containsEntry("national_rule_id", "wet-schuldhulpverlening")
                .containsEntry("rule_article", "4a")
                .as("the municipality's words stay").containsEntry("regulation", "Participatiewet");
        JsonNode detail = request(http, LELYSTAD, reference);
        assertThat(detail.path("nationalRule").path("bwbId").asText()).isEqualTo("BWBR0031331");
        List<Map<String, Object>> linked = linkEntries(reference);
        assertThat(linked).hasSize(1);
        assertThat(linked.get(0).get("user_id")).isEqualTo(TestUsers.PROGRAMME_OFFICE);
        assertThat(linked.get(0).get("action_display"))
                .isEqualTo("Gekoppeld aan de catalogus: Wet gemeentelijke schuldhulpverlening (Wgs), artikel 4a");
        JsonNode changes = new ObjectMapper().readTree(linked.get(0).get("changes").toString());
        assertThat(changes.path("old").path("nationalRule").asText()).isEqualTo("participatiewet");
        assertThat(changes.path("old").path("article").asText()).isEqualTo("22a");
        assertThat(changes.path("new").path("nationalRule").asText()).isEqualTo("wet-schuldhulpverlening");
        assertThat(changes.path("new").path("article").asText()).isEqualTo("4a");
        assertThat(routedAndLinkedInOrder(reference)).as("linked when the routing is recorded").isTrue();
    }

    @Test
    void anIntakeThatLeavesTheLinkAloneChangesNothingAndAnUnknownEntryIsRefused() {
        String reference = submit(http, LELYSTAD, catalogueBody("participatiewet", "artikel 22a"));
        String intake = openTask(taskService, reference, "Task_Intake").getId();

        Map<String, Object> unknown = intakeValues();
        unknown.put("nationalRule", "wet-op-de-maan");
        JsonNode problem = assertProblem(postJson(http, "/api/v1/tasks/" + intake + "/completion",
                TestUsers.PROGRAMME_OFFICE, unknown), 400);
        assertThat(errorFields(problem)).containsExactly("nationalRule");

        complete(http, TestUsers.PROGRAMME_OFFICE, intake, intakeValues());
        assertThat(linkOf(reference)).containsEntry("national_rule_id", "participatiewet")
                .containsEntry("rule_article", "22a");
        assertThat(linkEntries(reference)).isEmpty();
    }

    @Test
    void tasklistsIntakeFormStartsWithTheLinkAndLinksARuleNamedInWords() {
        Map<String, Object> body = ruleChange(LELYSTAD_AREA, uniqueEmail(LELYSTAD), "youth-care");
        body.put("regulation", "De Jeugdwet, over de jeugdhulpplicht");
        body.remove("article");
        String reference = submit(http, LELYSTAD, body);
        String intake = openTask(taskService, reference, "Task_Intake").getId();
        TasklistSession office = TasklistSession.loggedIn(port, TestUsers.PROGRAMME_OFFICE);

        JsonNode formVariables = Http.json(office.get(TasklistSession.ENGINE + "/task/" + intake + "/form-variables"));
        assertThat(formVariables.has("nationalRule")).as("Tasklist loads the field's value: %s", formVariables).isTrue();
        assertThat(formVariables.path("nationalRule").path("value").isNull()).isTrue();
        assertThat(Http.json(http.get("/api/v1/tasks/" + intake, TestUsers.PROGRAMME_OFFICE))
                .path("context").path("caseCatalogue").asText())
                .isEqualTo("Geen: het verzoek is niet aan een regeling uit de catalogus gekoppeld.");

        Map<String, Object> values = intakeValues();
        values.put("nationalRule", "jeugdwet");
        values.put("article", "2.3");
        HttpResponse<String> response = office.postToEngine("/task/" + intake + "/submit-form",
                TasklistSession.formSubmit(values));
        assertThat(response.statusCode()).as(response.body()).isIn(200, 204);
        assertThat(linkOf(reference)).containsEntry("national_rule_id", "jeugdwet").containsEntry("rule_article", "2.3");
        assertThat(linkEntries(reference)).hasSize(1);
    }

    @Test
    void tasklistsIntakeFormUnlinksAnEntryThatDoesNotFit() {
        String reference = submit(http, LELYSTAD, catalogueBody("participatiewet", null));
        String intake = openTask(taskService, reference, "Task_Intake").getId();
        TasklistSession office = TasklistSession.loggedIn(port, TestUsers.PROGRAMME_OFFICE);
        Map<String, Object> values = intakeValues();
        values.put("nationalRule", "");
        HttpResponse<String> response = office.postToEngine("/task/" + intake + "/submit-form",
                TasklistSession.formSubmit(values));
        assertThat(response.statusCode()).as(response.body()).isIn(200, 204);
        assertThat(linkOf(reference).get("national_rule_id")).isNull();
        assertThat(linkEntries(reference)).singleElement()
                .satisfies(entry -> assertThat(entry.get("action_display"))
                        .isEqualTo("Koppeling met de catalogus van regelingen verwijderd"));
        JsonNode unlinked = request(http, LELYSTAD, reference).path("nationalRule");
        assertThat(unlinked.isNull() || unlinked.isMissingNode()).as("no entry in %s", unlinked).isTrue();
    }

    // ------------------------------------------------------------------ helpers

    private static Map<String, Object> catalogueBody(String nationalRule, String article) {
        Map<String, Object> body = ruleChange(LELYSTAD_AREA, uniqueEmail(LELYSTAD));
        body.remove("regulation");
        body.put("nationalRule", nationalRule);
        if (article == null) {
            body.remove("article");
        } else {
            body.put("article", article);
        }
        return body;
    }

    private static Map<String, Object> startForm() {
        Map<String, Object> values = new LinkedHashMap<>(ruleChange(LELYSTAD_AREA, uniqueEmail(LELYSTAD)));
        values.remove("kind");
        return values;
    }

    private static Map<String, String> webForm() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("kind", "rule-change");
        form.put("idempotencyKey", UUID.randomUUID().toString());
        form.put("focusArea", LELYSTAD_AREA);
        form.put("title", "Jeugdhulp zonder beschikking in het focusgebied");
        form.put("nationalRule", "");
        form.put("regulation", "");
        form.put("article", "");
        form.put("ruleDomains", "youth-care");
        form.put("conflict", "Elke vorm van jeugdhulp vraagt nu een beschikking.");
        form.put("proposedSolution", "Vrij toegankelijke hulp zonder beschikking.");
        form.put("requestedInstrument", "experiment");
        form.put("residentsAffected", "120");
        form.put("urgency", "normal");
        form.put("contactName", "A. Bakker");
        form.put("contactEmail", uniqueEmail(LELYSTAD));
        form.put("action", "submit");
        return form;
    }

    private static Map<String, Object> intakeValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("intakeOutcome", "complete");
        values.put("ruleDomains", List.of("income-support"));
        return values;
    }

    private Map<String, Object> linkOf(String reference) {
        return jdbc.queryForMap("SELECT national_rule_id, regulation, rule_article FROM request WHERE reference = ?",
                reference);
    }

    private List<Map<String, Object>> linkEntries(String reference) {
        return jdbc.queryForList("SELECT * FROM audit_event WHERE chain = ? AND action = 'national-rule-linked' "
                + "ORDER BY sequence", reference);
    }

    /** The link is recorded by the step that records the routing, so the steps after it can read it. */
    private boolean routedAndLinkedInOrder(String reference) {
        List<String> actions = jdbc.queryForList("SELECT action FROM audit_event WHERE chain = ? AND action IN "
                + "('request-routed', 'national-rule-linked') ORDER BY sequence", String.class, reference);
        return actions.equals(List.of("request-routed", "national-rule-linked"));
    }
}
