package nl.doorbraak.decision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One version of a decision as the register keeps it: the whole decision as it stood from this
 * version on, what made it ({@link DecisionChange}), who, when and why. {@code status} is where the
 * version stands now: "Geldend" (the current one), "Vervangen" (amended since) or "Ingetrokken"
 * (the current one of a revoked decision).
 */
public record DecisionVersion(int version, String change, String changeLabel, String status, String outcome,
                              String outcomeLabel, String instrument, String instrumentLabel, String conditions,
                              String rationale, LocalDate effectiveDate, LocalDate evaluationDate,
                              List<GrantedLine> grantedLines, String changedBy, OffsetDateTime changedAt,
                              String reason) {

    public static final String IN_FORCE = "Geldend";
    public static final String SUPERSEDED = "Vervangen";
    public static final String REVOKED = "Ingetrokken";

    public boolean current() {
        return !SUPERSEDED.equals(status);
    }
}
