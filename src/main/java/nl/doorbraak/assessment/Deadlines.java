package nl.doorbraak.assessment;

import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;

import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

import nl.doorbraak.platform.CaseClock;

/**
 * Due dates and reminder moments from the {@code deadlines} decision table: the periods are
 * data in DMN, this bean only adds them to the current time. Used in the models as
 * {@code ${deadlines.due('intake', urgency)}} and {@code ${deadlines.schedule(execution, 'assessment')}}.
 * <p>
 * The table maps a task type and urgency to fixed periods, so its answer per deployed version
 * is remembered: evaluating it through the decision service ran the FEEL engine and wrote a
 * decision instance to the history (and the audit trail) for every task, about a sixth of the
 * engine's work per case (docs/benchmarks.md). The latest deployed version is still looked up
 * every time, so a new deployment of the table applies at once. The table's evaluations are no
 * longer in the history; the periods a case got are, in its variables ({@code assessmentDue},
 * {@code assessmentReminder}) and its tasks' due dates.
 */
@Component("deadlines")
public class Deadlines {

    private static final String TABLE = "deadlines";
    /**
     * Not the process engine's DMN engine: that one would write a decision instance to the
     * history for the first task of each kind only, which would puzzle an auditor.
     */
    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    /** Outputs by decision definition id, task type and urgency. */
    private final Map<String, DmnDecisionResultEntries> answers = new ConcurrentHashMap<>();

    /** When a task of this type, created now, is due. */
    public Date due(String taskType, String urgency) {
        return Date.from(CaseClock.dutchNow().plus(period(taskType, urgency, "period")).toInstant());
    }

    /**
     * Fixes the deadline of a task before it starts, so that its due date, its reminder and its
     * escalation timer all refer to the same moment: sets {@code <type>Due},
     * {@code <type>Reminder} and {@code <type>RequestedAt}.
     */
    public void schedule(DelegateExecution execution, String taskType) {
        String urgency = (String) execution.getVariable("urgency");
        ZonedDateTime now = CaseClock.dutchNow();
        ZonedDateTime due = now.plus(period(taskType, urgency, "period"));
        ZonedDateTime reminder = due.minus(period(taskType, urgency, "reminderBefore"));
        execution.setVariable(taskType + "RequestedAt", Date.from(now.toInstant()));
        execution.setVariable(taskType + "Due", Date.from(due.toInstant()));
        execution.setVariable(taskType + "Reminder", Date.from(reminder.toInstant()));
    }

    /**
     * The reminder moment before a fixed moment that is not counted from a task, such as the end
     * date of an exemption: the moment minus the task type's {@code reminderBefore}. Used in the
     * models as {@code ${deadlines.reminderBefore(exemptionEndDue, 'exemption-end')}}.
     */
    public Date reminderBefore(Date moment, String taskType) {
        ZonedDateTime at = moment.toInstant().atZone(CaseClock.DUTCH_TIME);
        return Date.from(at.minus(period(taskType, null, "reminderBefore")).toInstant());
    }

    /** Called from the models and their delegates, so always inside an engine command. */
    private Period period(String taskType, String urgency, String output) {
        CommandContext command = Context.getCommandContext();
        if (command == null) {
            throw new IllegalStateException("Deadlines are computed inside the process engine");
        }
        String level = urgency == null ? "normal" : urgency;
        DecisionDefinition latest = command.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedLatestDecisionDefinitionByKey(TABLE);
        DmnDecisionResultEntries result = answers.computeIfAbsent(latest.getId() + '|' + taskType + '|' + level,
                // the deployed definition is the parsed table itself
                key -> DMN.evaluateDecision((DmnDecision) latest, Map.of("taskType", taskType, "urgency", level))
                        .getSingleResult());
        if (result == null) {
            throw new IllegalStateException("The deadlines table has no rule for task type " + taskType);
        }
        return Period.parse(result.getEntry(output));
    }

    /**
     * When a budget year has ended for the follow-up of pooled budgets: 31 December, 09:00
     * Dutch time. Used in the model as {@code ${deadlines.endOfBudgetYear(budgetYear)}}.
     */
    public Date endOfBudgetYear(Number budgetYear) {
        return Date.from(java.time.LocalDate.of(budgetYear.intValue(), 12, 31).atTime(9, 0).atZone(CaseClock.DUTCH_TIME).toInstant());
    }

    /**
     * When a task of this type is due that starts at a moment still to come: in a decision letter,
     * the accountability over a budget year, whose task starts when the year has ended.
     */
    public Date dueAfter(Date start, String taskType) {
        return Date.from(start.toInstant().atZone(CaseClock.DUTCH_TIME).plus(period(taskType, null, "period")).toInstant());
    }
}
