package nl.doorbraak.decision;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import nl.doorbraak.platform.validation.Values;
import nl.doorbraak.platform.validation.Amounts;
import nl.doorbraak.platform.validation.FieldError;
import nl.doorbraak.request.BudgetLine;

/**
 * A partial grant names an amount for every budget line of the request: once per ministry, at
 * most what was asked, and really partial (not all nothing, not all in full).
 */
final class GrantedLines {

    private GrantedLines() {
    }

    static List<FieldError> check(Values values, List<BudgetLine> lines,
                                  Function<String, String> abbreviation) {
        if (!DecisionOutcome.PARTLY_GRANTED.is(values.get("decisionOutcome")) || !values.has("grantedLines")) {
            return List.of();
        }
        List<Values> rows = values.rows("grantedLines");
        Map<String, BudgetLine> requested = new LinkedHashMap<>();
        lines.forEach(line -> requested.put(line.ministryCode(), line));
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        boolean anything = false;
        boolean everything = true;
        for (int i = 0; i < rows.size(); i++) {
            Values row = rows.get(i);
            String ministry = row.text("ministry");
            BigDecimal granted = row.amount("grantedAmount");
            String where = "grantedLines[" + i + "]";
            BudgetLine line = requested.get(ministry);
            if (line == null) {
                errors.add(new FieldError(where + ".ministry", "Budgetregel " + (i + 1) + ": dit verzoek heeft geen budgetregel van "
                        + abbreviation.apply(ministry) + "."));
            } else if (!seen.add(ministry)) {
                errors.add(new FieldError(where + ".ministry", "Budgetregel " + (i + 1) + ": "
                        + abbreviation.apply(ministry) + " staat er al in."));
            } else if (granted.compareTo(line.amount()) > 0) {
                errors.add(new FieldError(where + ".grantedAmount", "Budgetregel " + (i + 1) + ": toegekend bedrag "
                        + Amounts.euros(granted) + " is meer dan gevraagd (" + Amounts.euros(line.amount()) + ")."));
            } else {
                anything |= granted.signum() > 0;
                everything &= granted.compareTo(line.amount()) == 0;
            }
        }
        List<String> missing = requested.keySet().stream().filter(ministry -> !seen.contains(ministry))
                .map(abbreviation).toList();
        if (!missing.isEmpty()) {
            errors.add(new FieldError("grantedLines", "Geef voor elke budgetregel een toegekend bedrag; ontbreekt: "
                    + String.join(", ", missing) + "."));
        }
        if (errors.isEmpty() && !anything) {
            errors.add(new FieldError("grantedLines", "Alle bedragen zijn 0: kies dan Afgewezen."));
        }
        if (errors.isEmpty() && everything) {
            errors.add(new FieldError("grantedLines", "Alle bedragen zijn volledig toegekend: kies dan Toegekend."));
        }
        return errors;
    }
}
