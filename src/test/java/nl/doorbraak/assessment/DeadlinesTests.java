package nl.doorbraak.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.request.RequestSubmission;
import nl.doorbraak.support.CaseSteps;
import nl.doorbraak.support.Jobs;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.ProcessDriver;

/**
 * Due dates and reminders come from the latest deployed {@code deadlines} table, also now that
 * its answers are remembered per deployed version: a new version applies to the next task at
 * once, and removing it brings the earlier periods back.
 */
@PostgresIntegrationTest
class DeadlinesTests {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RequestSubmission submission;

    @Test
    void intakeIsDueAfterThePeriodOfTheLatestDeployedTable() throws IOException {
        assertDueAfter(intakeOfNewCase("normal"), Period.ofDays(5));

        Deployment shorter;
        try (InputStream table = getClass().getClassLoader().getResourceAsStream("processes/deadlines.dmn")) {
            // the intake period is the first P5D of the table
            String changed = new String(table.readAllBytes(), StandardCharsets.UTF_8).replaceFirst("\"P5D\"", "\"P2D\"");
            shorter = engine.getRepositoryService().createDeployment().name("deadlines-test")
                    .addString("deadlines.dmn", changed).deploy();
        }
        try {
            assertDueAfter(intakeOfNewCase("normal"), Period.ofDays(2));
        } finally {
            engine.getRepositoryService().deleteDeployment(shorter.getId(), true);
        }
        assertDueAfter(intakeOfNewCase("normal"), Period.ofDays(5));
    }

    @Test
    void anAssessmentGetsItsDeadlineAndReminderByUrgency() {
        ProcessDriver driver = new ProcessDriver(engine);
        for (String urgency : List.of("urgent", "normal")) {
            ProcessInstance pi = driver.submitted(submission, input(urgency));
            Task intake = driver.task(pi, "Task_Intake");
            driver.complete(pi, "Task_Intake", null, "programme-office", new HashMap<>(Map.of("intakeOutcome",
                    "complete", "ruleDomains", List.of("income-support"))));
            Jobs.runDue(engine);
            Task assess = driver.task(pi, "Task_Assess");
            Map<String, Object> variables = engine.getTaskService().getVariables(assess.getId());
            Date requested = (Date) variables.get("assessmentRequestedAt");
            Date due = (Date) variables.get("assessmentDue");
            Date reminder = (Date) variables.get("assessmentReminder");
            Period period = "urgent".equals(urgency) ? Period.ofDays(10) : Period.ofDays(28);
            Period before = "urgent".equals(urgency) ? Period.ofDays(2) : Period.ofDays(5);
            assertThat(due.toInstant()).isEqualTo(dutch(requested).plus(period).toInstant());
            assertThat(reminder.toInstant()).isEqualTo(dutch(due).minus(before).toInstant());
            assertThat(assess.getDueDate()).isEqualTo(due);
            // the same for every case: the periods are in the variables, the table's evaluations not in the history
            for (String instance : List.of(intake.getProcessInstanceId(), assess.getProcessInstanceId())) {
                assertThat(engine.getHistoryService().createHistoricDecisionInstanceQuery()
                        .decisionDefinitionKey("deadlines").processInstanceId(instance).count()).isZero();
            }
        }
    }

    private Task intakeOfNewCase(String urgency) {
        ProcessDriver driver = new ProcessDriver(engine);
        return driver.task(driver.submitted(submission, input(urgency)), "Task_Intake");
    }

    private static Map<String, Object> input(String urgency) {
        Map<String, Object> input = CaseSteps.submission("rotterdam-zuid", "deadlines@rotterdam.example",
                "income-support");
        input.put("urgency", urgency);
        return input;
    }

    /** Due the period after the task was created, in Dutch time (a day across a clock change is still a day). */
    private static void assertDueAfter(Task task, Period period) {
        Instant expected = dutch(task.getCreateTime()).plus(period).toInstant();
        assertThat(Duration.between(expected, task.getDueDate().toInstant()).abs()).isLessThan(Duration.ofMinutes(1));
    }

    private static ZonedDateTime dutch(Date date) {
        return date.toInstant().atZone(CaseClock.DUTCH_TIME);
    }
}
