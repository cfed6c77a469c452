package nl.doorbraak.signal;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A request linked to a signal (and, once unlinked, when, by whom and why). */
public record SignalLink(UUID signalId, UUID requestId, OffsetDateTime linkedAt, String linkedBy, String linkReason,
                         OffsetDateTime unlinkedAt, String unlinkedBy, String unlinkReason) {

    public boolean isCurrent() {
        return unlinkedAt == null;
    }
}
