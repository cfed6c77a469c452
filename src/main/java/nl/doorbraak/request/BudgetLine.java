package nl.doorbraak.request;

import java.math.BigDecimal;
import java.util.List;

/** A line of a budget-pooling request: the budget of one ministry's regulation to pool. */
public record BudgetLine(int lineNumber, String ministryCode, String regulationCode, BigDecimal amount,
                         List<Integer> years) {
}
