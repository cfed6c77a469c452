package nl.doorbraak.tasks;

import static nl.doorbraak.support.CaseSteps.advise;
import static nl.doorbraak.support.CaseSteps.complete;
import static nl.doorbraak.support.CaseSteps.intakeAsks;
import static nl.doorbraak.support.CaseSteps.intakeComplete;
import static nl.doorbraak.support.CaseSteps.openTask;
import static nl.doorbraak.support.CaseSteps.postJson;
import static nl.doorbraak.support.CaseSteps.postRaw;
import static nl.doorbraak.support.CaseSteps.request;
import static nl.doorbraak.support.CaseSteps.ruleChange;
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
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.doorbraak.support.Http;
import nl.doorbraak.support.Jobs;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TestMailServer;
import nl.doorbraak.support.TestUsers;

/**
 * The task API: the caller's open tasks, one task with its case context, and completing a task
 * with the rules of its form. Requests here come from Arnhem (0202); Zaanstad (0479) plays the
 * other municipality.
 */
@PostgresIntegrationTest
class TaskApiTests {

    static final String ARNHEM = "arnhem";
    static final String ARNHEM_AREA = "arnhem-oost";
    static final String ZAANSTAD = "zaanstad";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aMunicipalitySeesTheQuestionAboutItsRequestAsATaskAndAnswersIt() {
        String reference = submit(http, ARNHEM, ruleChange(ARNHEM_AREA, uniqueEmail(ARNHEM), "income-support"));
        String question = "Kunt u de wijkanalyse van Arnhem-Oost meesturen?";
        intakeAsks(http, processEngine, reference, question);
        String taskId = openTask(taskService, reference, "Task_ProvideInformation").getId();

        // in the list
        JsonNode listed = listedTask(ARNHEM, taskId).orElseThrow(() -> new AssertionError("not in Arnhem's tasks"));
        assertThat(listed.path("name").asText()).isEqualTo("Informatie aanleveren verzoek " + reference);
        assertThat(listed.path("taskDefinitionKey").asText()).isEqualTo("Task_ProvideInformation");
        assertThat(listed.path("reference").asText()).isEqualTo(reference);
        assertThat(listed.path("processDefinitionKey").asText()).isEqualTo("rule-change-request");
        assertThat(texts(listed.path("candidateGroups"))).containsExactly("municipality-0202");
        assertThat(listed.hasNonNull("due")).isTrue();
        assertThat(listed.path("_links").path("self").asText()).isEqualTo("/api/v1/tasks/" + taskId);
        assertThat(listed.path("_links").path("completion").asText())
                .isEqualTo("/api/v1/tasks/" + taskId + "/completion");

        // with the case context its form shows
        JsonNode task = Http.json(ok(http.get("/api/v1/tasks/" + taskId, ARNHEM)));
        JsonNode context = task.path("context");
        assertThat(context.path("caseReference").asText()).isEqualTo(reference);
        assertThat(context.path("caseTitle").asText())
                .isEqualTo("Kostendelersnorm buiten toepassing voor thuiswonende jongvolwassenen");
        assertThat(context.path("caseMunicipality").asText()).isEqualTo("Arnhem");
        assertThat(context.path("caseFocusArea").asText()).isEqualTo("Arnhem-Oost");
        assertThat(context.path("caseRule").asText()).isEqualTo("Participatiewet, artikel 22a");
        assertThat(context.path("caseRuleDomains").asText()).isEqualTo("Inkomensondersteuning");
        assertThat(context.path("caseInstrument").asText()).isEqualTo("Experiment op grond van een experimenteerbepaling");
        assertThat(context.path("caseUrgency").asText()).isEqualTo("Normaal");
        assertThat(context.path("caseConflict").asText()).startsWith("De kostendelersnorm verlaagt de bijstand");
        assertThat(context.path("caseHistory").asText())
                .contains("Vraag van het programmabureau").contains(question).contains("Nog niet beantwoord.");

        // an answer is required
        JsonNode problem = assertProblem(postJson(http, "/api/v1/tasks/" + taskId + "/completion", ARNHEM,
                Map.of("informationAnswer", "  ")), 400);
        assertThat(errorFields(problem)).containsExactly("informationAnswer");
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);

        String answer = "De wijkanalyse staat op arnhem.nl/oost; 120 huishoudens vallen onder de norm.";
        complete(http, ARNHEM, taskId, Map.of("informationAnswer", answer));

        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isZero();
        assertProblem(http.get("/api/v1/tasks/" + taskId, ARNHEM), 404);
        assertThat(listedTask(ARNHEM, taskId)).isEmpty();
        assertThat(request(http, ARNHEM, reference).path("status").asText()).isEqualTo("intake");
        Map<String, Object> stored = jdbc.sql("""
                SELECT answer, answered_by FROM information_request
                WHERE request_id = (SELECT id FROM request WHERE reference = ?)""")
                .param(reference).query().singleRow();
        assertThat(stored).containsEntry("answer", answer).containsEntry("answered_by", ARNHEM);

        // the programme office reads question and answer in its next intake
        String intakeId = openTask(taskService, reference, "Task_Intake").getId();
        JsonNode intake = Http.json(ok(http.get("/api/v1/tasks/" + intakeId, TestUsers.PROGRAMME_OFFICE)));
        assertThat(intake.path("context").path("caseHistory").asText()).contains(question).contains(answer);
    }

    @Test
    void aMinistrysQuestionReachesTheMunicipalityAndTheAnswerGoesBackToTheReviewer() {
        String email = uniqueEmail(ARNHEM);
        String reference = submit(http, ARNHEM, ruleChange(ARNHEM_AREA, email, "income-support"));
        intakeComplete(http, taskService, reference, "income-support");
        String assessId = openTask(taskService, reference, "Task_Assess", "ministry-szw").getId();
        String question = "Hoeveel van deze huishoudens hebben schulden?";
        complete(http, TestUsers.REVIEWER_SZW, assessId, Map.of("assessmentOutcome", "information-needed",
                "informationQuestion", question));
        Jobs.runDue(processEngine);

        String taskId = openTask(taskService, reference, "Task_ProvideInformation").getId();
        JsonNode listed = listedTask(ARNHEM, taskId).orElseThrow(() -> new AssertionError("not in Arnhem's tasks"));
        assertThat(listed.path("reference").asText()).isEqualTo(reference);
        assertThat(listed.path("processDefinitionKey").asText()).isEqualTo("ministry-assessment");
        assertThat(listed.hasNonNull("due")).isTrue();
        JsonNode context = Http.json(ok(http.get("/api/v1/tasks/" + taskId, ARNHEM))).path("context");
        assertThat(context.path("caseReference").asText()).isEqualTo(reference);
        assertThat(context.path("caseHistory").asText()).contains("Vraag van SZW").contains(question);
        assertThat(listedTask(TestUsers.REVIEWER_SZW, taskId)).isEmpty();
        assertProblem(http.get("/api/v1/tasks/" + taskId, TestUsers.REVIEWER_SZW), 404);
        assertThat(TestMailServer.receivedBy(email)).anySatisfy(mail -> {
            assertThat(mail.subject()).isEqualTo("Vraag over uw verzoek " + reference);
            assertThat(mail.body()).contains(question).contains("Ministerie van Sociale Zaken en Werkgelegenheid");
        });

        String answer = "Ongeveer een derde heeft problematische schulden.";
        complete(http, ARNHEM, taskId, Map.of("informationAnswer", answer));

        String again = openTask(taskService, reference, "Task_Assess", "ministry-szw").getId();
        assertThat(again).isNotEqualTo(assessId);
        JsonNode reviewerContext = Http.json(ok(http.get("/api/v1/tasks/" + again, TestUsers.REVIEWER_SZW)))
                .path("context");
        assertThat(reviewerContext.path("caseHistory").asText()).contains(question).contains(answer);
        assertThat(listedTask(ARNHEM, taskId)).isEmpty();
    }

    @Test
    void anotherMunicipalityNeitherSeesNorAnswersTheQuestion() {
        String reference = submit(http, ARNHEM, ruleChange(ARNHEM_AREA, uniqueEmail(ARNHEM)));
        intakeAsks(http, processEngine, reference, "Welke scholen doen mee?");
        String taskId = openTask(taskService, reference, "Task_ProvideInformation").getId();

        assertThat(listedTask(ZAANSTAD, taskId)).isEmpty();
        assertProblem(http.get("/api/v1/tasks/" + taskId, ZAANSTAD), 404);
        assertProblem(postJson(http, "/api/v1/tasks/" + taskId + "/completion", ZAANSTAD,
                Map.of("informationAnswer", "Alle scholen")), 404);

        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
        assertThat(runtimeService.getVariable(openTask(taskService, reference, "Task_ProvideInformation")
                .getProcessInstanceId(), "informationAnswer")).isNull();
    }

    @Test
    void aReviewerOfOneMinistryCannotSeeOrCompleteAnotherMinistrysTask() {
        // urgent: due sooner than the ordinary assessments of other tests, so it is on the first 200 of SZW's list
        Map<String, Object> urgent = ruleChange(ARNHEM_AREA, uniqueEmail(ARNHEM), "income-support");
        urgent.put("urgency", "urgent");
        String reference = submit(http, ARNHEM, urgent);
        intakeComplete(http, taskService, reference, "income-support");
        String taskId = openTask(taskService, reference, "Task_Assess", "ministry-szw").getId();
        Map<String, Object> advice = Map.of("assessmentOutcome", "advice", "advice", "reject",
                "rationale", "Niet onze regel, maar we wijzen toch af.");

        for (String outsider : List.of(TestUsers.REVIEWER_VWS, TestUsers.LEAD_SZW)) {
            assertThat(listedTask(outsider, taskId)).as(outsider).isEmpty();
            assertProblem(http.get("/api/v1/tasks/" + taskId, outsider), 404);
            assertProblem(postJson(http, "/api/v1/tasks/" + taskId + "/completion", outsider, advice), 404);
        }
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM advice WHERE request_id = (SELECT id FROM request WHERE reference = ?)")
                .param(reference).query(Long.class).single()).isZero();

        // the ministry's own reviewer sees the task with the case, and completes it
        assertThat(listedTask(TestUsers.REVIEWER_SZW, taskId)).isPresent();
        JsonNode task = Http.json(ok(http.get("/api/v1/tasks/" + taskId, TestUsers.REVIEWER_SZW)));
        assertThat(task.path("name").asText()).isEqualTo("Beoordelen verzoek " + reference + " (SZW)");
        assertThat(task.path("context").path("caseMinistry").asText()).isEqualTo("SZW");
        assertThat(task.path("context").path("caseReference").asText()).isEqualTo(reference);
        complete(http, TestUsers.REVIEWER_SZW, taskId, Map.of("assessmentOutcome", "advice", "advice", "support",
                "rationale", "Past binnen de experimenteerbepaling."));
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isZero();
    }

    @Test
    void theIntakeWithBadInputListsEveryErrorAndLeavesTheTaskOpenWithNothingChanged() {
        String reference = submit(http, ARNHEM, ruleChange(ARNHEM_AREA, uniqueEmail(ARNHEM), "income-support"));
        Task intake = openTask(taskService, reference, "Task_Intake");
        String completion = "/api/v1/tasks/" + intake.getId() + "/completion";

        Map<String, Object> nonsense = new LinkedHashMap<>();
        nonsense.put("intakeOutcome", "maybe");
        nonsense.put("ruleDomains", List.of("astrology"));
        nonsense.put("extraMinistries", "szw");
        nonsense.put("intakeNote", "n".repeat(5001));
        nonsense.put("priority", "high");
        JsonNode problem = assertProblem(postJson(http, completion, TestUsers.PROGRAMME_OFFICE, nonsense), 400);
        assertThat(errorFields(problem)).containsExactlyInAnyOrder("intakeOutcome", "ruleDomains", "extraMinistries",
                "intakeNote", "priority");
        assertThat(problem.path("detail").asText()).isEqualTo("De invoer bevat 5 fouten.");
        assertNothingHappenedTo(reference, intake);

        Map<String, Object> questionMissing = new LinkedHashMap<>();
        questionMissing.put("intakeOutcome", "information-needed");
        questionMissing.put("ruleDomains", List.of("income-support"));
        questionMissing.put("colour", "red");
        problem = assertProblem(postJson(http, completion, TestUsers.PROGRAMME_OFFICE, questionMissing), 400);
        assertThat(errorFields(problem)).containsExactlyInAnyOrder("informationQuestion", "colour");
        assertThat(errorMessage(problem, "informationQuestion")).isEqualTo("Vraag aan de gemeente is verplicht.");
        assertNothingHappenedTo(reference, intake);

        problem = assertProblem(postJson(http, completion, TestUsers.PROGRAMME_OFFICE, Map.of()), 400);
        assertThat(errorFields(problem)).containsExactlyInAnyOrder("intakeOutcome", "ruleDomains");
        assertNothingHappenedTo(reference, intake);

        assertProblem(postRaw(http, completion, TestUsers.PROGRAMME_OFFICE, "{\"intakeOutcome\": ", null), 400);
        assertNothingHappenedTo(reference, intake);

        // the same task then takes valid input
        intakeComplete(http, taskService, reference, "income-support");
        assertThat(request(http, ARNHEM, reference).path("status").asText()).isEqualTo("assessment");
    }

    @Test
    void anAdviceWithBadInputListsEveryErrorAndRecordsNoAdvice() {
        String reference = submit(http, ARNHEM, ruleChange(ARNHEM_AREA, uniqueEmail(ARNHEM), "income-support"));
        intakeComplete(http, taskService, reference, "income-support");
        Task assess = openTask(taskService, reference, "Task_Assess", "ministry-szw");

        Map<String, Object> values = new LinkedHashMap<>();
        values.put("assessmentOutcome", "advice");
        values.put("advice", "support-with-conditions");
        values.put("proposedInstrument", "abolish-everything");
        JsonNode problem = assertProblem(postJson(http, "/api/v1/tasks/" + assess.getId() + "/completion",
                TestUsers.REVIEWER_SZW, values), 400);
        assertThat(errorFields(problem)).containsExactlyInAnyOrder("rationale", "proposedInstrument", "conditions");
        assertThat(taskService.createTaskQuery().taskId(assess.getId()).count()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM advice WHERE request_id = (SELECT id FROM request WHERE reference = ?)")
                .param(reference).query(Long.class).single()).isZero();
        assertThat(runtimeService.getVariable(assess.getProcessInstanceId(), "advice")).isNull();
    }

    @Test
    void aGrantWithoutInstrumentOrEffectiveDateIsAProblem400NotACrash() {
        String reference = submit(http, ARNHEM, ruleChange(ARNHEM_AREA, uniqueEmail(ARNHEM), "income-support"));
        intakeComplete(http, taskService, reference, "income-support");
        advise(http, processEngine, reference, "szw", "support", "Past binnen de experimenteerbepaling.");
        Task decide = openTask(taskService, reference, "Task_Decide");

        JsonNode problem = assertProblem(postJson(http, "/api/v1/tasks/" + decide.getId() + "/completion",
                TestUsers.PROGRAMME_DIRECTOR, Map.of("decisionOutcome", "granted", "rationale", "Goed plan.")), 400);
        assertThat(errorFields(problem)).containsExactlyInAnyOrder("instrument", "effectiveDate");
        assertThat(taskService.createTaskQuery().taskId(decide.getId()).count()).isEqualTo(1);
    }

    @Test
    void completingATaskThatIsAlreadyCompletedIsAProblemAndChangesNothing() {
        String reference = submit(http, ARNHEM, ruleChange(ARNHEM_AREA, uniqueEmail(ARNHEM), "income-support"));
        String intakeId = openTask(taskService, reference, "Task_Intake").getId();
        Map<String, Object> values = Map.of("intakeOutcome", "complete", "ruleDomains", List.of("income-support"));
        complete(http, TestUsers.PROGRAMME_OFFICE, intakeId, values);
        long openTasks = taskService.createTaskQuery().processInstanceBusinessKey(reference).count();

        HttpResponse<String> again = postJson(http, "/api/v1/tasks/" + intakeId + "/completion",
                TestUsers.PROGRAMME_OFFICE, values);
        assertThat(again.statusCode()).as(again.body()).isIn(404, 409);
        assertProblem(again, again.statusCode());

        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(reference).count()).isEqualTo(openTasks);
        assertThat(jdbc.sql("SELECT count(*) FROM request_ministry WHERE request_id = "
                        + "(SELECT id FROM request WHERE reference = ?)")
                .param(reference).query(Long.class).single()).isEqualTo(1);
        assertThat(request(http, ARNHEM, reference).path("status").asText()).isEqualTo("assessment");
    }

    @Test
    void whenColleaguesCompleteTheSameIntakeAtOnceOneWinsAndTheOthersGetAConflict() throws Exception {
        String reference = submit(http, ARNHEM, ruleChange(ARNHEM_AREA, uniqueEmail(ARNHEM), "income-support"));
        String intakeId = openTask(taskService, reference, "Task_Intake").getId();

        List<HttpResponse<String>> responses = completeAtOnce(intakeId, TestUsers.PROGRAMME_OFFICE,
                Map.of("intakeOutcome", "complete", "ruleDomains", List.of("income-support")));

        assertOneWinnerAndConflicts(responses);
        assertThat(jdbc.sql("SELECT ministry_code FROM request_ministry WHERE request_id = "
                        + "(SELECT id FROM request WHERE reference = ?)")
                .param(reference).query(String.class).list()).containsExactly("szw");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey("Task_Assess")
                .count()).isEqualTo(1);
    }

    @Test
    void whenAReviewerSendsTheSameAdviceTwiceAtOnceOneAdviceIsRecordedAndTheOtherGetsAConflict() throws Exception {
        String reference = submit(http, ARNHEM, ruleChange(ARNHEM_AREA, uniqueEmail(ARNHEM), "income-support"));
        intakeComplete(http, taskService, reference, "income-support");
        String assessId = openTask(taskService, reference, "Task_Assess", "ministry-szw").getId();

        List<HttpResponse<String>> responses = completeAtOnce(assessId, TestUsers.REVIEWER_SZW,
                Map.of("assessmentOutcome", "advice", "advice", "support", "rationale", "Akkoord."));

        assertOneWinnerAndConflicts(responses);
        assertThat(jdbc.sql("SELECT count(*) FROM advice WHERE request_id = (SELECT id FROM request WHERE reference = ?)")
                .param(reference).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aTaskAssignedToSomeoneElseCannotBeCompletedByAColleague() {
        String reference = submit(http, ARNHEM, ruleChange(ARNHEM_AREA, uniqueEmail(ARNHEM), "income-support"));
        Task intake = openTask(taskService, reference, "Task_Intake");
        taskService.setAssignee(intake.getId(), "programme-office-colleague");

        JsonNode problem = assertProblem(postJson(http, "/api/v1/tasks/" + intake.getId() + "/completion",
                TestUsers.PROGRAMME_OFFICE, Map.of("intakeOutcome", "complete",
                        "ruleDomains", List.of("income-support"))), 409);
        assertThat(problem.path("detail").asText()).contains("programme-office-colleague");
        assertNothingHappenedTo(reference, intake);

        // assigned to the caller, it is theirs to complete
        taskService.setAssignee(intake.getId(), TestUsers.PROGRAMME_OFFICE);
        intakeComplete(http, taskService, reference, "income-support");
    }

    @Test
    void anUnknownTaskIsAProblem404() {
        assertProblem(http.get("/api/v1/tasks/no-such-task", TestUsers.PROGRAMME_OFFICE), 404);
        assertProblem(postJson(http, "/api/v1/tasks/no-such-task/completion", TestUsers.PROGRAMME_OFFICE,
                Map.of("intakeOutcome", "complete")), 404);
    }

    @Test
    void theTaskListHoldsOnlyTasksOfTheCallersGroups() {
        String reference = submit(http, ARNHEM, ruleChange(ARNHEM_AREA, uniqueEmail(ARNHEM), "income-support"));
        intakeAsks(http, processEngine, reference, "Hoeveel jongeren wonen thuis?");
        for (JsonNode task : Http.json(ok(http.get("/api/v1/tasks", ARNHEM)))) {
            assertThat(texts(task.path("candidateGroups"))).as(task.path("name").asText()).contains("municipality-0202");
        }
        for (JsonNode task : Http.json(ok(http.get("/api/v1/tasks", TestUsers.REVIEWER_SZW)))) {
            assertThat(texts(task.path("candidateGroups"))).as(task.path("name").asText()).contains("ministry-szw");
        }
        assertThat(Http.json(ok(http.get("/api/v1/tasks", TestUsers.AUDITOR)))).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    /** The task is still open and untouched: no outcome stored, no question asked, no routing, no e-mail. */
    private void assertNothingHappenedTo(String reference, Task intake) {
        assertThat(taskService.createTaskQuery().taskId(intake.getId()).count()).as("task still open").isEqualTo(1);
        ok(http.get("/api/v1/tasks/" + intake.getId(), TestUsers.PROGRAMME_OFFICE));
        assertThat(request(http, ARNHEM, reference).path("status").asText()).isEqualTo("intake");
        assertThat(runtimeService.getVariable(intake.getProcessInstanceId(), "intakeOutcome")).isNull();
        assertThat(runtimeService.getVariable(intake.getProcessInstanceId(), "informationQuestion")).isNull();
        for (String table : List.of("information_request", "request_ministry", "outbox", "advice")) {
            assertThat(jdbc.sql("SELECT count(*) FROM " + table
                            + " WHERE request_id = (SELECT id FROM request WHERE reference = ?)")
                    .param(reference).query(Long.class).single()).as(table).isZero();
        }
    }

    /** The same completion sent by several clients at the same moment, as a double click or two colleagues would. */
    private List<HttpResponse<String>> completeAtOnce(String taskId, String user, Map<String, Object> values)
            throws Exception {
        int clients = 4;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return postJson(http, "/api/v1/tasks/" + taskId + "/completion", user, values);
                }));
            }
            start.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> call : calls) {
                responses.add(call.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertOneWinnerAndConflicts(List<HttpResponse<String>> responses) {
        assertThat(responses).filteredOn(response -> response.statusCode() == 204).hasSize(1);
        for (HttpResponse<String> response : responses) {
            if (response.statusCode() != 204) {
                assertThat(response.statusCode()).as(response.body()).isIn(404, 409);
                assertProblem(response, response.statusCode());
            }
        }
    }

    @Test
    void aTaskWithTwoCandidateGroupsNamesThemAlikeInTheListAndOnItsOwn() {
        String reference = submit(http, ARNHEM, ruleChange(ARNHEM_AREA, uniqueEmail(ARNHEM), "income-support"));
        intakeAsks(http, processEngine, reference, "Welke scholen in Arnhem-Oost doen mee?");
        String taskId = openTask(taskService, reference, "Task_ProvideInformation").getId();
        taskService.addCandidateGroup(taskId, TestUsers.PROGRAMME_OFFICE);

        JsonNode listed = listedTask(ARNHEM, taskId).orElseThrow(() -> new AssertionError("not in Arnhem's tasks"));
        JsonNode own = Http.json(ok(http.get("/api/v1/tasks/" + taskId, ARNHEM)));
        assertThat(texts(listed.path("candidateGroups"))).containsExactly("municipality-0202", "programme-office");
        assertThat(texts(own.path("candidateGroups"))).containsExactly("municipality-0202", "programme-office");
    }

    private Optional<JsonNode> listedTask(String user, String taskId) {
        for (JsonNode task : Http.json(ok(http.get("/api/v1/tasks", user)))) {
            if (taskId.equals(task.path("id").asText())) {
                return Optional.of(task);
            }
        }
        return Optional.empty();
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("%s: %s", response.uri(), response.body()).isEqualTo(200);
        return response;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
