package nl.doorbraak.implementation;

import java.time.Period;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import nl.doorbraak.platform.CaseClock;

/**
 * "Volgende fase plannen": the stage the ministry works on now, its target date as the due date
 * ({@code stageDue}, 09:00 Dutch time on the target date) and its reminder moment
 * ({@code stageReminder}), and the stages the form offers ({@code stageChoices}). Called from the
 * model as {@code ${implementationPlan.next(execution)}}.
 */
@Component("implementationPlan")
public class ImplementationPlan {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ImplementationChanges changes;

    ImplementationPlan(ImplementationChanges changes) {
        this.changes = changes;
    }

    public void next(DelegateExecution execution) {
        ImplementationChange change = changes.get(changeId(execution));
        ImplementationChange.Stage stage = change.nextStage().orElseThrow(() ->
                new IllegalStateException("Change " + change.id() + " has no stage left"));
        ZonedDateTime due = stage.targetOn().atTime(9, 0).atZone(CaseClock.DUTCH_TIME);
        execution.setVariable("nextStage", stage.stage());
        execution.setVariable("stageDue", Date.from(due.toInstant()));
        execution.setVariable("stageReminder", Date.from(due.minus(Period.parse(stage.reminderBefore())).toInstant()));
        List<Map<String, String>> choices = new ArrayList<>();
        for (ImplementationChange.Stage reportable : change.reportable()) {
            Map<String, String> choice = new LinkedHashMap<>();
            choice.put("label", reportable.label());
            choice.put("value", reportable.stage());
            choices.add(choice);
        }
        try {
            execution.setVariable("stageChoices", SpinValues.jsonValue(JSON.writeValueAsString(choices)).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stage choices are always serialisable", e);
        }
    }

    static UUID changeId(DelegateExecution execution) {
        return UUID.fromString((String) execution.getVariable("changeId"));
    }
}
