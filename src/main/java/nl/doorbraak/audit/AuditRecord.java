package nl.doorbraak.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An application action to put on the audit trail, built fluently:
 * {@code audit.about(reference).by(user).action(AuditAction.DECISION_TAKEN, "Besluit genomen: toegekend")
 * .resource("decision", id, title).explanation(rationale).changes(null, values).record()}.
 */
public final class AuditRecord {

    private final AuditWriter writer;
    private final String chain;
    private String userId;
    private String action;
    private String actionDisplay;
    private String result = "success";
    private String resourceType;
    private String resourceId;
    private String resourceDisplay;
    private String explanation;
    private String changes;

    AuditRecord(AuditWriter writer, String chain) {
        this.writer = writer;
        this.chain = chain;
    }

    public AuditRecord by(String userId) {
        this.userId = userId;
        return this;
    }

    public AuditRecord action(AuditAction action, String dutchDisplay) {
        this.action = action.code();
        this.actionDisplay = dutchDisplay;
        return this;
    }

    public AuditRecord resource(String type, String id, String display) {
        this.resourceType = type;
        this.resourceId = id;
        this.resourceDisplay = display;
        return this;
    }

    public AuditRecord explanation(String explanation) {
        this.explanation = explanation;
        return this;
    }

    public AuditRecord changes(Object oldValue, Object newValue) {
        Map<String, Object> both = new LinkedHashMap<>();
        both.put("old", oldValue);
        both.put("new", newValue);
        this.changes = CanonicalJson.of(both);
        return this;
    }

    public AuditRecord refused() {
        this.result = "refused";
        return this;
    }

    public AuditRecord failed() {
        this.result = "failed";
        return this;
    }

    /** Appends the entry in the current transaction (or in one of its own when there is none). */
    public void record() {
        if (action == null || resourceType == null) {
            throw new IllegalStateException("An audit entry needs an action and a resource");
        }
        // without an explicit user: whoever the engine or the API call is working for
        String user = userId != null ? userId : AuditHistoryEventHandler.currentUser();
        writer.append(new AuditDraft(chain, null, Instant.now(), "application", user, action, actionDisplay,
                result, resourceType, resourceId, resourceDisplay, explanation, changes));
    }
}
