package nl.doorbraak.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of the audit trail, shaped after the Dutch ZGW audit trail (docs/audit.md maps the
 * fields), with its place in its chain and its hashes.
 */
public record AuditEntry(long id, String chain, long sequence, Instant occurredAt, String source, String application,
                         String userId, String userDisplay, String action, String actionDisplay, String result,
                         String resourceType, String resourceId, String resourceDisplay, String explanation,
                         String changes, String traceId, String prevHash, String hash) {

    /** The members that are hashed, by their names in the canonical JSON. */
    public Map<String, Object> hashedMembers() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("chain", chain);
        members.put("sequence", sequence);
        members.put("occurredAt", AuditHashes.timestamp(occurredAt));
        members.put("source", source);
        members.put("application", application);
        members.put("userId", userId);
        members.put("userDisplay", userDisplay);
        members.put("action", action);
        members.put("actionDisplay", actionDisplay);
        members.put("result", result);
        members.put("resourceType", resourceType);
        members.put("resourceId", resourceId);
        members.put("resourceDisplay", resourceDisplay);
        members.put("explanation", explanation);
        members.put("changes", changes);
        members.put("traceId", traceId);
        return members;
    }

    /** The entry as exported: the hashed members plus its two hashes, one canonical JSON line. */
    public String exportLine() {
        Map<String, Object> members = hashedMembers();
        members.put("prevHash", prevHash);
        members.put("hash", hash);
        return CanonicalJson.of(members);
    }
}
