package nl.doorbraak.assessment;

import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import nl.doorbraak.platform.time.WorkingDays;

/**
 * Due dates, reminder moments and escalation groups from the {@code deadlines} decision table:
 * the periods, and whether they count working days or calendar days, are data in DMN; this bean
 * only adds them to the current time. Used in the models as
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
    private static final String WORKING_DAYS = "working-days";
    private static final String CALENDAR_DAYS = "calendar-days";
    /**
     * Not the process engine's DMN engine: that one would write a decision instance to the
     * history for the first task of each kind only, which would puzzle an auditor.
     */
    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    /** Outputs by decision definition id, task type and urgency. */
    private final Map<String, DmnDecisionResultEntries> answers = new ConcurrentHashMap<>();

    /** When a task of this type, created now, is due. */
    public Date due(String taskType, String urgency) {
        return Date.from(add(CaseClock.dutchNow(), rule(taskType, urgency), "period").toInstant());
    }

    /**
     * Fixes the deadline of a step when it starts, so that its due date, its reminder and its
     * escalation timer all refer to the same moment: sets {@code <type>Due}, {@code <type>Reminder}
     * and {@code <type>RequestedAt}, with the type in camelCase so that an expression can read it
     * ({@code coSignatureDue}), and returns the due date. A hyphenated type's variables are also
     * set under their literal names, which instances of earlier model versions read
     * ({@code join-confirmationDue}).
     * <p>
     * A user task calls it from an input parameter: the engine maps a task's inputs before it
     * creates the task's boundary timers, and runs its start listeners only after.
     */
    public Date schedule(DelegateExecution execution, String taskType) {
        DmnDecisionResultEntries rule = rule(taskType, (String) execution.getVariable("urgency"));
        ZonedDateTime now = CaseClock.dutchNow();
        ZonedDateTime due = add(now, rule, "period");
        ZonedDateTime reminder = add(due, rule, "reminderBefore", -1);
        Set<String> names = new LinkedHashSet<>(List.of(variableName(taskType), taskType));
        for (String name : names) {
            execution.setVariable(name + "RequestedAt", Date.from(now.toInstant()));
            execution.setVariable(name + "Due", Date.from(due.toInstant()));
            execution.setVariable(name + "Reminder", Date.from(reminder.toInstant()));
        }
        return Date.from(due.toInstant());
    }

    /**
     * The reminder moment before a fixed moment that is not counted from a task, such as the end
     * date of an exemption: the moment minus the task type's {@code reminderBefore}. Used in the
     * models as {@code ${deadlines.reminderBefore(exemptionEndDue, 'exemption-end')}}.
     */
    public Date reminderBefore(Date moment, String taskType) {
        ZonedDateTime at = moment.toInstant().atZone(CaseClock.DUTCH_TIME);
        return Date.from(add(at, rule(taskType, null), "reminderBefore", -1).toInstant());
    }

    /**
     * The group that must intervene when a step of this type is overdue, from the table's
     * {@code escalateTo}. Used in the models as the escalation task's candidate group.
     */
    public String escalateTo(String taskType) {
        String group = (String) rule(taskType, null).getEntryMap().get("escalateTo");
        if (group == null || group.isBlank()) {
            throw new IllegalStateException("The deadlines table names no escalation group for task type " + taskType);
        }
        return group;
    }

    /** The name of a task type's variables in an expression: {@code co-signature} becomes {@code coSignature}. */
    static String variableName(String taskType) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : taskType.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    private static ZonedDateTime add(ZonedDateTime from, DmnDecisionResultEntries rule, String output) {
        return add(from, rule, output, 1);
    }

    /**
     * Adds (sign 1) or subtracts (sign -1) a period of the rule in the way the rule counts it.
     * Working days are counted in whole days only: "P1M" in working days has no meaning, so the
     * table is refused rather than guessed at.
     */
    private static ZonedDateTime add(ZonedDateTime from, DmnDecisionResultEntries rule, String output, int sign) {
        String text = rule.getEntry(output);
        Period period = Period.parse(text);
        String counting = rule.getEntry("counting");
        if (WORKING_DAYS.equals(counting)) {
            if (period.getYears() != 0 || period.getMonths() != 0) {
                throw new IllegalStateException("A period in working days must be whole days (PnD), not " + text
                        + " (" + output + " in the deadlines table)");
            }
            return WorkingDays.plus(from, sign * period.getDays());
        }
        if (counting != null && !CALENDAR_DAYS.equals(counting)) {
            throw new IllegalStateException("The deadlines table counts in " + WORKING_DAYS + " or " + CALENDAR_DAYS
                    + ", not " + counting);
        }
        return sign < 0 ? from.minus(period) : from.plus(period);
    }

    /** Called from the models and their delegates, so always inside an engine command. */
    private DmnDecisionResultEntries rule(String taskType, String urgency) {
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
        return result;
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
        return Date.from(add(start.toInstant().atZone(CaseClock.DUTCH_TIME), rule(taskType, null), "period").toInstant());
    }
}
