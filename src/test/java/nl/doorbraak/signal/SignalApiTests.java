package nl.doorbraak.signal;

import static nl.doorbraak.support.CaseSteps.postJson;
import static nl.doorbraak.support.CaseSteps.submit;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static nl.doorbraak.support.ProblemAssertions.assertProblem;
import static nl.doorbraak.support.ProblemAssertions.errorFields;
import static nl.doorbraak.support.ProblemAssertions.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.doorbraak.audit.AuditEntry;
import nl.doorbraak.audit.AuditQueries;
import nl.doorbraak.support.CaseSteps;
import nl.doorbraak.support.Http;
import nl.doorbraak.support.Jobs;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TestUsers;
import nl.doorbraak.webapps.WebappSession;

/**
 * The signals API on PostgreSQL: the programme office starts a signal, links and unlinks requests
 * (with reasons, audited on both chains); who reads which signals (a ministry only its own, others
 * 404; municipalities 403); every error at once (400) and the conflicts (409). The requests here
 * name the Wmo 2015 and the Jeugdwet with articles no other test uses.
 */
@PostgresIntegrationTest
class SignalApiTests {

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    AuditQueries auditQueries;
    @Autowired
    ProcessEngine engine;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void theProgrammeOfficeStartsLinksAndUnlinksAndEveryStepIsAudited() {
        String first = request("rotterdam", "rotterdam-zuid", "wmo-2015", "art. 2.3.2 api");
        String second = request("schiedam", "schiedam-nieuwland", "wmo-2015", "art. 2.3.2 api");

        HttpResponse<String> started = postJson(http, "/api/v1/signals", TestUsers.PROGRAMME_OFFICE, Map.of(
                "nationalRule", "wmo-2015", "article", "Artikel 2.3.2 API",
                "reason", "Drie gemeenten melden dat het maatwerkbesluit de wijkaanpak doorkruist.",
                "requests", List.of(first)));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        JsonNode signal = Http.json(started);
        String reference = signal.path("reference").asText();
        assertThat(started.headers().firstValue("Location")).hasValue("/api/v1/signals/" + reference);
        assertThat(signal.path("status").asText()).isEqualTo("open");
        assertThat(signal.path("ministry").asText()).isEqualTo("vws");
        assertThat(signal.path("article").asText()).isEqualTo("2.3.2 api");
        assertThat(signal.path("startedBy").asText()).isEqualTo("programme-office");
        assertThat(signal.path("nationalRule").path("bwbId").asText()).isEqualTo("BWBR0035362");
        assertThat(references(signal.path("requests"))).containsExactly(first);
        assertThat(signal.path("requests").get(0).path("focusArea").asText()).isEqualTo("Rotterdam-Zuid");
        assertThat(signal.path("requests").get(0).path("municipality").asText()).isEqualTo("Rotterdam");

        Task answer = taskService.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey("Task_AnswerSignal").singleResult();
        assertThat(answer.getName()).isEqualTo("Structureel antwoord geven signaal " + reference + " (VWS)");

        // a second open signal on the same rule and article
        HttpResponse<String> again = postJson(http, "/api/v1/signals", TestUsers.PROGRAMME_OFFICE, Map.of(
                "nationalRule", "wmo-2015", "article", "art. 2.3.2 api", "reason", "Nog een keer.",
                "requests", List.of(second)));
        assertThat(assertProblem(again, 409).path("detail").asText()).contains(reference);

        JsonNode linked = ok(postJson(http, "/api/v1/signals/" + reference + "/links", TestUsers.PROGRAMME_OFFICE,
                Map.of("request", second, "reason", "Zelfde knelpunt in Nieuwland-Oost.")));
        assertThat(references(linked.path("requests"))).containsExactly(first, second);
        assertProblem(postJson(http, "/api/v1/signals/" + reference + "/links", TestUsers.PROGRAMME_OFFICE,
                Map.of("request", second, "reason", "Nog eens.")), 409);

        // the request shows its signal: detail (to the municipality too) and timeline
        JsonNode detail = CaseSteps.request(http, "schiedam", second);
        assertThat(detail.path("signal").path("reference").asText()).isEqualTo(reference);
        assertThat(detail.path("signal").path("status").asText()).isEqualTo("open");
        assertThat(Http.json(http.get("/api/v1/requests/" + second + "/timeline", "schiedam")).path("items")
                .findValuesAsText("text")).contains("Gekoppeld aan signaal " + reference);

        JsonNode unlinked = ok(postJson(http, "/api/v1/signals/" + reference + "/unlinks", TestUsers.PROGRAMME_OFFICE,
                Map.of("request", second, "reason", "Gaat bij nader inzien over een ander artikel.")));
        assertThat(references(unlinked.path("requests"))).containsExactly(first);
        assertThat(unlinked.path("unlinked").get(0).path("reference").asText()).isEqualTo(second);
        assertThat(unlinked.path("unlinked").get(0).path("unlinkReason").asText()).startsWith("Gaat bij nader inzien");
        assertThat(unlinked.path("unlinked").get(0).path("unlinkedBy").asText()).isEqualTo("programme-office");
        assertThat(CaseSteps.request(http, "schiedam", second).path("signal").path("reference").isMissingNode()).isTrue();
        assertThat(assertProblem(postJson(http, "/api/v1/signals/" + reference + "/unlinks", TestUsers.PROGRAMME_OFFICE,
                Map.of("request", second, "reason", "Nog eens.")), 409).path("detail").asText())
                .contains("is niet gekoppeld");

        assertThat(auditQueries.applicationEntries(second)).extracting(AuditEntry::action)
                .containsSubsequence("signal-linked", "signal-unlinked");
        assertThat(auditQueries.applicationEntries(second)).filteredOn(entry -> entry.action().equals("signal-unlinked"))
                .singleElement().satisfies(entry -> {
                    assertThat(entry.userId()).isEqualTo("programme-office");
                    assertThat(entry.explanation()).startsWith("Gaat bij nader inzien");
                });
        assertThat(auditQueries.applicationEntries(reference)).extracting(AuditEntry::action)
                .containsSubsequence("signal-started", "signal-linked", "signal-linked", "signal-unlinked");

        // VWS answers through the task API, with the same rules as Tasklist
        String task = "/api/v1/tasks/" + answer.getId();
        assertThat(ok(http.get(task, TestUsers.REVIEWER_VWS)).path("context").path("caseReference").asText())
                .isEqualTo(reference);
        assertProblem(http.get(task, TestUsers.REVIEWER_SZW), 404);
        assertThat(errorFields(assertProblem(postJson(http, task + "/completion", TestUsers.REVIEWER_VWS,
                Map.of("answerKind", "no-change", "answer", "De regel blijft.")), 400))).containsExactly("answerReasons");
        assertThat(postJson(http, task + "/completion", TestUsers.REVIEWER_VWS, Map.of("answerKind", "guidance",
                "answer", "VWS schrijft een handreiking over maatwerk.")).statusCode()).isEqualTo(204);
        Jobs.runDue(engine);
        JsonNode answered = ok(http.get("/api/v1/signals/" + reference, TestUsers.AUDITOR));
        assertThat(answered.path("status").asText()).isEqualTo("answered");
        assertThat(answered.path("answer").path("kind").asText()).isEqualTo("guidance");
        assertThat(answered.path("answer").path("answeredBy").asText()).isEqualTo(TestUsers.REVIEWER_VWS);
        assertThat(assertProblem(postJson(http, "/api/v1/signals/" + reference + "/links", TestUsers.PROGRAMME_OFFICE,
                Map.of("request", second, "reason", "Te laat.")), 409).path("detail").asText()).contains("al beantwoord");
    }

    @Test
    void programmeDirectorAndAuditorsReadAllAMinistryItsOwnAndMunicipalitiesNone() {
        String first = request("rotterdam", "rotterdam-zuid", "jeugdwet", "art. 2.3 api");
        String reference = start("jeugdwet", "art. 2.3 api", first);

        for (String reader : List.of(TestUsers.PROGRAMME_OFFICE, TestUsers.PROGRAMME_DIRECTOR, TestUsers.AUDITOR,
                TestUsers.REVIEWER_VWS, "lead-vws")) {
            assertThat(references(ok(http.get("/api/v1/signals", reader)).path("items"))).as(reader).contains(reference);
            assertThat(ok(http.get("/api/v1/signals/" + reference, reader)).path("reference").asText()).isEqualTo(reference);
        }
        assertThat(references(ok(http.get("/api/v1/signals", TestUsers.REVIEWER_SZW)).path("items")))
                .doesNotContain(reference);
        assertProblem(http.get("/api/v1/signals/" + reference, TestUsers.REVIEWER_SZW), 404);
        assertProblem(http.get("/api/v1/signals/SIG-1900-999", TestUsers.PROGRAMME_OFFICE), 404);
        assertProblem(http.get("/api/v1/signals", TestUsers.ROTTERDAM), 403);
        assertProblem(http.get("/api/v1/signals/" + reference, TestUsers.ROTTERDAM), 403);
        assertProblem(http.get("/api/v1/signals"), 401);

        assertThat(references(ok(http.get("/api/v1/signals?status=open&ministry=vws&nationalRule=jeugdwet",
                TestUsers.AUDITOR)).path("items"))).contains(reference);
        assertThat(references(ok(http.get("/api/v1/signals?ministry=szw", TestUsers.AUDITOR)).path("items")))
                .doesNotContain(reference);
        assertThat(errorFields(assertProblem(http.get("/api/v1/signals?status=closed&ministry=xyz&color=red",
                TestUsers.AUDITOR), 400))).containsExactlyInAnyOrder("status", "ministry", "color");
    }

    @Test
    void onlyTheProgrammeOfficeWritesAndEveryErrorIsReportedAtOnce() {
        String first = request("rotterdam", "rotterdam-zuid", "jeugdwet", "art. 2.4 api");
        String reference = start("jeugdwet", "art. 2.4 api", first);
        Map<String, Object> body = Map.of("nationalRule", "jeugdwet", "reason", "x", "requests", List.of(first));
        for (String user : List.of(TestUsers.ROTTERDAM, TestUsers.REVIEWER_VWS, TestUsers.PROGRAMME_DIRECTOR,
                TestUsers.AUDITOR)) {
            assertProblem(postJson(http, "/api/v1/signals", user, body), 403);
            assertProblem(postJson(http, "/api/v1/signals/" + reference + "/links", user,
                    Map.of("request", first, "reason", "x")), 403);
            assertProblem(postJson(http, "/api/v1/signals/" + reference + "/unlinks", user,
                    Map.of("request", first, "reason", "x")), 403);
        }
        assertProblem(postJson(http, "/api/v1/signals", null, body), 401);

        JsonNode empty = assertProblem(postJson(http, "/api/v1/signals", TestUsers.PROGRAMME_OFFICE, Map.of()), 400);
        assertThat(errorFields(empty)).containsExactlyInAnyOrder("nationalRule", "reason", "requests");

        Map<String, Object> wrong = new LinkedHashMap<>();
        wrong.put("nationalRule", "wet-op-de-maan");
        wrong.put("reason", "Maanwet.");
        wrong.put("requests", List.of("NPLV-1900-99999", 5, first, first));
        wrong.put("colour", "rood");
        JsonNode problem = assertProblem(postJson(http, "/api/v1/signals", TestUsers.PROGRAMME_OFFICE, wrong), 400);
        assertThat(errorFields(problem)).containsExactlyInAnyOrder("colour", "nationalRule", "requests[0]",
                "requests[1]", "requests[3]");
        assertThat(errorMessage(problem, "requests[0]")).isEqualTo("Verzoek 'NPLV-1900-99999' bestaat niet.");

        assertThat(errorFields(assertProblem(postJson(http, "/api/v1/signals/" + reference + "/links",
                TestUsers.PROGRAMME_OFFICE, Map.of()), 400))).containsExactlyInAnyOrder("request", "reason");
        assertThat(errorMessage(assertProblem(postJson(http, "/api/v1/signals/" + reference + "/links",
                TestUsers.PROGRAMME_OFFICE, Map.of("request", "NPLV-1900-99999", "reason", "x")), 400), "request"))
                .isEqualTo("Verzoek 'NPLV-1900-99999' bestaat niet.");
        assertProblem(postJson(http, "/api/v1/signals/SIG-1900-999/links", TestUsers.PROGRAMME_OFFICE,
                Map.of("request", first, "reason", "x")), 404);

        // a request already in an open signal is not started into another one
        assertThat(assertProblem(postJson(http, "/api/v1/signals", TestUsers.PROGRAMME_OFFICE, Map.of(
                "nationalRule", "jeugdwet", "article", "art. 2.5 api", "reason", "Ander artikel.",
                "requests", List.of(first))), 409).path("detail").asText()).contains("al gekoppeld aan signaal " + reference);
    }

    @Test
    void nobodyStartsASignalThroughTasklistsEngineApi() {
        String path = WebappSession.ENGINE_API + "process-definition/key/recurring-obstacle-signal/";
        for (String user : List.of(TestUsers.ROTTERDAM, TestUsers.PROGRAMME_OFFICE, TestUsers.REVIEWER_SZW)) {
            WebappSession tasklist = WebappSession.login(port, "tasklist", user);
            assertThat(assertProblem(tasklist.post(path + "submit-form", Map.of("variables", Map.of())), 403)
                    .path("detail").asText()).as(user).contains("kan niet vanuit Tasklist worden gestart");
            assertProblem(tasklist.post(path + "start", Map.of("businessKey", "SIG-2000-001")), 403);
        }
    }

    // --- helpers

    private String request(String user, String focusArea, String nationalRule, String article) {
        Map<String, Object> body = CaseSteps.ruleChange(focusArea, uniqueEmail(user));
        body.remove("regulation");
        body.put("nationalRule", nationalRule);
        body.put("article", article);
        return submit(http, user, body);
    }

    private String start(String nationalRule, String article, String... requests) {
        HttpResponse<String> started = postJson(http, "/api/v1/signals", TestUsers.PROGRAMME_OFFICE, Map.of(
                "nationalRule", nationalRule, "article", article, "reason", "Terugkerend knelpunt.",
                "requests", List.of(requests)));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        return Http.json(started).path("reference").asText();
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("%s: %s", response.uri(), response.body()).isEqualTo(200);
        return Http.json(response);
    }

    private static List<String> references(JsonNode items) {
        List<String> references = new ArrayList<>();
        items.forEach(item -> references.add(item.path("reference").asText()));
        return references;
    }
}
