package nl.doorbraak.decision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A row of the decision register. */
public record DecisionRecord(UUID id, UUID requestId, String outcome, String instrument, String conditions,
                             String rationale, LocalDate effectiveDate, LocalDate evaluationDate, String decidedBy,
                             OffsetDateTime decidedAt, String evaluationReport, OffsetDateTime evaluationDeliveredAt,
                             String evaluationConclusion, OffsetDateTime evaluationAssessedAt, String coSignOutcome,
                             String coSignNote, String coSignedBy, OffsetDateTime coSignedAt, LocalDate endDate,
                             OffsetDateTime endedAt, String endReason) {
}
