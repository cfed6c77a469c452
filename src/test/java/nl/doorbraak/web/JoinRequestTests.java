package nl.doorbraak.web;

import static nl.doorbraak.support.CaseSteps.completeCurrentTask;
import static nl.doorbraak.support.CaseSteps.postJson;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static nl.doorbraak.support.ProblemAssertions.assertProblem;
import static nl.doorbraak.support.ProblemAssertions.errorFields;
import static nl.doorbraak.support.ProblemAssertions.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.doorbraak.request.RequestSubmission;
import nl.doorbraak.support.Breakthroughs;
import nl.doorbraak.support.CaseSteps;
import nl.doorbraak.support.Http;
import nl.doorbraak.support.PostgresIntegrationTest;

/**
 * Joining a breakthrough through the API and the web form, on PostgreSQL: a valid join copies the
 * precedent's rule and instrument; a precedent that was not granted, that granted another
 * instrument, that lies in the submitter's own focus area or does not exist is refused with a
 * Dutch 400 on {@code precedent}, together with every other error, and nothing is stored. A join
 * is seen by its municipality and the confirming ministry only; its page shows the precedent and
 * the ministry's confirmation.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JoinRequestTests {

    private static final String HEERLEN = "heerlen";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RequestSubmission submission;
    @Autowired
    JdbcClient jdbc;

    private Http http;
    private String experiment;
    private String policyChange;
    private String rejected;

    @BeforeAll
    void breakthroughsOfRotterdamZuid() {
        experiment = Breakthroughs.decided(engine, submission, "granted", "experiment");
        policyChange = Breakthroughs.decided(engine, submission, "granted", "policy-change");
        rejected = Breakthroughs.decided(engine, submission, "rejected", null);
    }

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aJoinCopiesThePrecedentsRuleAndInstrumentAndItsPageShowsThePrecedentAndTheConfirmation() {
        HttpResponse<String> response = postJson(http, "/api/v1/requests", HEERLEN, join("heerlen-noord", experiment));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode request = Http.json(response);
        String reference = request.path("reference").asText();
        assertThat(request.path("kind").asText()).isEqualTo("join");
        assertThat(request.path("status").asText()).isEqualTo("intake");
        assertThat(request.path("submission").path("precedent").asText()).isEqualTo(experiment);
        assertThat(request.path("submission").path("requestedInstrument").asText()).isEqualTo("experiment");
        assertThat(request.path("submission").path("nationalRule").asText()).isEqualTo("participatiewet");
        assertThat(request.path("routedTo").toString()).isEqualTo("[\"szw\"]");
        JsonNode precedent = request.path("join").path("precedent");
        assertThat(precedent.path("reference").asText()).isEqualTo(experiment);
        assertThat(precedent.path("focusAreaName").asText()).isEqualTo("Rotterdam-Zuid");
        assertThat(precedent.path("instrument").asText()).isEqualTo("experiment");
        assertThat(precedent.path("conditions").asText()).isEqualTo(Breakthroughs.CONDITIONS);
        assertThat(precedent.has("contactEmail")).as("no personal data of the original").isFalse();
        assertThat(request.path("join").path("confirmation").isObject()).as("not yet confirmed").isFalse();

        // who sees it: the municipality and the confirming ministry; not Rotterdam, not Amsterdam
        assertThat(http.get("/api/v1/requests/" + reference, "reviewer-szw").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/requests/" + reference, "rotterdam").statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/requests/" + reference, "amsterdam").statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/requests/" + reference, "reviewer-vws").statusCode()).isEqualTo(404);

        completeCurrentTask(http, engine.getTaskService(), reference, "Task_CheckJoin", "programme-office",
                Map.of("joinCheckOutcome", "comparable"));
        completeCurrentTask(http, engine.getTaskService(), reference, "Task_ConfirmJoin", "reviewer-szw",
                Map.of("confirmationOutcome", "confirmed", "confirmationNote", "Zelfde doelgroep."));
        JsonNode confirmed = CaseSteps.request(http, HEERLEN, reference);
        assertThat(confirmed.path("join").path("confirmation").path("outcome").asText()).isEqualTo("confirmed");
        assertThat(confirmed.path("join").path("confirmation").path("ministry").asText()).isEqualTo("szw");
        assertThat(confirmed.path("join").path("confirmation").path("note").asText()).isEqualTo("Zelfde doelgroep.");
        assertThat(confirmed.path("status").asText()).isEqualTo("decision");
        assertThat(http.get("/api/v1/requests/" + reference + "/timeline", HEERLEN).body()).contains(
                "Het ministerie dat de oorspronkelijke doorbraak toekende, bevestigt de aansluiting",
                "Aansluiting bevestigd door SZW");

        String page = WebSession.loggedIn(port, HEERLEN).get("/verzoeken/" + reference).body();
        assertThat(page).contains("Aansluiting bij een doorbraak", experiment, "Rotterdam-Zuid",
                "Experiment op grond van een experimenteerbepaling", "Bevestigd: de doorbraak kan ook hier gelden",
                "Zelfde doelgroep.", "Participatiewet, artikel 22a");
    }

    @Test
    void aPrecedentThatCannotBeJoinedIsRefusedWithEveryOtherErrorAndNothingIsStored() {
        long before = requests();
        Map<String, Object> otherInstrument = join("heerlen-noord", policyChange);
        otherInstrument.remove("motivation");
        otherInstrument.put("contactEmail", "geen-adres");
        JsonNode problem = assertProblem(postJson(http, "/api/v1/requests", HEERLEN, otherInstrument), 400);
        assertThat(errorFields(problem)).containsExactlyInAnyOrder("precedent", "motivation", "contactEmail");
        assertThat(errorMessage(problem, "precedent")).isEqualTo("Op verzoek " + policyChange + " is wijziging van "
                + "beleidsregel, circulaire of besluit toegekend. Aansluiten kan alleen bij een experiment of een "
                + "tijdelijke vrijstelling.");

        String notGranted = "Er is geen toegekend verzoek met kenmerk '%s'. U kunt aansluiten bij een toegekend "
                + "experiment of een toegekende tijdelijke vrijstelling van een ander focusgebied.";
        assertThat(errorMessage(assertProblem(postJson(http, "/api/v1/requests", HEERLEN,
                join("heerlen-noord", rejected)), 400), "precedent")).isEqualTo(notGranted.formatted(rejected));
        assertThat(errorMessage(assertProblem(postJson(http, "/api/v1/requests", HEERLEN,
                join("heerlen-noord", "NPLV-2020-99999")), 400), "precedent"))
                .as("an unknown reference reads as one that was not granted").isEqualTo(notGranted.formatted("NPLV-2020-99999"));
        assertThat(errorMessage(assertProblem(postJson(http, "/api/v1/requests", "rotterdam",
                join("rotterdam-zuid", experiment)), 400), "precedent"))
                .isEqualTo("Verzoek " + experiment + " gaat over hetzelfde focusgebied. Aansluiten kan alleen bij een "
                        + "doorbraak van een ander focusgebied.");
        // another municipality's focus area is refused as for every kind
        assertThat(errorFields(assertProblem(postJson(http, "/api/v1/requests", HEERLEN,
                join("rotterdam-zuid", experiment)), 400))).contains("focusArea");
        // what the precedent decides is not the municipality's to send
        Map<String, Object> withInstrument = join("heerlen-noord", experiment);
        withInstrument.put("requestedInstrument", "law-change");
        assertThat(errorFields(assertProblem(postJson(http, "/api/v1/requests", HEERLEN, withInstrument), 400)))
                .containsExactly("requestedInstrument");
        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void documentsTimelineAndWithdrawalWorkAsForEveryKind() {
        Map<String, Object> body = join("heerlen-noord", experiment);
        String email = (String) body.get("contactEmail");
        String reference = CaseSteps.submit(http, HEERLEN, body);
        assertThat(CaseSteps.upload(http, HEERLEN, reference, "toelichting.pdf", "application/pdf", CaseSteps.PDF)
                .statusCode()).isEqualTo(201);
        assertThat(CaseSteps.request(http, "reviewer-szw", reference).path("reference").asText()).isEqualTo(reference);

        HttpResponse<String> withdrawn = postJson(http, "/api/v1/requests/" + reference + "/withdrawal", HEERLEN,
                Map.of("reason", "Het probleem is opgelost."));
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        nl.doorbraak.support.Jobs.runDue(engine);
        assertThat(CaseSteps.request(http, HEERLEN, reference).path("status").asText()).isEqualTo("withdrawn");
        assertThat(nl.doorbraak.support.TestMailServer.receivedBy(email)).anySatisfy(mail ->
                assertThat(mail.subject()).contains(reference, "ingetrokken"));
        String timeline = http.get("/api/v1/requests/" + reference + "/timeline", HEERLEN).body();
        assertThat(timeline).contains("Verzoek ingediend", "Verzoek ingetrokken");
    }

    @Test
    void theOpenApiDocumentDescribesTheJoinBody() {
        JsonNode schemas = Http.json(http.get("/api/v1/openapi.json", HEERLEN)).path("components").path("schemas");
        JsonNode join = schemas.path("JoinRequest");
        assertThat(join.path("properties").path("kind").path("enum").get(0).asText()).isEqualTo("join");
        assertThat(join.path("required").toString()).contains("\"precedent\"", "\"motivation\"", "\"focusArea\"");
    }

    @Test
    void theWebFormListsTheJoinableBreakthroughsAndSubmitsAJoin() {
        WebSession session = WebSession.loggedIn(port, HEERLEN);
        assertThat(session.get("/verzoeken/nieuw").body()).contains("Aansluiten bij een doorbraak");
        String form = session.get("/verzoeken/nieuw?soort=join").body();
        assertThat(form).contains(">verzoek om aansluiting</span>", "Toegekende doorbraken",
                "<option value=\"" + experiment + "\"", Breakthroughs.CONDITIONS)
                .as("only experiments and exemptions can be joined").doesNotContain("<option value=\"" + policyChange + "\"")
                .doesNotContain("<option value=\"" + rejected + "\"").doesNotContain("id=\"title\"");

        Map<String, String> fields = new LinkedHashMap<>(Map.of("kind", "join", "focusArea", "heerlen-noord",
                "precedent", "", "motivation", "Dezelfde kostendelersproblematiek.", "urgency", "normal",
                "contactName", "M. Janssen", "contactEmail", uniqueEmail(HEERLEN), "action", "submit"));
        String errors = session.post("/verzoeken/nieuw", fields).body();
        assertThat(errors).contains("Er is iets niet goed ingevuld", "Kenmerk van de doorbraak waarbij u wilt aansluiten is verplicht.");

        fields.put("precedent", experiment);
        HttpResponse<String> submitted = session.post("/verzoeken/nieuw", fields);
        assertThat(submitted.statusCode()).isEqualTo(302);
        String location = submitted.headers().firstValue("Location").orElseThrow();
        String page = session.get(location.substring(location.indexOf("/verzoeken/"))).body();
        assertThat(page).contains("Uw verzoek is ingediend onder kenmerk", "Aansluiting bij een doorbraak", experiment,
                "Nog niet gegeven.");
    }

    private Map<String, Object> join(String focusArea, String precedent) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "join");
        body.put("focusArea", focusArea);
        body.put("precedent", precedent);
        body.put("motivation", "Ook hier verlaten jongvolwassenen het ouderlijk huis door de kostendelersnorm.");
        body.put("residentsAffected", 120);
        body.put("urgency", "normal");
        body.put("contactName", "M. Janssen");
        body.put("contactEmail", uniqueEmail(focusArea));
        return body;
    }

    private long requests() {
        return jdbc.sql("SELECT count(*) FROM request").query(Long.class).single();
    }
}
