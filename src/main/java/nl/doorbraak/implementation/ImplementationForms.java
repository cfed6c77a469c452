package nl.doorbraak.implementation;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.platform.validation.FieldError;
import nl.doorbraak.platform.validation.InputSchema;
import nl.doorbraak.platform.validation.TaskFormRules;

/**
 * The rules of the implementation tasks' forms: the stage reported must be the next one (or a
 * later one when only optional stages lie between), reached on a date between the start of the
 * tracking and today; the escalation needs the action taken.
 */
@Component
class ImplementationForms implements TaskFormRules {

    private final ImplementationChanges changes;

    ImplementationForms(ImplementationChanges changes) {
        this.changes = changes;
    }

    @Override
    public Optional<InputSchema> rulesFor(String taskDefinitionKey, UUID requestId) {
        if (ImplementationTasks.ESCALATE.equals(taskDefinitionKey)) {
            return Optional.of(InputSchema.builder().text("escalationNote", "Genomen actie", true, 5000).build());
        }
        if (!ImplementationTasks.UPDATE.equals(taskDefinitionKey)) {
            return Optional.empty();
        }
        Optional<ImplementationChange> change = requestId == null ? Optional.empty() : changes.ofRequest(requestId);
        return Optional.of(InputSchema.builder()
                .choice("implementationStage", "Bereikte fase", true, () -> {
                    Map<String, String> allowed = new LinkedHashMap<>();
                    change.ifPresent(c -> c.reportable().forEach(stage -> allowed.put(stage.stage(), stage.label())));
                    return allowed;
                })
                .date("reachedOn", "Datum bereikt", true)
                .text("stageNote", "Toelichting", false, 5000)
                .check(values -> {
                    LocalDate reached = values.date("reachedOn");
                    if (reached == null) {
                        return Optional.empty();
                    }
                    if (reached.isAfter(CaseClock.dutchNow().toLocalDate())) {
                        return Optional.of(new FieldError("reachedOn", "Datum bereikt mag niet in de toekomst liggen."));
                    }
                    if (change.isPresent() && reached.isBefore(change.get().startedAt()
                            .atZoneSameInstant(CaseClock.DUTCH_TIME).toLocalDate())) {
                        return Optional.of(new FieldError("reachedOn",
                                "Datum bereikt mag niet vóór het besluit liggen."));
                    }
                    return Optional.empty();
                })
                .build());
    }
}
