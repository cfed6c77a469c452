package nl.doorbraak.tasks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import nl.doorbraak.decision.Decisions;
import nl.doorbraak.implementation.ImplementationChange;
import nl.doorbraak.implementation.ImplementationChanges;

/**
 * When an implementation task is created, after the case context: the decision that promised the
 * change ({@code caseDecision}), the kind of change ({@code caseChange}) and its stages with target
 * and reached dates ({@code caseStages}), which the forms show read-only.
 */
@Component("implementationContext")
class ImplementationContext implements TaskListener {

    private static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter.ofPattern(
            "d MMMM yyyy", java.util.Locale.forLanguageTag("nl"));

    private final ImplementationChanges changes;
    private final Decisions decisions;

    ImplementationContext(ImplementationChanges changes, Decisions decisions) {
        this.changes = changes;
        this.decisions = decisions;
    }

    @Override
    public void notify(DelegateTask task) {
        ImplementationChange change = changes.find(UUID.fromString((String) task.getVariable("changeId"))).orElseThrow();
        Map<String, Object> context = new HashMap<>();
        decisions.decisionOn(change.requestId()).ifPresent(decision -> context.put("caseDecision",
                decision.outcomeLabel() + ": " + decision.instrumentLabel()
                        + (decision.effectiveDate() == null ? "" : ", ingangsdatum " + day(decision.effectiveDate()))
                        + "\n" + decision.rationale()));
        context.put("caseChange", change.kindLabel() + ("make-structural".equals(change.startedByStep())
                ? " (experiment of vrijstelling structureel maken)" : ""));
        List<Map<String, String>> stages = new ArrayList<>();
        for (ImplementationChange.Stage stage : change.stages()) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("stage", stage.label() + (stage.optional() ? " (optioneel)" : ""));
            row.put("target", day(stage.targetOn()));
            row.put("reached", stage.skipped() ? "overgeslagen" : stage.reachedOn() == null ? "" : day(stage.reachedOn()));
            stages.add(row);
        }
        context.put("caseStages", stages);
        CaseContextVariables.add(task, context);
    }

    private static String day(LocalDate date) {
        return DATE.format(date);
    }
}
