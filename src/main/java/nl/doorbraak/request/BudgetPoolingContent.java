package nl.doorbraak.request;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import nl.doorbraak.platform.validation.Values;

/**
 * A budget-pooling request: the purpose, the period, one line per ministry's earmarked budget
 * (exact amounts) and their computed total, and the single accountability proposed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
@JsonIgnoreProperties(ignoreUnknown = true)
public record BudgetPoolingContent(String focusArea, String title, String purpose, Long firstYear, Long lastYear,
                                   List<Line> budgetLines, BigDecimal totalAmount, String requestedInstrument,
                                   String accountabilityArrangement, String urgency, String contactName,
                                   String contactEmail) implements RequestContent {

    /** One ministry's earmarked budget to pool: its regulation, the exact amount and the budget years. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Line(String ministry, String regulation, BigDecimal amount, List<Long> years) {

        public Line {
            years = years == null ? List.of() : List.copyOf(years);
        }
    }

    public BudgetPoolingContent {
        budgetLines = budgetLines == null ? List.of() : List.copyOf(budgetLines);
    }

    static BudgetPoolingContent of(Values values) {
        return new BudgetPoolingContent(values.text("focusArea"), values.text("title"), values.text("purpose"),
                values.integer("firstYear"), values.integer("lastYear"),
                values.rows("budgetLines").stream().map(line -> new Line(line.text("ministry"), line.text("regulation"),
                        line.amount("amount"), line.integers("years"))).toList(),
                values.amount("totalAmount"), values.text("requestedInstrument"),
                values.text("accountabilityArrangement"), values.text("urgency"), values.text("contactName"),
                values.text("contactEmail"));
    }

    /** The budget years of the period, first to last. */
    public List<Integer> years() {
        return java.util.stream.IntStream.rangeClosed(firstYear.intValue(), lastYear.intValue()).boxed().toList();
    }
}
