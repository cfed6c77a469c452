package nl.doorbraak.decision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

import nl.doorbraak.platform.CaseClock;

import nl.doorbraak.platform.validation.Values;
import nl.doorbraak.platform.validation.FieldError;
import nl.doorbraak.platform.validation.InputSchema;
import nl.doorbraak.platform.validation.TaskFormRules;
import nl.doorbraak.platform.validation.Vocabulary;
import nl.doorbraak.reference.ReferenceData;
import nl.doorbraak.request.BudgetLine;
import nl.doorbraak.request.BudgetLines;
import nl.doorbraak.request.BudgetPoolingSchema;
import nl.doorbraak.request.RuleChangeSchema;

/**
 * The rules of the decision stage's forms: the decision (with a partial grant checked against the
 * request's budget lines), Financiën's co-signature, the evaluation and the yearly accountability.
 */
@Component
class DecisionForms implements TaskFormRules {

    /** The instruments whose decision sets an evaluation date. */
    static final Set<String> INSTRUMENTS_WITH_EVALUATION = Set.of("experiment", "temporary-exemption");

    private final Map<String, InputSchema> rules;
    private final BudgetLines budgetLines;
    private final ReferenceData referenceData;
    private final Decisions decisions;
    private final DecisionService decisionService;

    DecisionForms(ReferenceData referenceData, BudgetLines budgetLines, Decisions decisions,
                  DecisionService decisionService) {
        this.budgetLines = budgetLines;
        this.decisions = decisions;
        this.decisionService = decisionService;
        this.referenceData = referenceData;
        this.rules = Map.of(
                DecisionTasks.DECIDE, decision()
                        .when(DecisionForms::notRejected)
                        .choice("instrument", "Instrument", true, () -> RuleChangeSchema.INSTRUMENTS)
                        .date("effectiveDate", "Ingangsdatum", true)
                        // Set.of(...).contains(null) throws: a missing instrument is reported, not a crash
                        .when(values -> notRejected(values) && values.get("instrument") instanceof String instrument
                                && INSTRUMENTS_WITH_EVALUATION.contains(instrument))
                        .date("evaluationDate", "Evaluatiedatum", true)
                        // empty: the effective date plus the instrument's term (instrument-duration table)
                        .date("endDate", "Einddatum", false)
                        .check(DecisionForms::evaluationAfterEffectiveDate)
                        .checkAll(values -> EndDateRule.check(values, decisionService))
                        .build(),
                DecisionTasks.CO_SIGN, InputSchema.builder()
                        .choice("coSignOutcome", "Medeondertekening", true, () -> Vocabulary.labels(CoSignOutcome.class))
                        .text("coSignNote", "Toelichting", false, 5000)
                        .check(values -> explained(values, "coSignNote", CoSignOutcome.REFUSED.is(values.get("coSignOutcome")),
                                "Toelichting is verplicht als Financiën weigert mede te ondertekenen."))
                        .build(),
                DecisionTasks.DELIVER_EVALUATION, InputSchema.builder()
                        .text("evaluationReport", "Evaluatie", true, 20_000)
                        .build(),
                DecisionTasks.DELIVER_ACCOUNTABILITY, InputSchema.builder()
                        .text("accountabilityReport", "Verantwoording", true, 20_000)
                        .amount("spentAmount", "Besteed bedrag", true, true,
                                BudgetPoolingSchema.MAX_LINE_AMOUNT.multiply(BigDecimal.TEN))
                        .build(),
                DecisionTasks.CHECK_ACCOUNTABILITY, InputSchema.builder()
                        .choice("accountabilityConclusion", "Conclusie", true,
                                () -> Vocabulary.labels(AccountabilityConclusion.class))
                        .text("accountabilityNote", "Toelichting", false, 5000)
                        .check(values -> explained(values, "accountabilityNote",
                                values.get("accountabilityConclusion") != null
                                        && !AccountabilityConclusion.APPROVED.is(values.get("accountabilityConclusion")),
                                "Toelichting is verplicht als de verantwoording niet zonder meer wordt goedgekeurd."))
                        .build());
    }

    /** The decision on a budget-pooling request is checked against that request's budget lines. */
    @Override
    public Optional<InputSchema> rulesFor(String taskDefinitionKey, UUID requestId) {
        if (DecisionTasks.DECIDE_POOLING.equals(taskDefinitionKey)) {
            return Optional.of(poolingDecision(budgetLines.of(requestId)));
        }
        if (DecisionTasks.ASSESS_EVALUATION.equals(taskDefinitionKey)) {
            return Optional.of(evaluationAssessment(decisions.onRequest(requestId).orElse(null)));
        }
        return Optional.ofNullable(rules.get(taskDefinitionKey));
    }

    /**
     * The assessment of an evaluation; "Voortzetten" needs the next evaluation date (after today,
     * before the new end date) and may give a new end date (after the current one; empty: the
     * current end date plus the instrument's term).
     */
    private InputSchema evaluationAssessment(DecisionRecord decision) {
        return InputSchema.builder()
                .choice("evaluationConclusion", "Conclusie", true, () -> Vocabulary.labels(EvaluationConclusion.class))
                .text("evaluationNote", "Toelichting", false, 5000)
                .when(values -> EvaluationConclusion.CONTINUE.is(values.get("evaluationConclusion")))
                .date("nextEvaluationDate", "Volgende evaluatiedatum", true)
                .date("newEndDate", "Nieuwe einddatum", false)
                .checkAll(values -> continuedTerm(values, decision))
                .build();
    }

    private List<FieldError> continuedTerm(Values values, DecisionRecord decision) {
        if (!EvaluationConclusion.CONTINUE.is(values.get("evaluationConclusion")) || decision == null
                || decision.endDate() == null) {
            return List.of();
        }
        LocalDate currentEnd = decision.endDate();
        List<FieldError> errors = new java.util.ArrayList<>();
        LocalDate today = CaseClock.dutchNow().toLocalDate();
        LocalDate newEnd = values.get("newEndDate") instanceof LocalDate given ? given : null;
        if (newEnd != null && !newEnd.isAfter(currentEnd)) {
            errors.add(new FieldError("newEndDate", "Nieuwe einddatum moet na de huidige einddatum ("
                    + currentEnd + ") liggen."));
        }
        if (values.get("nextEvaluationDate") instanceof LocalDate next) {
            LocalDate end = newEnd != null ? newEnd : currentEnd.plus(defaultTerm(decision.instrument()));
            if (!next.isAfter(today)) {
                errors.add(new FieldError("nextEvaluationDate", "Volgende evaluatiedatum moet na vandaag liggen."));
            } else if (!next.isBefore(end)) {
                errors.add(new FieldError("nextEvaluationDate", "Volgende evaluatiedatum moet voor de nieuwe einddatum ("
                        + end + ") liggen."));
            }
        }
        return errors;
    }

    /** The instrument's term from the instrument-duration table, by which "Voortzetten" extends. */
    private java.time.Period defaultTerm(String instrument) {
        return EndDateRule.defaultTerm(decisionService, instrument);
    }

    private static InputSchema.Builder decision() {
        return InputSchema.builder()
                .choice("decisionOutcome", "Besluit", true, () -> Vocabulary.labels(DecisionOutcome.class))
                .text("rationale", "Motivering", true, 10_000)
                .text("conditions", "Voorwaarden", false, 10_000);
    }

    private InputSchema poolingDecision(List<BudgetLine> lines) {
        return decision()
                .when(DecisionForms::notRejected)
                .choice("instrument", "Instrument", true, () -> BudgetPoolingSchema.INSTRUMENTS)
                .date("effectiveDate", "Ingangsdatum", true)
                .when(values -> DecisionOutcome.PARTLY_GRANTED.is(values.get("decisionOutcome")))
                .rows("grantedLines", "Toe te kennen bedragen", true, lines.size(), "Budgetregel", InputSchema.builder()
                        .choice("ministry", "Ministerie", true, referenceData::ministryChoices)
                        .amount("grantedAmount", "Toegekend bedrag", true, true, BudgetPoolingSchema.MAX_LINE_AMOUNT)
                        .text("line", "Budgetregel", false, 1000)
                        .build())
                .checkAll(values -> GrantedLines.check(values, lines, referenceData::abbreviation))
                .build();
    }

    private static Optional<FieldError> explained(Values values, String key, boolean needed,
                                                  String message) {
        return needed && values.get(key) == null ? Optional.of(new FieldError(key, message)) : Optional.empty();
    }

    private static boolean notRejected(Values values) {
        return values.get("decisionOutcome") != null && !DecisionOutcome.REJECTED.is(values.get("decisionOutcome"));
    }

    private static Optional<FieldError> evaluationAfterEffectiveDate(Values values) {
        if (values.get("evaluationDate") instanceof LocalDate evaluation
                && values.get("effectiveDate") instanceof LocalDate effective && !evaluation.isAfter(effective)) {
            return Optional.of(new FieldError("evaluationDate", "Evaluatiedatum moet na de ingangsdatum liggen."));
        }
        return Optional.empty();
    }
}
