package nl.doorbraak.audit;

import java.time.Instant;

/**
 * An entry before it has its place in a chain. {@code chain} names the chain directly (a case
 * reference, or {@link AuditTrail#SYSTEM}); engine events name their root process instance
 * instead, and the writer finds the case it belongs to.
 */
record AuditDraft(String chain, String rootProcessInstanceId, Instant occurredAt, String source, String userId,
                  String action, String actionDisplay, String result, String resourceType, String resourceId,
                  String resourceDisplay, String explanation, String changes) {
}
