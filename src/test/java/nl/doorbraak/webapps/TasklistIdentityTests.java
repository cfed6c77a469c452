package nl.doorbraak.webapps;

import static nl.doorbraak.support.CaseSteps.openTask;
import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.submit;
import static nl.doorbraak.support.CaseSteps.submission;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static nl.doorbraak.support.ProblemAssertions.assertProblem;
import static nl.doorbraak.support.ProblemAssertions.errorFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.doorbraak.platform.validation.InvalidInputException;
import nl.doorbraak.support.CaseSteps;
import nl.doorbraak.support.Http;
import nl.doorbraak.support.OwnUsers;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TestUsers;

/**
 * Who did it, and for which municipality, comes from the server on Tasklist's engine API too:
 * Rotterdam cannot start a request as Den Haag, a task is claimed only for oneself and handed
 * only to someone who may do it, only those who may do a task comment on it, and an auditor
 * writes nothing. Behind the webapps the case file's registration takes the submitter from the
 * engine's authenticated user and refuses a variable the start form does not have.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TasklistIdentityTests {

    private static final String START = WebappSession.ENGINE_API + "process-definition/key/rule-change-request/submit-form";
    /** A second SZW reviewer, created for this class: someone a task may be handed to. */
    private static final String COLLEAGUE = "collega-szw-identity";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identityService;
    @Autowired
    JdbcTemplate jdbc;

    Http http;

    @BeforeAll
    void colleague() {
        http = new Http(port);
        OwnUsers.create(identityService, COLLEAGUE, "ministry-szw", TestUsers.PASSWORD);
    }

    @AfterAll
    void removeColleague() {
        identityService.deleteUser(COLLEAGUE);
    }

    @Test
    void rotterdamCannotStartARequestAsDenHaagButStartsOneOfItsOwn() {
        WebappSession rotterdam = WebappSession.login(port, "tasklist", TestUsers.ROTTERDAM);
        Map<String, Object> form = submission("rotterdam-zuid", uniqueEmail("rotterdam"), "income-support");
        Map<String, Object> asDenHaag = new LinkedHashMap<>(form);
        asDenHaag.put("submittedBy", "den-haag");
        asDenHaag.put("municipalityCode", "0518");
        StoredNothing stored = StoredNothing.since(jdbc);

        HttpResponse<String> refused = rotterdam.post(START, Map.of("variables", WebappSession.variables(asDenHaag),
                "businessKey", "NPLV-2026-99999"));

        JsonNode problem = assertProblem(refused, 400);
        assertThat(errorFields(problem)).containsExactlyInAnyOrder("businessKey", "submittedBy", "municipalityCode");
        assertThat(problem.path("title").asText()).isEqualTo("Ongeldige invoer");
        assertThat(problem.path("message").asText()).isEqualTo(
                "Dit formulier kan deze velden niet versturen: businessKey, submittedBy, municipalityCode.");
        assertThat(stored.assertStoredNothingBut("Rotterdam's start as Den Haag")).isEqualTo(1);

        HttpResponse<String> started = rotterdam.post(START, Map.of("variables", WebappSession.variables(form)));

        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String processInstanceId = Http.json(started).path("id").asText();
        String reference = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult().getBusinessKey();
        JsonNode request = CaseSteps.request(http, TestUsers.ROTTERDAM, reference);
        assertThat(request.path("municipality").asText()).isEqualTo("0599");
        assertThat(request.path("submittedBy").asText()).isEqualTo(TestUsers.ROTTERDAM);
        assertThat(http.get("/api/v1/requests/" + reference, "den-haag").statusCode()).isEqualTo(404);
        assertThat(engine.getRuntimeService().getVariable(processInstanceId, "submittedBy")).isEqualTo("rotterdam");
        assertThat(engine.getRuntimeService().getVariable(processInstanceId, "municipalityCode")).isEqualTo("0599");
    }

    /** The rule once more behind the webapps: whatever starts the process, the engine's user is the submitter. */
    @Test
    void theCaseFileTakesTheSubmitterFromTheEngineAndRefusesWhatTheStartFormDoesNotHave() {
        String definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("rule-change-request").latestVersion().singleResult().getId();
        Map<String, Object> form = new LinkedHashMap<>(submission("rotterdam-zuid", uniqueEmail("rotterdam")));
        form.put("ruleDomains", SpinValues.jsonValue("[\"income-support\"]").create());
        Map<String, Object> withMunicipality = new LinkedHashMap<>(form);
        withMunicipality.put("municipalityCode", "0518");
        withMunicipality.put("decisionOutcome", "granted");
        form.put("submittedBy", "den-haag");
        StoredNothing stored = StoredNothing.since(jdbc);

        assertThatThrownBy(() -> startAsRotterdam(definition, withMunicipality))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(thrown -> assertThat(((InvalidInputException) thrown).errors())
                        .extracting(error -> error.field()).containsExactly("decisionOutcome", "municipalityCode"));
        stored.assertStoredNothingBut("a start with the municipality's code as a variable");

        String processInstanceId = startAsRotterdam(definition, form);

        assertThat(engine.getRuntimeService().getVariable(processInstanceId, "submittedBy"))
                .isEqualTo(TestUsers.ROTTERDAM);
        String reference = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult().getBusinessKey();
        assertThat(CaseSteps.request(http, TestUsers.ROTTERDAM, reference).path("submittedBy").asText())
                .isEqualTo(TestUsers.ROTTERDAM);
    }

    /** Submits the start form through the engine's Java API, authenticated as Rotterdam. */
    private String startAsRotterdam(String definition, Map<String, Object> variables) {
        identityService.setAuthentication(TestUsers.ROTTERDAM, List.of("municipality-0599"));
        try {
            return engine.getFormService().submitStartForm(definition, Variables.fromMap(variables)).getId();
        } finally {
            identityService.clearAuthentication();
        }
    }

    @Test
    void aTaskIsClaimedOnlyForOneselfAndHandedOnlyToSomeoneWhoMayDoIt() {
        Task assess = assessmentOfSzw();
        String task = WebappSession.ENGINE_API + "task/" + assess.getId();
        WebappSession reviewer = WebappSession.login(port, "tasklist", TestUsers.REVIEWER_SZW);
        StoredNothing stored = StoredNothing.since(jdbc);

        assertForbidden(reviewer.post(task + "/claim", Map.of("userId", COLLEAGUE)),
                "U kunt een taak alleen voor uzelf claimen.");
        assertForbidden(reviewer.post(task + "/assignee", Map.of("userId", TestUsers.ROTTERDAM)),
                "Een taak kan alleen worden toegewezen aan iemand van een groep die de taak mag uitvoeren.");
        assertForbidden(reviewer.post(task + "/identity-links", Map.of("groupId", "municipality-0599",
                "type", "candidate")), "Deze wijziging is voorbehouden aan beheerders.");
        assertThat(stored.assertStoredNothingBut("claims and hand-overs to others")).isEqualTo(3);
        assertThat(engine.getTaskService().createTaskQuery().taskId(assess.getId()).singleResult().getAssignee()).isNull();

        assertThat(reviewer.post(task + "/claim", Map.of("userId", TestUsers.REVIEWER_SZW)).statusCode()).isEqualTo(204);
        assertThat(reviewer.post(task + "/assignee", Map.of("userId", COLLEAGUE)).statusCode()).isEqualTo(204);
        assertThat(engine.getTaskService().createTaskQuery().taskId(assess.getId()).singleResult().getAssignee())
                .isEqualTo(COLLEAGUE);
        assertThat(reviewer.post(task + "/unclaim", null).statusCode()).isEqualTo(204);
    }

    /**
     * The programme office comments on its intake. (A ministry reviewer cannot comment at all: the
     * engine finds the task through its history, which reviewers may not read.)
     */
    @Test
    void onlyWhoMayDoATaskCommentsOnItAndAnAuditorNever() {
        Task intake = openTask(engine.getTaskService(), submit(http, TestUsers.ROTTERDAM,
                ruleChange("rotterdam-zuid", uniqueEmail("rotterdam"))), "Task_Intake");
        String comments = WebappSession.ENGINE_API + "task/" + intake.getId() + "/comment/create";
        String otherCase = assessmentOfSzw().getProcessInstanceId();
        StoredNothing stored = StoredNothing.since(jdbc);

        assertForbidden(WebappSession.login(port, "cockpit", TestUsers.AUDITOR).post(comments,
                Map.of("message", "Gezien.")), "Uw rol kan alleen lezen: in Tasklist, Cockpit en Admin kunt u niets wijzigen.");
        assertForbidden(WebappSession.login(port, "tasklist", TestUsers.REVIEWER_SZW).post(comments,
                Map.of("message", "Wij kijken mee.")), "Alleen wie deze taak mag uitvoeren, kan er een opmerking bij plaatsen.");
        WebappSession office = WebappSession.login(port, "tasklist", TestUsers.PROGRAMME_OFFICE);
        JsonNode elsewhere = assertProblem(office.post(comments, Map.of("message", "Hier hoort het niet.",
                "processInstanceId", otherCase)), 400);
        assertThat(errorFields(elsewhere)).containsExactly("processInstanceId");
        assertThat(stored.assertStoredNothingBut("comments of others")).isEqualTo(3);
        JsonNode empty = assertProblem(office.post(comments, Map.of("message", " ")), 400);
        assertThat(errorFields(empty)).containsExactly("message");
        assertThat(stored.assertStoredNothingBut("an empty comment")).as("invalid input is no refusal").isEqualTo(3);
        assertThat(engine.getTaskService().getTaskComments(intake.getId())).isEmpty();

        HttpResponse<String> comment = office.post(comments, Map.of("message", "Navraag bij de gemeente loopt.",
                "processInstanceId", intake.getProcessInstanceId()));

        assertThat(comment.statusCode()).as(comment.body()).isEqualTo(200);
        assertThat(engine.getTaskService().getTaskComments(intake.getId())).singleElement()
                .satisfies(saved -> assertThat(saved.getUserId()).isEqualTo(TestUsers.PROGRAMME_OFFICE));
    }

    private Task assessmentOfSzw() {
        return SzwAssessments.open(http, engine);
    }

    private static void assertForbidden(HttpResponse<String> response, String message) {
        JsonNode problem = assertProblem(response, 403);
        assertThat(problem.path("message").asText()).isEqualTo(message);
    }
}
