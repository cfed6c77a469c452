package nl.doorbraak.assessment;

import java.time.OffsetDateTime;
import java.util.Map;

/** The advice of one ministry on one request. */
record Advice(String ministryCode, String advice, String rationale, String proposedInstrument, String conditions,
              String advisedBy, OffsetDateTime requestedAt, OffsetDateTime advisedAt, OffsetDateTime dueAt) {

    static final Map<String, String> LABELS = Map.of(
            "support", "Steunen",
            "support-with-conditions", "Steunen onder voorwaarden",
            "reject", "Afwijzen");
}
