package nl.doorbraak.decision;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;

import nl.doorbraak.platform.validation.FieldError;
import nl.doorbraak.platform.validation.Values;

/**
 * The rule for the end date of a granted experiment or exemption in a decision form ("decide"
 * and "decide-join"): optional (empty means the effective date plus the instrument's term from
 * the {@code instrument-duration} table), after the effective date, and after the evaluation
 * date, since the evaluation must fall within the term; with an empty end date the evaluation
 * date must therefore lie before the default end.
 */
public final class EndDateRule {

    private EndDateRule() {
    }

    public static List<FieldError> check(Values values, DecisionService decisionService) {
        LocalDate effective = values.get("effectiveDate") instanceof LocalDate date ? date : null;
        LocalDate evaluation = values.get("evaluationDate") instanceof LocalDate date ? date : null;
        if (values.get("endDate") instanceof LocalDate end) {
            if (effective != null && !end.isAfter(effective)) {
                return List.of(new FieldError("endDate", "Einddatum moet na de ingangsdatum liggen."));
            }
            if (evaluation != null && !end.isAfter(evaluation)) {
                return List.of(new FieldError("endDate", "Einddatum moet na de evaluatiedatum liggen."));
            }
            return List.of();
        }
        if (effective != null && evaluation != null && values.get("instrument") instanceof String instrument
                && ExemptionTerm.INSTRUMENTS_WITH_END.contains(instrument)) {
            LocalDate defaultEnd = effective.plus(defaultTerm(decisionService, instrument));
            if (!evaluation.isBefore(defaultEnd)) {
                return List.of(new FieldError("evaluationDate", "Evaluatiedatum moet voor de einddatum (" + defaultEnd
                        + ") liggen; vul een latere einddatum in als de evaluatie later moet zijn."));
            }
        }
        return List.of();
    }

    /** The instrument's term from the {@code instrument-duration} table. */
    static Period defaultTerm(DecisionService decisionService, String instrument) {
        DmnDecisionRuleResult result = decisionService.evaluateDecisionTableByKey("instrument-duration")
                .variables(Map.of("instrument", instrument)).evaluate().getSingleResult();
        if (result == null) {
            throw new IllegalStateException("The instrument-duration table has no term for " + instrument);
        }
        return Period.parse(result.getEntry("duration"));
    }
}
