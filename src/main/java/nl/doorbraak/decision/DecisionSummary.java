package nl.doorbraak.decision;

import java.time.LocalDate;
import java.util.List;
import java.time.OffsetDateTime;

/** The decision on a request, as the request's page shows it. */
public record DecisionSummary(String outcome, String outcomeLabel, String instrument, String instrumentLabel,
                              String conditions, String rationale, LocalDate effectiveDate, LocalDate evaluationDate,
                              OffsetDateTime decidedAt, List<GrantedLine> budgetLines, String coSignOutcome,
                              String coSignNote, LocalDate endDate, OffsetDateTime endedAt) {
}
