package nl.doorbraak.decision;

import java.math.BigDecimal;

/** What a decision on a budget-pooling request granted of one budget line. */
public record GrantedLine(String ministryCode, String regulationCode, BigDecimal requestedAmount,
                          BigDecimal grantedAmount) {
}
