package nl.doorbraak.request;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A document of a case, without its content. */
public record DocumentRecord(UUID id, UUID requestId, String fileName, String mediaType, long sizeBytes,
                             String sha256, String uploadedBy, OffsetDateTime uploadedAt, String removedBy,
                             OffsetDateTime removedAt) {
}
