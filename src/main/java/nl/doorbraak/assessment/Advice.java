package nl.doorbraak.assessment;

import java.time.OffsetDateTime;

import nl.doorbraak.platform.validation.Vocabulary;

/** The advice of one ministry on one request; {@code advice} is an {@link AdviceKind} code. */
public record Advice(String ministryCode, String advice, String rationale, String proposedInstrument,
                     String conditions, String advisedBy, OffsetDateTime requestedAt, OffsetDateTime advisedAt,
                     OffsetDateTime dueAt) {

    /** The advice in Dutch ("Steunen onder voorwaarden"). */
    public String label() {
        return Vocabulary.labelOf(AdviceKind.class, advice);
    }
}
