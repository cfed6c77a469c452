package nl.doorbraak.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.platform.time.WorkingDays;
import nl.doorbraak.request.RequestSubmission;
import nl.doorbraak.support.CaseSteps;
import nl.doorbraak.support.Jobs;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.ProcessDriver;

/**
 * Due dates and reminders come from the latest deployed {@code deadlines} table, also now that
 * its answers are remembered per deployed version: a new version applies to the next task at
 * once, and removing it brings the earlier periods back. Human steps count working days.
 */
@PostgresIntegrationTest
class DeadlinesTests {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RequestSubmission submission;

    @Test
    void intakeIsDueAfterThePeriodOfTheLatestDeployedTable() throws IOException {
        assertDueAfter(intakeOfNewCase("normal"), 5);

        Deployment shorter;
        try (InputStream table = getClass().getClassLoader().getResourceAsStream("processes/deadlines.dmn")) {
            // the intake period is the first P5D of the table
            String changed = new String(table.readAllBytes(), StandardCharsets.UTF_8).replaceFirst("\"P5D\"", "\"P2D\"");
            shorter = engine.getRepositoryService().createDeployment().name("deadlines-test")
                    .addString("deadlines.dmn", changed).deploy();
        }
        try {
            assertDueAfter(intakeOfNewCase("normal"), 2);
        } finally {
            engine.getRepositoryService().deleteDeployment(shorter.getId(), true);
        }
        assertDueAfter(intakeOfNewCase("normal"), 5);
    }

    @Test
    void aPeriodInWorkingDaysThatIsNotWholeDaysIsRefused() throws IOException {
        Deployment months;
        try (InputStream table = getClass().getClassLoader().getResourceAsStream("processes/deadlines.dmn")) {
            String changed = new String(table.readAllBytes(), StandardCharsets.UTF_8).replaceFirst("\"P5D\"", "\"P1M\"");
            months = engine.getRepositoryService().createDeployment().name("deadlines-test")
                    .addString("deadlines.dmn", changed).deploy();
        }
        try {
            assertThatThrownBy(() -> intakeOfNewCase("normal"))
                    .hasStackTraceContaining("A period in working days must be whole days (PnD), not P1M");
        } finally {
            engine.getRepositoryService().deleteDeployment(months.getId(), true);
        }
    }

    /**
     * Real intakes started just before Christmas and New Year, Easter and King's Day in several
     * years: five working days, skipping weekends and the holidays of the Algemene termijnenwet,
     * with the reminder one working day before.
     */
    @ParameterizedTest
    @CsvSource({
            // started (Dutch time), due, reminder
            "2026-12-23T10:00, 2026-12-31T10:00, 2026-12-30T10:00", // Christmas on Friday and Saturday
            "2028-12-22T10:00, 2029-01-03T10:00, 2029-01-02T10:00", // Christmas on Monday and Tuesday, New Year
            "2029-12-21T16:30, 2030-01-02T16:30, 2029-12-31T16:30", // Christmas and New Year in one period
            "2027-03-25T09:00, 2027-04-05T09:00, 2027-04-02T09:00", // Good Friday and Easter Monday
            "2028-04-13T09:00, 2028-04-24T09:00, 2028-04-21T09:00", // Easter 2028
            "2029-03-29T09:00, 2029-04-09T09:00, 2029-04-06T09:00", // Easter 2029
            "2026-04-24T11:00, 2026-05-04T11:00, 2026-05-01T11:00", // King's Day on Monday
            "2028-04-26T11:00, 2028-05-04T11:00, 2028-05-03T11:00", // King's Day on Thursday
            "2029-04-26T11:00, 2029-05-04T11:00, 2029-05-03T11:00"  // King's Day on Friday
    })
    void anIntakeIsDueFiveWorkingDaysLaterOverTheHolidays(String started, String due, String reminder) {
        ProcessDriver driver = new ProcessDriver(engine);
        ClockUtil.setCurrentTime(dutchDate(started));
        try {
            ProcessInstance pi = driver.submitted(submission, input("normal"));
            Task intake = driver.task(pi, "Task_Intake");
            assertThat(intake.getDueDate()).isEqualTo(dutchDate(due));
            assertThat(driver.variable(pi, "intakeReminder")).isEqualTo(dutchDate(reminder));
            assertThat(jobDue(pi, "Event_ReminderDue_Intake")).isEqualTo(dutchDate(reminder));
            assertThat(jobDue(pi, "Event_Overdue_Intake")).isEqualTo(dutchDate(due));
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void anAssessmentAndADecisionCountWorkingDaysAcrossEasterAndKingsDay() {
        ProcessDriver driver = new ProcessDriver(engine);
        ClockUtil.setCurrentTime(dutchDate("2027-03-25T09:00"));
        try {
            ProcessInstance pi = driver.submitted(submission, input("normal"));
            driver.complete(pi, "Task_Intake", null, "programme-office", new HashMap<>(Map.of("intakeOutcome",
                    "complete", "ruleDomains", List.of("income-support"))));
            Jobs.runDue(engine);
            // twenty working days: Good Friday and Easter Monday do not count, King's Day (27 April) is after
            Task assess = driver.task(pi, "Task_Assess");
            assertThat(assess.getDueDate()).isEqualTo(dutchDate("2027-04-26T09:00"));
            assertThat(engine.getTaskService().getVariable(assess.getId(), "assessmentReminder"))
                    .isEqualTo(dutchDate("2027-04-20T09:00"));
        } finally {
            ClockUtil.reset();
        }
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
            int period = "urgent".equals(urgency) ? 8 : 20;
            int before = "urgent".equals(urgency) ? 2 : 4;
            assertThat(due.toInstant()).isEqualTo(WorkingDays.plus(dutch(requested), period).toInstant());
            assertThat(reminder.toInstant()).isEqualTo(WorkingDays.plus(dutch(due), -before).toInstant());
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

    /** Due the working days after the task was created, in Dutch time (a day across a clock change is still a day). */
    private static void assertDueAfter(Task task, int workingDays) {
        Instant expected = WorkingDays.plus(dutch(task.getCreateTime()), workingDays).toInstant();
        assertThat(Duration.between(expected, task.getDueDate().toInstant()).abs()).isLessThan(Duration.ofMinutes(1));
    }

    private Date jobDue(ProcessInstance pi, String activityId) {
        return engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId)
                .singleResult().getDuedate();
    }

    private static Date dutchDate(String localDateTime) {
        return Date.from(LocalDateTime.parse(localDateTime).atZone(CaseClock.DUTCH_TIME).toInstant());
    }

    private static ZonedDateTime dutch(Date date) {
        return date.toInstant().atZone(CaseClock.DUTCH_TIME);
    }
}
