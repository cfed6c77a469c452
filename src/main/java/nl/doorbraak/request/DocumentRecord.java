package nl.doorbraak.request;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A document of a case, without its content. {@code kind} is {@value #UPLOAD} for a document a
 * user added, {@value #DECISION_LETTER} for a formal letter Doorbraak wrote (a decision, its
 * amendment or revocation, the lapse of a request).
 */
public record DocumentRecord(UUID id, UUID requestId, String fileName, String mediaType, long sizeBytes,
                             String sha256, String uploadedBy, OffsetDateTime uploadedAt, String removedBy,
                             OffsetDateTime removedAt, String kind) {

    public static final String UPLOAD = "upload";
    public static final String DECISION_LETTER = "decision-letter";
}
