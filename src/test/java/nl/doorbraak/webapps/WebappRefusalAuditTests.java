package nl.doorbraak.webapps;

import static nl.doorbraak.support.CaseSteps.openTask;
import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.submit;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static nl.doorbraak.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.doorbraak.support.Http;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TestUsers;

/**
 * Refused writes through the Camunda webapps land on the audit trail's system chain, each as
 * what it is: the engine's own authorizations, a missing CSRF token (the webapps' filter, or a
 * forbidden write that carried none), fields the form does not have. An ordinary session of
 * claiming and completing a task leaves no refusal behind.
 */
@PostgresIntegrationTest
class WebappRefusalAuditTests {

    private static final String ENDPOINT = "POST " + WebappSession.ENGINE_API;

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aWriteTheEngineRefusesIsAnEngineAuthorizationRefusal() {
        Task assess = assessmentOfSzw();
        WebappSession vws = WebappSession.login(port, "tasklist", TestUsers.REVIEWER_VWS);
        StoredNothing stored = StoredNothing.since(jdbc);

        HttpResponse<String> claim = vws.post(WebappSession.ENGINE_API + "task/" + assess.getId() + "/claim",
                Map.of("userId", TestUsers.REVIEWER_VWS));

        assertThat(claim.statusCode()).isEqualTo(403);
        assertThat(Http.json(claim).path("type").asText()).as("the engine's answer").isEqualTo("AuthorizationException");
        assertThat(stored.assertStoredNothingBut("VWS claiming an SZW task")).isEqualTo(1);
        assertThat(stored.refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal).containsEntry("action", "engine-authorization-refused")
                    .containsEntry("user_id", TestUsers.REVIEWER_VWS)
                    .containsEntry("resource_id", ENDPOINT + "task/" + assess.getId() + "/claim");
        });
        assertThat(engine.getTaskService().createTaskQuery().taskId(assess.getId()).singleResult().getAssignee()).isNull();
    }

    /** The example: a municipality adding itself to the administrators never reaches the engine. */
    @Test
    void aMunicipalityMakingItselfAdministratorIsRefusedBeforeTheEngine() {
        WebappSession rotterdam = WebappSession.login(port, "tasklist", TestUsers.ROTTERDAM);
        StoredNothing stored = StoredNothing.since(jdbc);

        HttpResponse<String> joined = rotterdam.send("PUT",
                WebappSession.ENGINE_API + "group/camunda-admin/members/rotterdam", null);

        assertProblem(joined, 403);
        assertThat(stored.assertStoredNothingBut("Rotterdam joining camunda-admin")).isEqualTo(1);
        assertThat(stored.refusals()).singleElement().satisfies(refusal -> assertThat(refusal)
                .containsEntry("action", "access-denied").containsEntry("user_id", TestUsers.ROTTERDAM)
                .containsEntry("resource_id", "PUT " + WebappSession.ENGINE_API + "group/camunda-admin/members/rotterdam")
                .containsEntry("explanation", "Deze wijziging is voorbehouden aan beheerders."));
        assertThat(engine.getIdentityService().createUserQuery().memberOfGroup("camunda-admin").userId("rotterdam")
                .count()).isZero();
    }

    @Test
    void aWriteWithoutTheCsrfTokenIsACsrfRefusalWhoeverRefusesIt() {
        Task assess = assessmentOfSzw();
        String task = WebappSession.ENGINE_API + "task/" + assess.getId();
        StoredNothing stored = StoredNothing.since(jdbc);

        // a claim the application allows: Camunda's CSRF filter refuses it
        HttpResponse<String> claim = WebappSession.login(port, "tasklist", TestUsers.REVIEWER_SZW)
                .sendWithoutCsrfToken("POST", task + "/claim", Map.of("userId", TestUsers.REVIEWER_SZW));
        // a comment the application refuses anyway: refused as forged, not as the auditor's attempt
        HttpResponse<String> comment = WebappSession.login(port, "cockpit", TestUsers.AUDITOR)
                .sendWithoutCsrfToken("POST", task + "/comment/create", Map.of("message", "Gezien."));

        assertThat(claim.statusCode()).isEqualTo(403);
        assertThat(claim.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");
        assertProblem(comment, 403);
        assertThat(comment.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");
        assertThat(stored.assertStoredNothingBut("writes without the CSRF token")).isEqualTo(2);
        assertThat(stored.refusals()).extracting(refusal -> refusal.get("action") + " " + refusal.get("user_id") + " "
                + refusal.get("resource_id")).containsExactly(
                "csrf-refused " + TestUsers.REVIEWER_SZW + " " + ENDPOINT + "task/" + assess.getId() + "/claim",
                "csrf-refused " + TestUsers.AUDITOR + " " + ENDPOINT + "task/" + assess.getId() + "/comment/create");
        assertThat(engine.getTaskService().createTaskQuery().taskId(assess.getId()).singleResult().getAssignee()).isNull();
        assertThat(engine.getTaskService().getTaskComments(assess.getId())).isEmpty();
    }

    @Test
    void fieldsTheFormDoesNotHaveAreAForbiddenFieldsRefusalNamingThem() {
        Task assess = assessmentOfSzw();
        WebappSession reviewer = WebappSession.login(port, "tasklist", TestUsers.REVIEWER_SZW);
        StoredNothing stored = StoredNothing.since(jdbc);

        HttpResponse<String> refused = reviewer.post(WebappSession.ENGINE_API + "task/" + assess.getId() + "/submit-form",
                Map.of("variables", WebappSession.variables(Map.of("assessmentOutcome", "advice", "advice", "support",
                        "rationale", "Akkoord.", "ministry", "vws", "consolidatedAdvice", "unanimous-support"))));

        assertProblem(refused, 400);
        assertThat(stored.assertStoredNothingBut("an advice with routing variables")).isEqualTo(1);
        assertThat(stored.refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal).containsEntry("action", "forbidden-fields-refused")
                    .containsEntry("user_id", TestUsers.REVIEWER_SZW);
            assertThat((String) refusal.get("explanation")).startsWith("Geweigerde velden: ")
                    .contains("ministry").contains("consolidatedAdvice").doesNotContain("rationale");
        });
    }

    @Test
    void anOrdinaryTasklistSessionLeavesNoRefusalBehind() {
        Task intake = openTask(engine.getTaskService(), submit(new Http(port), TestUsers.ROTTERDAM,
                ruleChange("rotterdam-zuid", uniqueEmail("rotterdam"))), "Task_Intake");
        String task = WebappSession.ENGINE_API + "task/" + intake.getId();
        long refusalsBefore = refusals();

        WebappSession office = WebappSession.login(port, "tasklist", TestUsers.PROGRAMME_OFFICE);
        assertThat(office.get(task + "/form-variables").statusCode()).isEqualTo(200);
        assertThat(office.post(WebappSession.ENGINE_API + "task/count", Map.of()).statusCode()).isEqualTo(200);
        assertThat(office.post(task + "/claim", Map.of("userId", TestUsers.PROGRAMME_OFFICE)).statusCode())
                .isEqualTo(204);
        assertThat(office.post(task + "/comment/create", Map.of("message", "Ik pak dit op.")).statusCode())
                .isEqualTo(200);
        HttpResponse<String> completed = office.post(task + "/submit-form", Map.of("variables",
                WebappSession.variables(Map.of("intakeOutcome", "complete", "ruleDomains", java.util.List.of(
                        "income-support")))));
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
        assertThat(office.post("/camunda/api/admin/auth/user/default/logout", null).statusCode()).isLessThan(300);

        assertThat(refusals()).isEqualTo(refusalsBefore);
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(intake.getId()).singleResult()
                .getEndTime()).isNotNull();
    }

    private long refusals() {
        return jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE chain = 'system' AND result = 'refused'",
                Long.class);
    }

    private Task assessmentOfSzw() {
        return SzwAssessments.open(new Http(port), engine);
    }
}
