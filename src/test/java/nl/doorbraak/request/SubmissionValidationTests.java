package nl.doorbraak.request;

import static nl.doorbraak.support.CaseSteps.postJson;
import static nl.doorbraak.support.CaseSteps.postRaw;
import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static nl.doorbraak.support.ProblemAssertions.assertProblem;
import static nl.doorbraak.support.ProblemAssertions.errorFields;
import static nl.doorbraak.support.ProblemAssertions.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.doorbraak.support.Http;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TestUsers;

/**
 * Bad input of every kind gets one problem+json 400 listing every error, and changes nothing:
 * no case file and no process. Bad submissions come from Delft (0503), where nobody submits
 * anything valid, so its number of case files must never move; Breda (0758) shows the body the
 * bad ones are made from is valid.
 */
@PostgresIntegrationTest
class SubmissionValidationTests {

    static final String DELFT = "delft";
    static final String DELFT_CODE = "0503";
    static final String DELFT_AREA = "delft-west";

    @LocalServerPort
    int port;
    @Autowired
    HistoryService historyService;
    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void theBodyTheBadSubmissionsAreMadeFromIsValid() {
        Stored before = stored("0758");
        HttpResponse<String> response = postJson(http, "/api/v1/requests", "breda",
                ruleChange("breda-noord", uniqueEmail("breda")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(stored("0758")).isEqualTo(new Stored(before.rows() + 1, before.instances() + 1));
    }

    @Test
    void everyMistakeInOneSubmissionIsReportedInOneProblem() {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "rule-change");
        body.put("focusArea", "amsterdam-zuidoost");            // another municipality's focus area
        body.put("title", 42);                                    // a number, not text
        // regulation missing
        body.put("article", "artikel 22a");
        body.put("ruleDomains", "income-support");                // a string, not a list
        body.put("conflict", "x".repeat(100_000));                // 10,000 at most
        // proposedSolution missing
        body.put("requestedInstrument", "magic-wand");            // not a known instrument
        body.put("residentsAffected", "many");                    // not a whole number
        // urgency missing
        body.put("contactName", "   ");                           // blank is missing
        body.put("contactEmail", "j.devries at delft.nl");        // not an e-mail address
        body.put("favouriteColour", "oranje");                    // not a field of the form

        JsonNode problem = badRequest(DELFT, body);

        assertThat(errorFields(problem)).containsExactlyInAnyOrder("focusArea", "title", "regulation", "ruleDomains",
                "conflict", "proposedSolution", "requestedInstrument", "residentsAffected", "urgency", "contactName",
                "contactEmail", "favouriteColour");
        assertThat(problem.path("detail").asText()).isEqualTo("De invoer bevat 12 fouten.");
        assertThat(errorMessage(problem, "focusArea")).isEqualTo("Focusgebied 'amsterdam-zuidoost' ligt niet in uw gemeente.");
        assertThat(errorMessage(problem, "title")).isEqualTo("Titel moet tekst zijn.");
        assertThat(errorMessage(problem, "regulation")).isEqualTo(
                "Kies de regeling uit de catalogus, of beschrijf de regeling als die er niet in staat.");
        assertThat(errorMessage(problem, "ruleDomains")).isEqualTo("Regeldomeinen moet een lijst zijn.");
        assertThat(errorMessage(problem, "conflict")).isEqualTo("Knelpunt mag hoogstens 10000 tekens bevatten (nu 100000).");
        assertThat(errorMessage(problem, "requestedInstrument")).startsWith("Gevraagd instrument heeft een onbekende waarde");
        assertThat(errorMessage(problem, "residentsAffected")).isEqualTo("Aantal betrokken inwoners moet een geheel getal zijn.");
        assertThat(errorMessage(problem, "urgency")).isEqualTo("Urgentie is verplicht.");
        assertThat(errorMessage(problem, "contactName")).isEqualTo("Naam contactpersoon is verplicht.");
        assertThat(errorMessage(problem, "contactEmail")).isEqualTo("E-mailadres contactpersoon is geen geldig e-mailadres.");
        assertThat(errorMessage(problem, "favouriteColour")).isEqualTo("Onbekend veld 'favouriteColour'.");
        // the problem does not echo the 100,000 characters back
        assertThat(problem.toString().length()).isLessThan(5_000);
    }

    @Test
    void unknownCodesAreReportedTogether() {
        Map<String, Object> body = ruleChange("atlantis-centrum", uniqueEmail(DELFT));
        body.put("ruleDomains", List.of("income-support", "astrology"));
        body.put("urgency", "yesterday");
        body.put("residentsAffected", -5);

        JsonNode problem = badRequest(DELFT, body);

        assertThat(errorFields(problem)).containsExactlyInAnyOrder("focusArea", "ruleDomains", "urgency",
                "residentsAffected");
        assertThat(errorMessage(problem, "focusArea")).startsWith("Focusgebied heeft een onbekende waarde 'atlantis-centrum'");
        assertThat(errorMessage(problem, "ruleDomains")).startsWith("Regeldomeinen bevat een onbekende waarde 'astrology'");
        assertThat(errorMessage(problem, "urgency")).isEqualTo(
                "Urgentie heeft een onbekende waarde 'yesterday'. Kies uit: normal, urgent.");
        assertThat(errorMessage(problem, "residentsAffected")).isEqualTo(
                "Aantal betrokken inwoners moet liggen tussen 0 en 10000000.");
    }

    @Test
    void anEmptyObjectListsEveryRequiredField() {
        JsonNode problem = badRequest(DELFT, Map.of("kind", "rule-change"));
        assertThat(errorFields(problem)).containsExactlyInAnyOrder("focusArea", "title", "regulation", "ruleDomains",
                "conflict", "proposedSolution", "requestedInstrument", "urgency", "contactName", "contactEmail");
        problem.path("errors").forEach(error -> assertThat(error.path("message").asText())
                .matches(".* is verplicht\\.|Kies de regeling uit de catalogus, .*"));
    }

    static Stream<Arguments> oneWrongValue() {
        return Stream.of(
                Arguments.of("title", 42),
                Arguments.of("title", true),
                Arguments.of("title", Map.of("nl", "Titel")),
                Arguments.of("title", List.of("Titel")),
                Arguments.of("title", "t".repeat(201)),
                Arguments.of("title", ""),
                Arguments.of("title", null),
                Arguments.of("focusArea", "amsterdam-zuidoost"),
                Arguments.of("focusArea", "rotterdam-zuid"),
                Arguments.of("focusArea", "atlantis"),
                Arguments.of("focusArea", List.of(DELFT_AREA)),
                Arguments.of("ruleDomains", "income-support"),
                Arguments.of("ruleDomains", List.of()),
                Arguments.of("ruleDomains", List.of(42)),
                Arguments.of("ruleDomains", List.of("astrology")),
                Arguments.of("ruleDomains", Arrays.asList("income-support", null)),
                Arguments.of("conflict", "k".repeat(100_000)),
                Arguments.of("proposedSolution", 3.14),
                Arguments.of("requestedInstrument", "Experiment"),
                Arguments.of("residentsAffected", "many"),
                Arguments.of("residentsAffected", 12.5),
                Arguments.of("residentsAffected", -1),
                Arguments.of("residentsAffected", 10_000_001),
                Arguments.of("residentsAffected", 1e20),
                Arguments.of("urgency", "URGENT"),
                Arguments.of("contactEmail", "not-an-email"),
                Arguments.of("contactEmail", "j@delft"),
                Arguments.of("contactEmail", "j de vries@delft.nl"),
                Arguments.of("contactEmail", 5),
                Arguments.of("municipality", "0599"),
                Arguments.of("submittedBy", "rotterdam"),
                Arguments.of("status", "decided"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("oneWrongValue")
    void oneWrongValueIsOneErrorAndStoresNothing(String field, Object value) {
        Map<String, Object> body = ruleChange(DELFT_AREA, uniqueEmail(DELFT));
        body.put(field, value);
        JsonNode problem = badRequest(DELFT, body);
        assertThat(errorFields(problem)).containsExactly(field);
        assertThat(errorMessage(problem, field)).isNotBlank().doesNotContain("Exception");
    }

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                Arguments.of("an unclosed object", "{\"kind\": \"rule-change\", \"title\": \"Titel\""),
                Arguments.of("a missing value", "{\"kind\": \"rule-change\", \"title\": }"),
                Arguments.of("single quotes", "{'kind': 'rule-change'}"),
                Arguments.of("a trailing comma", "{\"kind\": \"rule-change\",}"),
                Arguments.of("a list", "[{\"kind\": \"rule-change\"}]"),
                Arguments.of("a string", "\"rule-change\""),
                Arguments.of("a number", "42"),
                Arguments.of("null", "null"),
                Arguments.of("nothing", ""),
                Arguments.of("two objects", "{\"kind\": \"rule-change\"} {\"kind\": \"rule-change\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void aBodyThatIsNotAJsonObjectIsAProblem400AndStoresNothing(String what, String body) {
        Stored before = stored(DELFT_CODE);
        JsonNode problem = assertProblem(postRaw(http, "/api/v1/requests", DELFT, body, null), 400);
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(stored(DELFT_CODE)).isEqualTo(before);
    }

    @Test
    void aBodyThatIsNotJsonAtAllIsAProblem415AndStoresNothing() {
        Stored before = stored(DELFT_CODE);
        HttpResponse<String> response = http.send(http.request("/api/v1/requests", DELFT)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("Graag de kostendelersnorm afschaffen.")).build());
        assertProblem(response, 415);
        assertThat(stored(DELFT_CODE)).isEqualTo(before);
    }

    static Stream<Arguments> wrongKinds() {
        Supplier<Map<String, Object>> valid = () -> ruleChange(DELFT_AREA, "j.devries@delft.nl");
        Map<String, Object> missing = valid.get();
        missing.remove("kind");
        Map<String, Object> nullKind = valid.get();
        nullKind.put("kind", null);
        Map<String, Object> unknown = valid.get();
        unknown.put("kind", "subsidy");
        Map<String, Object> upperCase = valid.get();
        upperCase.put("kind", "RULE-CHANGE");
        Map<String, Object> number = valid.get();
        number.put("kind", 1);
        Map<String, Object> list = valid.get();
        list.put("kind", List.of("rule-change"));
        return Stream.of(Arguments.of("missing", missing), Arguments.of("null", nullKind),
                Arguments.of("subsidy", unknown), Arguments.of("RULE-CHANGE", upperCase),
                Arguments.of("1", number), Arguments.of("[rule-change]", list));
    }

    @ParameterizedTest(name = "kind {0}")
    @MethodSource("wrongKinds")
    void aMissingOrUnknownKindIsAProblem400(String what, Map<String, Object> body) {
        JsonNode problem = badRequest(DELFT, body);
        assertThat(errorFields(problem)).containsExactly("kind");
    }

    @Test
    void anIdempotencyKeyLongerThanAHundredCharactersIsAProblem400() {
        Stored before = stored(DELFT_CODE);
        JsonNode problem = assertProblem(postJson(http, "/api/v1/requests", DELFT,
                ruleChange(DELFT_AREA, uniqueEmail(DELFT)), "k".repeat(101)), 400);
        assertThat(errorFields(problem)).containsExactly("Idempotency-Key");
        assertThat(stored(DELFT_CODE)).isEqualTo(before);
    }

    @ParameterizedTest(name = "Idempotency-Key \"{0}\"")
    @ValueSource(strings = {"", " ", "\t"})
    void aBlankIdempotencyKeyIsAProblem400AndStoresNothing(String key) {
        // Breda, not Delft: should a blank key be accepted, Delft would get a valid request
        Stored before = stored("0758");
        HttpResponse<String> response = postJson(http, "/api/v1/requests", "breda",
                ruleChange("breda-noord", uniqueEmail("breda")), key);
        JsonNode problem = assertProblem(response, 400);
        assertThat(errorFields(problem)).containsExactly("Idempotency-Key");
        assertThat(stored("0758")).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {TestUsers.REVIEWER_SZW, TestUsers.LEAD_SZW, TestUsers.PROGRAMME_OFFICE,
            TestUsers.PROGRAMME_DIRECTOR, TestUsers.AUDITOR, TestUsers.ADMIN})
    void onlyMunicipalitiesSubmitOthersGet403AndNothingIsStored(String user) {
        long rows = jdbc.sql("SELECT count(*) FROM request").query(Long.class).single();
        long instances = ruleChangeInstances();
        assertProblem(postJson(http, "/api/v1/requests", user, ruleChange(DELFT_AREA, uniqueEmail(DELFT))), 403);
        assertThat(jdbc.sql("SELECT count(*) FROM request").query(Long.class).single()).isEqualTo(rows);
        assertThat(ruleChangeInstances()).isEqualTo(instances);
    }

    @Test
    void anAnonymousSubmissionIs401AndStoresNothing() {
        Stored before = stored(DELFT_CODE);
        assertProblem(postJson(http, "/api/v1/requests", null, ruleChange(DELFT_AREA, uniqueEmail(DELFT))), 401);
        assertThat(stored(DELFT_CODE)).isEqualTo(before);
    }

    // ------------------------------------------------------------------ helpers

    /** What a submission may leave behind: case files of the municipality, and rule-change processes. */
    record Stored(long rows, long instances) {
    }

    private Stored stored(String municipalityCode) {
        return new Stored(jdbc.sql("SELECT count(*) FROM request WHERE municipality_code = ?")
                .param(municipalityCode).query(Long.class).single(), ruleChangeInstances());
    }

    private long ruleChangeInstances() {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey("rule-change-request").count();
    }

    /** Submits as the Delft user, expects one 400 problem and asserts nothing was stored. */
    private JsonNode badRequest(String user, Map<String, Object> body) {
        Stored before = stored(DELFT_CODE);
        HttpResponse<String> response = postJson(http, "/api/v1/requests", user, body);
        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.path("title").asText()).isEqualTo("Ongeldige invoer");
        assertThat(problem.path("errors").isArray()).as(response.body()).isTrue();
        problem.path("errors").forEach(error -> {
            assertThat(error.path("field").asText()).isNotBlank();
            assertThat(error.path("message").asText()).isNotBlank();
        });
        assertThat(stored(DELFT_CODE)).as("nothing stored for %s", body.keySet()).isEqualTo(before);
        return problem;
    }
}
