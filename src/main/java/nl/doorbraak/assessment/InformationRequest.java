package nl.doorbraak.assessment;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A question to the municipality and, when given, its answer. */
public record InformationRequest(UUID id, String askedBy, String question, OffsetDateTime askedAt, String answer,
                          String answeredBy, OffsetDateTime answeredAt, OffsetDateTime lapsedAt) {
}
