package nl.doorbraak.signal;

import java.util.UUID;

/**
 * Published (in the transaction of the change) when what a request shows of its signal changes:
 * linked, unlinked, answered. Whoever shows it elsewhere, such as the open tasks' case context,
 * brings it up to date.
 */
public record SignalOfRequestChanged(UUID requestId, String requestReference) {
}
