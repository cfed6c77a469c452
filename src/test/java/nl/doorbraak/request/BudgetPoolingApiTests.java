package nl.doorbraak.request;

import static nl.doorbraak.support.CaseSteps.advise;
import static nl.doorbraak.support.CaseSteps.budgetLine;
import static nl.doorbraak.support.CaseSteps.completeCurrentTask;
import static nl.doorbraak.support.CaseSteps.budgetPooling;
import static nl.doorbraak.support.CaseSteps.postJson;
import static nl.doorbraak.support.CaseSteps.postRaw;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static nl.doorbraak.support.ProblemAssertions.assertProblem;
import static nl.doorbraak.support.ProblemAssertions.errorFields;
import static nl.doorbraak.support.ProblemAssertions.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.doorbraak.support.Http;
import nl.doorbraak.support.PostgresIntegrationTest;

/**
 * Budget-pooling requests through {@code POST /api/v1/requests}: exact amounts in and out, a
 * total that is computed (and checked when sent), and every kind of bad budget line reported at
 * once with nothing stored. Submitted as Heerlen (0917), whose focus area is Heerlen-Noord.
 */
@PostgresIntegrationTest
class BudgetPoolingApiTests {

    private static final String HEERLEN = "heerlen";
    private static final String AREA = "heerlen-noord";

    @LocalServerPort
    int port;
    @Autowired
    HistoryService historyService;
    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;
    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aSubmissionKeepsItsAmountsToTheCentAndComputesTheTotal() {
        Map<String, Object> body = budgetPooling(AREA, uniqueEmail(HEERLEN));
        List<Map<String, Object>> lines = lines(body);
        lines.get(0).put("amount", new BigDecimal("2400000.10"));
        lines.get(1).put("amount", "800000,05");               // text with a decimal comma, as a form sends it
        lines.get(2).put("amount", 300000);                     // a whole number
        body.put("totalAmount", new BigDecimal("3500000.15"));  // sent along: it must add up, and does

        HttpResponse<String> response = postJson(http, "/api/v1/requests", HEERLEN, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode request = Http.json(response);
        assertThat(request.path("kind").asText()).isEqualTo("budget-pooling");
        JsonNode submission = request.path("submission");
        assertThat(submission.path("totalAmount").decimalValue()).isEqualByComparingTo("3500000.15");
        assertThat(submission.path("budgetLines").get(0).path("amount").decimalValue()).isEqualByComparingTo("2400000.10");
        assertThat(submission.path("budgetLines").get(1).path("amount").decimalValue()).isEqualByComparingTo("800000.05");
        assertThat(jdbc.sql("""
                SELECT l.amount FROM request_budget_line l JOIN request r ON r.id = l.request_id
                WHERE r.reference = ? ORDER BY l.line_number""").param(request.path("reference").asText())
                .query(BigDecimal.class).list())
                .containsExactly(new BigDecimal("2400000.10"), new BigDecimal("800000.05"), new BigDecimal("300000.00"));
    }

    @Test
    void aPartialGrantThroughTheTaskApiIsRegisteredPerMinistryToTheCent() {
        String reference = nl.doorbraak.support.CaseSteps.submit(http, HEERLEN, budgetPooling(AREA, uniqueEmail(HEERLEN)));
        completeCurrentTask(http, engine.getTaskService(), reference, "Task_CheckBudgetLines", "programme-office",
                Map.of("intakeOutcome", "complete"));
        for (String ministry : List.of("ocw", "szw", "vws")) {
            advise(http, engine, reference, ministry, "support", "Past binnen het programma.");
        }
        Map<String, Object> decision = new LinkedHashMap<>(nl.doorbraak.support.CaseSteps.decision("partly-granted",
                "Alleen de verlengde leertijd deels."));
        decision.put("instrument", "pooled-specific-grant");
        decision.put("grantedLines", List.of(
                Map.of("ministry", "ocw", "grantedAmount", new BigDecimal("1200000.50")),
                Map.of("ministry", "szw", "grantedAmount", 0),
                Map.of("ministry", "vws", "grantedAmount", "300000,00")));
        completeCurrentTask(http, engine.getTaskService(), reference, "Task_DecidePooling", "programme-director", decision);
        // EUR 3.5M asked: above the threshold, so Financiën co-signs before anything is registered
        completeCurrentTask(http, engine.getTaskService(), reference, "Task_CoSign", "reviewer-fin",
                Map.of("coSignOutcome", "co-signed"));

        JsonNode register = Http.json(http.send(http.request("/api/v1/decisions?q=" + "kansrijke", "auditor").GET().build()));
        JsonNode item = null;
        for (JsonNode candidate : register.path("items")) {
            if (candidate.path("reference").asText().equals(reference)) {
                item = candidate;
            }
        }
        assertThat(item).as("decision of %s in the register", reference).isNotNull();
        assertThat(item.path("outcome").asText()).isEqualTo("Deels toegekend");
        assertThat(item.path("grantedAmounts").path("ocw").decimalValue()).isEqualByComparingTo("1200000.50");
        assertThat(item.path("grantedAmounts").path("szw").decimalValue()).isEqualByComparingTo("0");
        assertThat(item.path("grantedTotal").decimalValue()).isEqualByComparingTo("1500000.50");
        JsonNode detail = Http.json(http.send(http.request("/api/v1/requests/" + reference, HEERLEN).GET().build()));
        assertThat(detail.path("decision").path("budgetLines").get(0).path("grantedAmount").decimalValue())
                .isEqualByComparingTo("1200000.50");
        assertThat(detail.path("decision").path("coSignOutcome").asText()).isEqualTo("co-signed");
        String csv = http.send(http.request("/api/v1/decisions?format=csv&q=kansrijke", "auditor").GET().build()).body();
        assertThat(csv).contains("ocw=1200000.50; szw=0.00; vws=300000.00");
        String timeline = http.send(http.request("/api/v1/requests/" + reference + "/timeline", HEERLEN).GET().build()).body();
        assertThat(timeline).contains("Het Ministerie van Financiën tekent het besluit mee",
                "Besluit genomen: deels toegekend");
    }

    @Test
    void everyBadAmountIsReportedAtOnce() {
        Map<String, Object> body = budgetPooling(AREA, uniqueEmail(HEERLEN));
        List<Integer> years = years(body);
        body.put("budgetLines", List.of(
                budgetLine("ocw", "ocw-school-en-omgeving", "-1.00", years),
                budgetLine("szw", "szw-baangarantie-jongeren", "0", years),
                budgetLine("vws", "vws-gezonde-leefomgeving", "12.3456", years),
                budgetLine("jenv", "jenv-preventie-met-gezag", "100000000.01", years),
                textAmount(budgetLine("vro", "vro-volkshuisvestingsfonds", "1", years), "veel geld"),
                textAmount(budgetLine("bzk", "bzk-leefbaarheid-veiligheid", "1", years), "1.000")));

        JsonNode problem = badRequest(body);

        assertThat(errorFields(problem)).containsExactlyInAnyOrder("budgetLines[0].amount", "budgetLines[1].amount",
                "budgetLines[2].amount", "budgetLines[3].amount", "budgetLines[4].amount", "budgetLines[5].amount");
        assertThat(errorMessage(problem, "budgetLines[0].amount")).isEqualTo("Budgetregel 1: Bedrag moet groter dan 0 zijn.");
        assertThat(errorMessage(problem, "budgetLines[1].amount")).isEqualTo("Budgetregel 2: Bedrag moet groter dan 0 zijn.");
        assertThat(errorMessage(problem, "budgetLines[2].amount"))
                .isEqualTo("Budgetregel 3: Bedrag mag hoogstens twee decimalen (centen) hebben.");
        assertThat(errorMessage(problem, "budgetLines[3].amount"))
                .isEqualTo("Budgetregel 4: Bedrag mag hoogstens € 100.000.000,00 zijn.");
        assertThat(errorMessage(problem, "budgetLines[4].amount")).startsWith("Budgetregel 5: Bedrag moet een bedrag in euro's zijn");
        assertThat(errorMessage(problem, "budgetLines[5].amount")).isEqualTo("Budgetregel 6: Bedrag '1.000' is niet "
                + "eenduidig: een punt of komma met precies drie cijfers erna kan duizendtallen of decimalen scheiden. "
                + "Schrijf het bedrag als 1000 of 1.000,00 (bedoelt u 1,00, schrijf dan 1,00).");
    }

    @Test
    void aHugeNumberIsRefusedWithoutLosingPrecisionOrBreaking() {
        Map<String, Object> body = budgetPooling(AREA, uniqueEmail(HEERLEN));
        String json = nl.doorbraak.support.CaseSteps.json(body).replace("\"amount\":2400000.00", "\"amount\":1e400");
        Stored before = stored();
        JsonNode problem = assertProblem(postRaw(http, "/api/v1/requests", HEERLEN, json, null), 400);
        assertThat(errorMessage(problem, "budgetLines[0].amount")).isEqualTo("Budgetregel 1: Bedrag mag hoogstens € 100.000.000,00 zijn.");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aTotalThatDoesNotAddUpIsRefused() {
        Map<String, Object> body = budgetPooling(AREA, uniqueEmail(HEERLEN));
        body.put("totalAmount", new BigDecimal("3500000.01"));
        JsonNode problem = badRequest(body);
        assertThat(errorFields(problem)).containsExactly("totalAmount");
        assertThat(errorMessage(problem, "totalAmount")).isEqualTo("Totaalbedrag € 3.500.000,01 is niet de som van de "
                + "budgetregels (€ 3.500.000,00). Laat het totaal weg: het wordt berekend.");
    }

    @Test
    void duplicateMinistriesUnknownRegulationsAndYearsOutsideThePeriodAreReportedTogether() {
        Map<String, Object> body = budgetPooling(AREA, uniqueEmail(HEERLEN));
        List<Integer> years = years(body);
        int first = years.get(0);
        Map<String, Object> strange = budgetLine("ocw", "ocw-magic-wand", "10.00", years);
        strange.put("colour", "oranje");
        body.put("budgetLines", List.of(
                budgetLine("szw", "szw-baangarantie-jongeren", "800000.00", years),
                budgetLine("szw", "szw-armoede-en-schulden", "100000.00", years),
                strange,
                budgetLine("vws", "ocw-onderwijsachterstanden", "10.00", years),
                budgetLine("jenv", "jenv-preventie-met-gezag", "10.00", List.of(first, first + 5)),
                budgetLine("fin", "bzk-leefbaarheid-veiligheid", "10.00", years)));

        JsonNode problem = badRequest(body);

        assertThat(errorFields(problem)).containsExactlyInAnyOrder("budgetLines[2].regulation", "budgetLines[2].colour",
                "budgetLines[3].regulation", "budgetLines[5].ministry");
        assertThat(errorMessage(problem, "budgetLines[2].regulation"))
                .startsWith("Budgetregel 3: Regeling heeft een onbekende waarde 'ocw-magic-wand'");
        assertThat(errorMessage(problem, "budgetLines[2].colour")).isEqualTo("Budgetregel 3: Onbekend veld 'colour'.");
        assertThat(errorMessage(problem, "budgetLines[3].regulation"))
                .isEqualTo("Budgetregel 4: Regeling 'ocw-onderwijsachterstanden' is van OCW, niet van VWS.");
        assertThat(errorMessage(problem, "budgetLines[5].ministry")).startsWith("Budgetregel 6: Ministerie heeft een onbekende waarde 'fin'");

        // with every line valid on its own, the rules over several lines speak
        body.put("budgetLines", List.of(
                budgetLine("szw", "szw-baangarantie-jongeren", "800000.00", years),
                budgetLine("szw", "szw-armoede-en-schulden", "100000.00", years),
                budgetLine("jenv", "jenv-preventie-met-gezag", "10.00", List.of(first, first + 5))));
        problem = badRequest(body);
        assertThat(errorFields(problem)).containsExactlyInAnyOrder("budgetLines[1].ministry", "budgetLines[2].years");
        assertThat(errorMessage(problem, "budgetLines[1].ministry")).isEqualTo("Budgetregel 2: dit ministerie staat al in "
                + "budgetregel 1; neem per ministerie één budgetregel op.");
        assertThat(errorMessage(problem, "budgetLines[2].years")).isEqualTo("Budgetregel 3: jaar " + (first + 5)
                + " ligt buiten de periode " + first + "–" + (first + 2) + ".");
    }

    @Test
    void thePeriodAndTheListOfLinesMustMakeSense() {
        Map<String, Object> body = budgetPooling(AREA, uniqueEmail(HEERLEN));
        int first = years(body).get(0);
        body.put("lastYear", first - 1);
        body.put("budgetLines", List.of());
        body.put("purpose", 17);
        JsonNode problem = badRequest(body);
        assertThat(errorFields(problem)).containsExactlyInAnyOrder("lastYear", "budgetLines", "purpose");
        assertThat(errorMessage(problem, "lastYear"))
                .isEqualTo("Laatste begrotingsjaar mag niet voor het eerste begrotingsjaar (" + first + ") liggen.");
        assertThat(errorMessage(problem, "budgetLines")).isEqualTo("Budgetregels is verplicht.");

        body.put("lastYear", first + 2);
        body.put("purpose", "Eén budget.");
        body.put("budgetLines", "ocw:2400000");
        assertThat(errorMessage(badRequest(body), "budgetLines")).isEqualTo("Budgetregels moet een lijst zijn.");
        body.put("budgetLines", List.of("ocw"));
        assertThat(errorMessage(badRequest(body), "budgetLines[0]")).isEqualTo("Budgetregel 1 moet een object met velden zijn.");
    }

    @Test
    void eachKindIsValidatedByItsOwnRules() {
        Map<String, Object> ruleChangeBody = nl.doorbraak.support.CaseSteps.ruleChange(AREA, uniqueEmail(HEERLEN));
        ruleChangeBody.put("kind", "budget-pooling");
        JsonNode problem = badRequest(ruleChangeBody);
        assertThat(errorFields(problem)).contains("regulation", "ruleDomains", "conflict", "purpose", "firstYear",
                "budgetLines", "accountabilityArrangement");
        assertThat(errorMessage(problem, "regulation")).isEqualTo("Onbekend veld 'regulation'.");
        assertThat(errorMessage(problem, "budgetLines")).isEqualTo("Budgetregels is verplicht.");
    }

    @Test
    void anUnknownKindNamesTheKnownKinds() {
        Map<String, Object> body = budgetPooling(AREA, uniqueEmail(HEERLEN));
        body.put("kind", "subsidy");
        assertThat(errorMessage(badRequest(body), "kind"))
                .isEqualTo("Onbekende soort verzoek. Kies uit: rule-change, budget-pooling, join.");
    }

    @Test
    void theOpenApiDocumentHasASchemaPerKind() {
        JsonNode api = Http.json(http.send(http.request("/api/v1/openapi.json", "heerlen").GET().build()));
        JsonNode schemas = api.path("components").path("schemas");
        JsonNode pooling = schemas.path("BudgetPoolingRequest");
        assertThat(pooling.path("properties").path("kind").path("enum").get(0).asText()).isEqualTo("budget-pooling");
        assertThat(pooling.path("required").toString()).contains("\"budgetLines\"", "\"firstYear\"", "\"kind\"");
        JsonNode line = pooling.path("properties").path("budgetLines").path("items");
        // an amount is a JSON number or a text in one of the notations the rule reads
        JsonNode amount = line.path("properties").path("amount");
        assertThat(amount.path("oneOf").get(0).path("type").asText()).isEqualTo("number");
        assertThat(amount.path("oneOf").get(0).path("maximum").decimalValue()).isEqualByComparingTo("100000000.00");
        assertThat(amount.path("oneOf").get(1).path("type").asText()).isEqualTo("string");
        assertThat(amount.path("oneOf").get(1).path("pattern").asText()).isEqualTo(nl.doorbraak.platform.validation.Amounts.PATTERN);
        assertThat(amount.path("description").asText()).contains("niet eenduidig");
        assertThat(line.path("properties").path("years").path("uniqueItems").asBoolean()).isTrue();
        assertThat(line.path("properties").path("regulation").path("enum").toString()).contains("ocw-school-en-omgeving");
        assertThat(schemas.path("RuleChangeRequest").path("properties").path("ruleDomains").path("type").asText())
                .isEqualTo("array");
        JsonNode body = api.path("paths").path("/api/v1/requests").path("post").path("requestBody")
                .path("content").path("application/json").path("schema");
        assertThat(body.path("oneOf")).hasSize(3);
        assertThat(body.path("discriminator").path("propertyName").asText()).isEqualTo("kind");
    }

    // --- helpers

    record Stored(long requests, long budgetLines, long instances) {
    }

    private Stored stored() {
        return new Stored(jdbc.sql("SELECT count(*) FROM request").query(Long.class).single(),
                jdbc.sql("SELECT count(*) FROM request_budget_line").query(Long.class).single(),
                historyService.createHistoricProcessInstanceQuery().processDefinitionKey("budget-pooling-request").count());
    }

    /** Submits as Heerlen, expects one 400 problem listing errors, and asserts nothing was stored. */
    private JsonNode badRequest(Map<String, Object> body) {
        Stored before = stored();
        JsonNode problem = assertProblem(postJson(http, "/api/v1/requests", HEERLEN, body), 400);
        assertThat(problem.path("errors").isArray()).isTrue();
        assertThat(stored()).as("nothing stored").isEqualTo(before);
        return problem;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(Map<String, Object> body) {
        List<Map<String, Object>> lines = new ArrayList<>();
        ((List<Map<String, Object>>) body.get("budgetLines")).forEach(line -> lines.add(new LinkedHashMap<>(line)));
        body.put("budgetLines", lines);
        return lines;
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> years(Map<String, Object> body) {
        return (List<Integer>) ((List<Map<String, Object>>) body.get("budgetLines")).get(0).get("years");
    }

    private static Map<String, Object> textAmount(Map<String, Object> line, String amount) {
        line.put("amount", amount);
        return line;
    }
}
