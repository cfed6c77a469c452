package nl.doorbraak.decision;

import java.time.LocalDate;
import java.util.List;

import nl.doorbraak.platform.validation.FieldError;
import nl.doorbraak.platform.validation.Values;

/**
 * The rule for the end date of a granted experiment or exemption in a decision form ("decide"
 * and "decide-join"): optional (empty means the instrument's default term), but when given after
 * the effective date and after the evaluation date, since the evaluation must fall within the term.
 */
public final class EndDateRule {

    private EndDateRule() {
    }

    public static List<FieldError> check(Values values) {
        if (!(values.get("endDate") instanceof LocalDate end)) {
            return List.of();
        }
        if (values.get("effectiveDate") instanceof LocalDate effective && !end.isAfter(effective)) {
            return List.of(new FieldError("endDate", "Einddatum moet na de ingangsdatum liggen."));
        }
        if (values.get("evaluationDate") instanceof LocalDate evaluation && !end.isAfter(evaluation)) {
            return List.of(new FieldError("endDate", "Einddatum moet na de evaluatiedatum liggen."));
        }
        return List.of();
    }
}
