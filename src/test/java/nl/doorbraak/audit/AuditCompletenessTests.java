package nl.doorbraak.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.doorbraak.platform.validation.InvalidInputException;
import nl.doorbraak.request.RequestKind;
import nl.doorbraak.request.RequestRecord;
import nl.doorbraak.request.RequestSubmission;
import nl.doorbraak.security.DoorbraakUser;
import nl.doorbraak.support.CaseSteps;
import nl.doorbraak.support.Http;
import nl.doorbraak.support.Jobs;
import nl.doorbraak.support.PostgresIntegrationTest;

/**
 * The trail of a case holds an entry, with its user, for everything the engine and the
 * application did to it: compared here against the engine's own history of the same case.
 */
@PostgresIntegrationTest
class AuditCompletenessTests {

    private static final DoorbraakUser EINDHOVEN = new DoorbraakUser("eindhoven", "Indiener Eindhoven",
            Set.of("municipality-0772"));

    @Autowired
    ProcessEngine engine;
    @Autowired
    RequestSubmission submission;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    record Row(long sequence, String source, String userId, String action, String resourceType, String resourceId,
               String resourceDisplay, String explanation, String changes) {
    }

    @Test
    void theHappyPathLeavesAnEntryForEveryTaskVariableDecisionAndNotificationWithItsUser() {
        RequestRecord request = submit("complete@eindhoven.example");
        String reference = request.reference();
        claimAndComplete(reference, "Task_Intake", "programme-office", Map.of("intakeOutcome", "complete",
                "ruleDomains", List.of("income-support")));
        claimAndComplete(reference, "Task_Assess", "reviewer-szw", Map.of("assessmentOutcome", "advice",
                "advice", "support", "rationale", "Verantwoord binnen de wet."));
        Jobs.runDue(engine);
        String rationale = "De vrijstelling is nodig om schulden te voorkomen.";
        claimAndComplete(reference, "Task_Decide", "programme-director", Map.of("decisionOutcome", "granted",
                "instrument", "clarification", "effectiveDate", "2027-01-01", "rationale", rationale));
        Jobs.runDue(engine);

        List<Row> trail = trail(reference);
        assertThat(trail).extracting(Row::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, trail.size()).boxed().toList());

        List<String> instances = new ArrayList<>(Jobs.family(engine, request.processInstanceId()));
        instances.addAll(calledHistoric(request.processInstanceId()));
        for (String instance : instances) {
            for (HistoricTaskInstance task : engine.getHistoryService().createHistoricTaskInstanceQuery()
                    .processInstanceId(instance).list()) {
                assertThat(trail).as("task %s created", task.getName()).anySatisfy(row -> {
                    assertThat(row.action()).isEqualTo("task-created");
                    assertThat(row.resourceId()).isEqualTo(task.getId());
                });
                assertThat(trail).as("task %s claimed", task.getName()).anySatisfy(row -> {
                    assertThat(row.action()).isEqualTo("task-assignee-added");
                    assertThat(row.resourceId()).isEqualTo(task.getId());
                    assertThat(row.userId()).isEqualTo(task.getAssignee());
                });
                assertThat(trail).as("task %s completed", task.getName()).anySatisfy(row -> {
                    assertThat(row.action()).isEqualTo("task-completed");
                    assertThat(row.resourceId()).isEqualTo(task.getId());
                    assertThat(row.userId()).isEqualTo(task.getAssignee());
                });
            }
            Map<String, Integer> updatesPerVariable = new HashMap<>();
            for (HistoricDetail detail : engine.getHistoryService().createHistoricDetailQuery().variableUpdates()
                    .processInstanceId(instance).list()) {
                updatesPerVariable.merge(((HistoricVariableUpdate) detail).getVariableInstanceId(), 1, Integer::sum);
            }
            assertThat(updatesPerVariable).isNotEmpty();
            updatesPerVariable.forEach((variable, updates) -> assertThat(trail.stream()
                    .filter(row -> variable.equals(row.resourceId()))
                    .filter(row -> row.action().equals("variable-created") || row.action().equals("variable-updated"))
                    .count()).as("entries for variable instance %s", variable).isEqualTo((long) updates));
        }
        long evaluations = instances.stream().mapToLong(instance -> engine.getHistoryService()
                .createHistoricDecisionInstanceQuery().processInstanceId(instance).rootDecisionInstancesOnly().count()).sum();
        assertThat(evaluations).isGreaterThanOrEqualTo(3); // routing, consolidation, authority (deadlines are not evaluated per task: see Deadlines)
        assertThat(trail.stream().filter(row -> row.action().equals("decision-evaluated")).count())
                .isEqualTo(evaluations);
        assertThat(trail).filteredOn(row -> row.action().equals("decision-evaluated"))
                .allSatisfy(row -> assertThat(row.changes()).contains("\"old\"").contains("\"new\""));

        assertThat(trail).anySatisfy(row -> {
            assertThat(row.action()).isEqualTo("request-submitted");
            assertThat(row.userId()).isEqualTo("eindhoven");
            assertThat(row.source()).isEqualTo("application");
        });
        assertThat(trail).anySatisfy(row -> {
            assertThat(row.action()).isEqualTo("advice-given");
            assertThat(row.userId()).isEqualTo("reviewer-szw");
            assertThat(row.explanation()).isEqualTo("Verantwoord binnen de wet.");
        });
        assertThat(trail).anySatisfy(row -> {
            assertThat(row.action()).isEqualTo("decision-taken");
            assertThat(row.userId()).isEqualTo("programme-director");
            assertThat(row.explanation()).isEqualTo(rationale);
        });
        assertThat(trail).anySatisfy(row -> {
            assertThat(row.action()).isEqualTo("notification-sent");
            assertThat(row.resourceDisplay()).isEqualTo("complete@eindhoven.example");
        });
        assertThat(trail).filteredOn(row -> row.action().equals("status-changed")).extracting(Row::changes)
                .containsSubsequence("{\"new\":\"intake\",\"old\":\"submitted\"}",
                        "{\"new\":\"assessment\",\"old\":\"intake\"}", "{\"new\":\"decided\",\"old\":\"decision\"}");
        assertThat(trail).anySatisfy(row -> assertThat(row.action()).isEqualTo("process-ended"));
    }

    @Test
    void theWithdrawalPathRecordsWhoWithdrewWhyAndEverythingThatEnded() {
        RequestRecord request = submit("withdraw@eindhoven.example");
        String reference = request.reference();
        claimAndComplete(reference, "Task_Intake", "programme-office", Map.of("intakeOutcome", "complete",
                "ruleDomains", List.of("income-support", "youth-care")));
        List<String> openAssessments = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
                .list().stream().map(Task::getId).toList();
        assertThat(openAssessments).hasSize(2);

        var response = new Http(port).send(new Http(port).request("/api/v1/requests/" + reference + "/withdrawal",
                        "eindhoven").header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"reason\":\"Lokaal opgelost.\"}")).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Jobs.runDue(engine);

        List<Row> trail = trail(reference);
        assertThat(trail).anySatisfy(row -> {
            assertThat(row.action()).isEqualTo("request-withdrawn");
            assertThat(row.userId()).isEqualTo("eindhoven");
            assertThat(row.explanation()).isEqualTo("Lokaal opgelost.");
        });
        for (String task : openAssessments) {
            assertThat(trail).as("assessment task %s ended by the withdrawal", task).anySatisfy(row -> {
                assertThat(row.action()).isEqualTo("task-deleted");
                assertThat(row.resourceId()).isEqualTo(task);
                assertThat(row.userId()).isEqualTo("eindhoven");
            });
        }
        assertThat(trail).filteredOn(row -> row.action().equals("status-changed")).last()
                .satisfies(row -> assertThat(row.changes()).contains("\"new\":\"withdrawn\""));
        assertThat(trail).anySatisfy(row -> {
            assertThat(row.action()).isEqualTo("notification-sent");
            assertThat(row.resourceDisplay()).isEqualTo("withdraw@eindhoven.example");
        });
        assertThat(trail).filteredOn(row -> row.action().equals("process-ended")).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void aRolledBackStepLeavesNoEntry() {
        RequestRecord request = submit("rollback@eindhoven.example");
        int before = trail(request.reference()).size();
        Task intake = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(request.reference())
                .singleResult();
        engine.getIdentityService().setAuthentication("programme-office", List.of("programme-office"));
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.getTaskService().complete(intake.getId(),
                    Map.of("intakeOutcome", "maybe"))).isInstanceOf(InvalidInputException.class);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(trail(request.reference())).hasSize(before);
    }

    private RequestRecord submit(String email) {
        return submission.submit(RequestKind.RULE_CHANGE, CaseSteps.submission("eindhoven-woensel-zuid", email),
                EINDHOVEN, null).request();
    }

    private void claimAndComplete(String reference, String taskKey, String user, Map<String, Object> values) {
        List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
                .map(group -> group.getId()).toList();
        Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(taskKey).taskCandidateGroupIn(groups).singleResult();
        engine.getIdentityService().setAuthentication(user, groups);
        try {
            engine.getTaskService().claim(task.getId(), user);
            engine.getTaskService().complete(task.getId(), values);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private List<String> calledHistoric(String processInstanceId) {
        List<String> called = new ArrayList<>();
        engine.getHistoryService().createHistoricProcessInstanceQuery().superProcessInstanceId(processInstanceId)
                .list().forEach(instance -> called.add(instance.getId()));
        return called;
    }

    private List<Row> trail(String reference) {
        return jdbc.sql("""
                SELECT sequence, source, user_id, action, resource_type, resource_id, resource_display, explanation,
                       changes
                FROM audit_event WHERE chain = ? ORDER BY sequence""").param(reference).query(Row.class).list();
    }
}
