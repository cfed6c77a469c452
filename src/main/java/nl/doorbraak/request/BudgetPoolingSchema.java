package nl.doorbraak.request;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import nl.doorbraak.platform.validation.Amounts;
import nl.doorbraak.platform.validation.FieldError;
import nl.doorbraak.platform.validation.InputSchema;
import nl.doorbraak.platform.validation.Values;
import nl.doorbraak.reference.ReferenceData;
import nl.doorbraak.reference.Regulation;

/**
 * What a budget-pooling request must contain: the period, one budget line per ministry (an
 * earmarked regulation of that ministry, an exact amount, budget years within the period), the
 * proposed accountability. The total is computed; a total sent along must add up.
 */
@Component
public class BudgetPoolingSchema implements SubmissionRules {

    public static final Map<String, String> INSTRUMENTS = RuleChangeSchema.orderedMap(
            "pooled-specific-grant", "Bundeling in één specifieke uitkering (SPUK)",
            "decentralisation-payment", "Decentralisatie-uitkering in het gemeentefonds");

    /** A single earmarked budget for one focus area above this is not credible; it is a typing error. */
    public static final BigDecimal MAX_LINE_AMOUNT = new BigDecimal("100000000.00");
    static final int MAX_LINES = 10;
    static final int FIRST_BUDGET_YEAR = 2024;
    static final int LAST_BUDGET_YEAR = 2040;
    static final int MAX_PERIOD_YEARS = 10;

    private final ReferenceData referenceData;
    private final RuleChangeSchema ruleChangeSchema;

    BudgetPoolingSchema(ReferenceData referenceData, RuleChangeSchema ruleChangeSchema) {
        this.referenceData = referenceData;
        this.ruleChangeSchema = ruleChangeSchema;
    }

    @Override
    public RequestKind kind() {
        return RequestKind.BUDGET_POOLING;
    }

    @Override
    public InputSchema schema() {
        return InputSchema.builder()
                .choice("focusArea", "Focusgebied", true, ruleChangeSchema::focusAreas)
                .text("title", "Titel", true, 200)
                .text("purpose", "Doel van het gebundelde budget", true, 10_000)
                .integer("firstYear", "Eerste begrotingsjaar", true, FIRST_BUDGET_YEAR, LAST_BUDGET_YEAR)
                .integer("lastYear", "Laatste begrotingsjaar", true, FIRST_BUDGET_YEAR, LAST_BUDGET_YEAR)
                .rows("budgetLines", "Budgetregels", true, MAX_LINES, "Budgetregel", lineSchema())
                .amount("totalAmount", "Totaalbedrag", false, false, MAX_LINE_AMOUNT.multiply(BigDecimal.valueOf(MAX_LINES)))
                .choice("requestedInstrument", "Gevraagd instrument", true, () -> INSTRUMENTS)
                .text("accountabilityArrangement", "Voorgestelde enkelvoudige verantwoording", true, 5000)
                .choice("urgency", "Urgentie", true, () -> RuleChangeSchema.URGENCIES)
                .text("contactName", "Naam contactpersoon", true, 200)
                .email("contactEmail", "E-mailadres contactpersoon", true)
                .check(BudgetPoolingSchema::periodInOrder)
                .checkAll(BudgetPoolingSchema::linesFitPeriodOncePerMinistry)
                .check(BudgetPoolingSchema::totalAddsUp)
                .build();
    }

    private InputSchema lineSchema() {
        return InputSchema.builder()
                .choice("ministry", "Ministerie", true, this::ministriesWithBudgets)
                .choice("regulation", "Regeling", true, this::regulations)
                .amount("amount", "Bedrag", true, false, MAX_LINE_AMOUNT)
                .integers("years", "Jaren", true, FIRST_BUDGET_YEAR, LAST_BUDGET_YEAR)
                .check(this::regulationOfMinistry)
                .build();
    }

    /** The total is always the exact sum of the lines, whatever the client sent. */
    @Override
    public Values withDerivedValues(Values values) {
        return values.with("totalAmount", sumOfLines(values));
    }

    private static BigDecimal sumOfLines(Values values) {
        return Amounts.sum(values.rows("budgetLines").stream().map(line -> line.amount("amount")).toList());
    }

    private Map<String, String> ministriesWithBudgets() {
        java.util.Set<String> owners = new java.util.HashSet<>();
        referenceData.regulations().forEach(regulation -> owners.add(regulation.ministryCode()));
        Map<String, String> ministries = new LinkedHashMap<>(referenceData.ministryChoices());
        ministries.keySet().retainAll(owners);
        return ministries;
    }

    private Map<String, String> regulations() {
        Map<String, String> regulations = new LinkedHashMap<>();
        referenceData.regulations().forEach(regulation -> regulations.put(regulation.code(), regulation.name()));
        return regulations;
    }

    private Optional<FieldError> regulationOfMinistry(Values line) {
        Object ministry = line.get("ministry");
        Object code = line.get("regulation");
        if (ministry == null || code == null) {
            return Optional.empty();
        }
        Regulation regulation = referenceData.regulation((String) code).orElseThrow();
        if (regulation.ministryCode().equals(ministry)) {
            return Optional.empty();
        }
        return Optional.of(new FieldError("regulation", "Regeling '" + code + "' is van "
                + referenceData.abbreviation(regulation.ministryCode()) + ", niet van "
                + referenceData.abbreviation((String) ministry) + "."));
    }

    private static Optional<FieldError> periodInOrder(Values values) {
        if (!(values.get("firstYear") instanceof Long first) || !(values.get("lastYear") instanceof Long last)) {
            return Optional.empty();
        }
        if (last < first) {
            return Optional.of(new FieldError("lastYear",
                    "Laatste begrotingsjaar mag niet voor het eerste begrotingsjaar (" + first + ") liggen."));
        }
        if (last - first + 1 > MAX_PERIOD_YEARS) {
            return Optional.of(new FieldError("lastYear",
                    "De periode mag hoogstens " + MAX_PERIOD_YEARS + " begrotingsjaren beslaan."));
        }
        return Optional.empty();
    }

    private static List<FieldError> linesFitPeriodOncePerMinistry(Values values) {
        List<FieldError> errors = new ArrayList<>();
        List<Values> lines = values.rows("budgetLines");
        Map<Object, Integer> firstLineOfMinistry = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Values line = lines.get(i);
            Integer earlier = firstLineOfMinistry.putIfAbsent(line.get("ministry"), i);
            if (earlier != null) {
                errors.add(new FieldError("budgetLines[" + i + "].ministry", "Budgetregel " + (i + 1)
                        + ": dit ministerie staat al in budgetregel " + (earlier + 1)
                        + "; neem per ministerie één budgetregel op."));
            }
            if (values.get("firstYear") instanceof Long first && values.get("lastYear") instanceof Long last) {
                List<Long> outside = line.integers("years").stream().filter(year -> year < first || year > last).toList();
                if (!outside.isEmpty()) {
                    errors.add(new FieldError("budgetLines[" + i + "].years", "Budgetregel " + (i + 1) + ": jaar "
                            + outside.get(0) + " ligt buiten de periode " + first + "–" + last + "."));
                }
            }
        }
        return errors;
    }

    private static Optional<FieldError> totalAddsUp(Values values) {
        if (!(values.get("totalAmount") instanceof BigDecimal sent) || values.rows("budgetLines").isEmpty()) {
            return Optional.empty();
        }
        BigDecimal computed = sumOfLines(values);
        if (sent.compareTo(computed) == 0) {
            return Optional.empty();
        }
        return Optional.of(new FieldError("totalAmount", "Totaalbedrag " + Amounts.euros(sent)
                + " is niet de som van de budgetregels (" + Amounts.euros(computed)
                + "). Laat het totaal weg: het wordt berekend."));
    }
}
