package nl.doorbraak.joining;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import nl.doorbraak.decision.DecisionOutcome;
import nl.doorbraak.platform.validation.FieldError;
import nl.doorbraak.platform.validation.InputSchema;
import nl.doorbraak.platform.validation.TaskFormRules;
import nl.doorbraak.platform.validation.Values;
import nl.doorbraak.platform.validation.Vocabulary;
import nl.doorbraak.request.Instruments;
import nl.doorbraak.request.JoinSchema;

/**
 * The rules of the join process's forms: the programme office's check (a rejection must be
 * reasoned, a question asked), the ministry's confirmation (a refusal must be reasoned) and the
 * decision, which grants the original's kind of instrument or rejects: a join is all or nothing.
 */
@Component
class JoinForms implements TaskFormRules {

    /** The instrument-duration table, for the default end date; read when a form is checked. */
    private final org.camunda.bpm.engine.DecisionService decisionService;

    JoinForms(org.camunda.bpm.engine.DecisionService decisionService) {
        this.decisionService = decisionService;
    }

    private final Map<String, InputSchema> rules = Map.of(
            JoinTasks.CHECK, InputSchema.builder()
                    .choice("joinCheckOutcome", "Uitkomst van de toets", true,
                            () -> Vocabulary.labels(JoinCheckOutcome.class))
                    .text("checkNote", "Motivering", false, 5000)
                    .check(values -> reasoned(values, "checkNote",
                            JoinCheckOutcome.NOT_COMPARABLE.is(values.get("joinCheckOutcome")),
                            "Motiveer waarom de situatie niet vergelijkbaar is: de gemeente krijgt dit als afwijzing."))
                    .when(values -> JoinCheckOutcome.INFORMATION_NEEDED.is(values.get("joinCheckOutcome")))
                    .text("informationQuestion", "Vraag aan de gemeente", true, 5000)
                    .build(),
            JoinTasks.CONFIRM, InputSchema.builder()
                    .choice("confirmationOutcome", "Bevestiging", true, () -> Vocabulary.labels(ConfirmationOutcome.class))
                    .text("confirmationNote", "Toelichting", false, 5000)
                    .check(values -> reasoned(values, "confirmationNote",
                            ConfirmationOutcome.REFUSED.is(values.get("confirmationOutcome")),
                            "Toelichting is verplicht als het ministerie de aansluiting weigert."))
                    .build(),
            JoinTasks.DECIDE, InputSchema.builder()
                    .choice("decisionOutcome", "Besluit", true, JoinForms::outcomes)
                    .text("rationale", "Motivering", true, 10_000)
                    .when(values -> DecisionOutcome.GRANTED.is(values.get("decisionOutcome")))
                    .choice("instrument", "Instrument", true, JoinForms::instruments)
                    .text("conditions", "Voorwaarden", false, 10_000)
                    .date("effectiveDate", "Ingangsdatum", true)
                    .date("evaluationDate", "Evaluatiedatum", true)
                    // empty: the effective date plus the instrument's term (instrument-duration table)
                    .date("endDate", "Einddatum", false)
                    .check(JoinForms::evaluationAfterEffectiveDate)
                    .checkAll(this::endDateRule)
                    .build());

    @Override
    public Optional<InputSchema> rulesFor(String taskDefinitionKey, UUID requestId) {
        return Optional.ofNullable(rules.get(taskDefinitionKey));
    }

    /** Granted (the whole breakthrough, in this focus area) or rejected; there is nothing to grant in part. */
    static Map<String, String> outcomes() {
        Map<String, String> outcomes = new LinkedHashMap<>();
        outcomes.put(DecisionOutcome.GRANTED.code(), DecisionOutcome.GRANTED.label());
        outcomes.put(DecisionOutcome.REJECTED.code(), DecisionOutcome.REJECTED.label());
        return outcomes;
    }

    /** The instruments a join can grant: those it can join. */
    static Map<String, String> instruments() {
        Map<String, String> instruments = new LinkedHashMap<>();
        JoinSchema.JOINABLE_INSTRUMENTS.stream().sorted().forEach(code -> instruments.put(code, Instruments.label(code)));
        return instruments;
    }

    private static Optional<FieldError> reasoned(Values values, String key, boolean needed, String message) {
        return needed && values.get(key) == null ? Optional.of(new FieldError(key, message)) : Optional.empty();
    }

    private java.util.List<FieldError> endDateRule(Values values) {
        return nl.doorbraak.decision.EndDateRule.check(values, decisionService);
    }

    private static Optional<FieldError> evaluationAfterEffectiveDate(Values values) {
        if (values.get("evaluationDate") instanceof LocalDate evaluation
                && values.get("effectiveDate") instanceof LocalDate effective && !evaluation.isAfter(effective)) {
            return Optional.of(new FieldError("evaluationDate", "Evaluatiedatum moet na de ingangsdatum liggen."));
        }
        return Optional.empty();
    }
}
