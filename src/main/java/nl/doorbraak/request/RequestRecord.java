package nl.doorbraak.request;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One row of the case file table: what was asked, by whom, and where it stands. */
public record RequestRecord(UUID id, String reference, String kind, String municipalityCode, String focusAreaCode,
                            String title, String payload, String status, String urgency, String contactEmail,
                            String submittedBy, OffsetDateTime submittedAt, OffsetDateTime updatedAt,
                            OffsetDateTime closedAt, String processInstanceId, int version) {
}
