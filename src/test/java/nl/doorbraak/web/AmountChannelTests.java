package nl.doorbraak.web;

import static nl.doorbraak.support.CaseSteps.advise;
import static nl.doorbraak.support.CaseSteps.budgetPooling;
import static nl.doorbraak.support.CaseSteps.completeCurrentTask;
import static nl.doorbraak.support.CaseSteps.openTask;
import static nl.doorbraak.support.CaseSteps.postJson;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static nl.doorbraak.support.ProblemAssertions.assertProblem;
import static nl.doorbraak.support.ProblemAssertions.errorFields;
import static nl.doorbraak.support.ProblemAssertions.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;

import nl.doorbraak.support.CaseSteps;
import nl.doorbraak.support.Http;
import nl.doorbraak.support.Jobs;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TableCounts;
import nl.doorbraak.support.TasklistSession;
import nl.doorbraak.support.TestUsers;

/**
 * Every notation of an amount ({@link nl.doorbraak.support.AmountNotations}) through every
 * channel a person or a program uses: the JSON API, the web form (session and CSRF token) and
 * Tasklist's engine API (a real Tasklist login, the variables as Tasklist submits them). What is
 * read is what the {@code NUMERIC} columns hold, to the cent; what is refused changes no row in
 * any table. The task forms' amounts (granted per budget line, spent per budget year) follow one
 * case through the decision and the accountability.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AmountChannelTests {

    static final String HEERLEN = "heerlen";
    static final String AREA = "heerlen-noord";
    static final int YEAR = Year.now().getValue() + 1;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessEngine engine;

    Http http;
    WebSession web;
    TasklistSession tasklist;

    @BeforeAll
    void sessions() {
        http = new Http(port);
        web = WebSession.loggedIn(port, HEERLEN);
        web.get("/verzoeken/nieuw?soort=budget-pooling");
        tasklist = TasklistSession.loggedIn(port, HEERLEN);
    }

    @ParameterizedTest(name = "API: \"{0}\"")
    @MethodSource("nl.doorbraak.support.AmountNotations#all")
    void theApiReadsEachNotationByTheRule(String written, String stored, String refusal) {
        Map<String, Object> body = budgetPooling(AREA, uniqueEmail(HEERLEN));
        lines(body).get(0).put("amount", written);
        Map<String, Long> before = TableCounts.of(jdbc);

        HttpResponse<String> response = postJson(http, "/api/v1/requests", HEERLEN, body);

        if (stored != null) {
            assertThat(response.statusCode()).as("%s: %s", written, response.body()).isEqualTo(201);
            assertThat(firstLineOf(Http.json(response).path("reference").asText())).isEqualTo(new BigDecimal(stored));
        } else {
            JsonNode problem = assertProblem(response, 400);
            assertThat(errorFields(problem)).containsExactly("budgetLines[0].amount");
            assertThat(errorMessage(problem, "budgetLines[0].amount")).startsWith("Budgetregel 1: Bedrag ")
                    .contains(refusal);
            assertThat(TableCounts.of(jdbc)).as("rows after refusing %s", written).isEqualTo(before);
        }
    }

    @ParameterizedTest(name = "web form: \"{0}\"")
    @MethodSource("nl.doorbraak.support.AmountNotations#all")
    void theWebFormReadsEachNotationByTheRule(String written, String stored, String refusal) {
        Map<String, Long> before = TableCounts.of(jdbc);

        HttpResponse<String> response = web.post("/verzoeken/nieuw", webForm(written));

        if (stored != null) {
            assertThat(response.statusCode()).as("%s: %s", written, response.body()).isEqualTo(302);
            String location = response.headers().firstValue("Location").orElseThrow();
            assertThat(location).matches(".*/verzoeken/NPLV-\\d{4}-\\d{5}");
            assertThat(firstLineOf(location.substring(location.lastIndexOf('/') + 1))).isEqualTo(new BigDecimal(stored));
        } else {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("Er is iets niet goed ingevuld")
                    .contains(HtmlUtils.htmlEscape("Budgetregel 1: Bedrag ")).contains(HtmlUtils.htmlEscape(refusal));
            assertThat(TableCounts.of(jdbc)).as("rows after refusing %s", written).isEqualTo(before);
        }
    }

    @ParameterizedTest(name = "Tasklist start form: \"{0}\"")
    @MethodSource("nl.doorbraak.support.AmountNotations#all")
    void tasklistsStartFormIsReadByTheSameRule(String written, String stored, String refusal) {
        Map<String, Long> before = TableCounts.of(jdbc);

        HttpResponse<String> response = tasklist.postToEngine(
                "/process-definition/key/budget-pooling-request/submit-form", TasklistSession.formSubmit(startForm(written)));

        if (stored != null) {
            assertThat(response.statusCode()).as("%s: %s", written, response.body()).isEqualTo(200);
            String reference = jdbc.queryForObject("SELECT reference FROM request WHERE process_instance_id = ?",
                    String.class, Http.json(response).path("id").asText());
            assertThat(firstLineOf(reference)).isEqualTo(new BigDecimal(stored));
        } else {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(Http.json(response).path("message").asText()).startsWith("Het formulier bevat een fout: ")
                    .contains("Budgetregel 1: Bedrag ").contains(refusal);
            assertThat(TableCounts.of(jdbc)).as("rows after refusing %s", written).isEqualTo(before);
        }
    }

    @Test
    void grantedAndSpentAmountsInTasklistsTaskFormsAreReadByTheSameRule() {
        String reference = CaseSteps.submit(http, HEERLEN, budgetPooling(AREA, uniqueEmail(HEERLEN)));
        completeCurrentTask(http, engine.getTaskService(), reference, "Task_CheckBudgetLines", TestUsers.PROGRAMME_OFFICE,
                Map.of("intakeOutcome", "complete"));
        for (String ministry : List.of("ocw", "szw", "vws")) {
            advise(http, engine, reference, ministry, "support", "Past binnen het programma.");
        }
        String decide = openTask(engine.getTaskService(), reference, "Task_DecidePooling").getId();
        TasklistSession director = TasklistSession.loggedIn(port, TestUsers.PROGRAMME_DIRECTOR);

        // asked: OCW 2.400.000,00, SZW 800.000,00, VWS 300.000,00
        Map<String, Long> before = TableCounts.of(jdbc);
        HttpResponse<String> refused = director.postToEngine("/task/" + decide + "/submit-form",
                TasklistSession.formSubmit(partialGrant("1.200", "1,500.00", "3.00.000,00")));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(Http.json(refused).path("message").asText()).startsWith("Het formulier bevat 3 fouten")
                .contains("Budgetregel 1: Toegekend bedrag '1.200' is niet eenduidig",
                        "Budgetregel 2: Toegekend bedrag '1,500.00' is in Engelse schrijfwijze",
                        "Budgetregel 3: Toegekend bedrag '3.00.000,00' heeft de punten op de verkeerde plaats");
        assertThat(TableCounts.of(jdbc)).isEqualTo(before);

        // the API's task completion reads the same way
        JsonNode problem = assertProblem(postJson(http, "/api/v1/tasks/" + decide + "/completion",
                TestUsers.PROGRAMME_DIRECTOR, partialGrant("1.200.000,50", "0", "1.000")),
                400);
        assertThat(errorFields(problem)).containsExactly("grantedLines[2].grantedAmount");
        assertThat(TableCounts.of(jdbc)).isEqualTo(before);

        HttpResponse<String> accepted = director.postToEngine("/task/" + decide + "/submit-form",
                TasklistSession.formSubmit(partialGrant("1.200.000,50", "0", "€ 300.000,-")));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(204);
        completeCurrentTask(http, engine.getTaskService(), reference, "Task_CoSign", "reviewer-fin",
                Map.of("coSignOutcome", "co-signed"));
        Jobs.runDue(engine);
        assertThat(jdbc.queryForList("""
                SELECT l.ministry_code || '=' || l.granted_amount FROM decision_budget_line l
                JOIN decision d ON d.id = l.decision_id JOIN request r ON r.id = d.request_id
                WHERE r.reference = ? ORDER BY l.ministry_code""", String.class, reference))
                .containsExactly("ocw=1200000.50", "szw=0.00", "vws=300000.00");

        String processInstance = jdbc.queryForObject("SELECT process_instance_id FROM request WHERE reference = ?",
                String.class, reference);
        Jobs.fireTimer(engine, processInstance, "Event_BudgetYearEnded");
        String deliver = openTask(engine.getTaskService(), reference, "Task_DeliverAccountability").getId();
        before = TableCounts.of(jdbc);
        refused = tasklist.postToEngine("/task/" + deliver + "/submit-form",
                TasklistSession.formSubmit(accountability("1.166")));
        assertThat(Http.json(refused).path("message").asText()).contains("Besteed bedrag '1.166' is niet eenduidig",
                "Schrijf het bedrag als 1166 of 1.166,00");
        assertThat(TableCounts.of(jdbc)).isEqualTo(before);

        accepted = tasklist.postToEngine("/task/" + deliver + "/submit-form",
                TasklistSession.formSubmit(accountability("€ 1.166.666,67")));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(204);
        assertThat(jdbc.queryForObject("""
                SELECT a.spent_amount FROM accountability_report a JOIN request r ON r.id = a.request_id
                WHERE r.reference = ?""", BigDecimal.class, reference)).isEqualTo(new BigDecimal("1166666.67"));
    }

    // ------------------------------------------------------------------ what each channel sends

    /** The web form "Nieuw verzoek" for a budget pooling with one line, every field as text. */
    static Map<String, String> webForm(String amount) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("kind", "budget-pooling");
        form.put("idempotencyKey", UUID.randomUUID().toString());
        form.put("focusArea", AREA);
        form.put("title", "Eén budget via het webformulier");
        form.put("purpose", "Verlengde leertijd uit één budget.");
        form.put("firstYear", String.valueOf(YEAR));
        form.put("lastYear", String.valueOf(YEAR));
        form.put("requestedInstrument", "pooled-specific-grant");
        form.put("accountabilityArrangement", "Eén jaarlijkse verantwoording via SiSa.");
        form.put("urgency", "normal");
        form.put("contactName", "M. Janssen");
        form.put("contactEmail", uniqueEmail(HEERLEN));
        form.put("budgetLines[0].ministry", "ocw");
        form.put("budgetLines[0].regulation", "ocw-school-en-omgeving");
        form.put("budgetLines[0].amount", amount);
        form.put("budgetLines[0].years", String.valueOf(YEAR));
        form.put("action", "submit");
        return form;
    }

    /** The values of Tasklist's budget-pooling start form with one budget line group filled in. */
    static Map<String, Object> startForm(String amount) {
        Map<String, Object> values = new LinkedHashMap<>(budgetPooling(AREA, uniqueEmail(HEERLEN)));
        values.remove("kind");
        values.remove("budgetLines");
        values.put("lastYear", YEAR);
        values.put("budgetLine1", new LinkedHashMap<>(Map.of("ministry", "ocw", "regulation", "ocw-school-en-omgeving",
                "amount", amount, "years", List.of(YEAR))));
        return values;
    }

    private static Map<String, Object> partialGrant(String ocw, String szw, String vws) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("decisionOutcome", "partly-granted");
        values.put("rationale", "Deels: de verlengde leertijd voor de helft.");
        values.put("instrument", "pooled-specific-grant");
        values.put("effectiveDate", LocalDate.now().plusMonths(1).toString());
        values.put("grantedLines", List.of(Map.of("ministry", "ocw", "grantedAmount", ocw),
                Map.of("ministry", "szw", "grantedAmount", szw), Map.of("ministry", "vws", "grantedAmount", vws)));
        return values;
    }

    private static Map<String, Object> accountability(String spent) {
        return Map.of("accountabilityReport", "Het budget is besteed aan verlengde leertijd.", "spentAmount", spent);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("budgetLines");
    }

    private BigDecimal firstLineOf(String reference) {
        return jdbc.queryForObject("""
                SELECT l.amount FROM request_budget_line l JOIN request r ON r.id = l.request_id
                WHERE r.reference = ? ORDER BY l.line_number LIMIT 1""", BigDecimal.class, reference);
    }
}
