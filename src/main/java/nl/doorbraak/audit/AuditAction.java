package nl.doorbraak.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every action the application puts on the audit trail, one vocabulary for whoever writes or
 * reads entries (the timeline of a request reads them by these constants, never by their text).
 * The code in an entry is the name in kebab case ({@code decision-taken}); the engine's own events
 * and identity changes keep the codes of {@code EngineEventDescriptions} and {@code AdministrationAudit}.
 */
public enum AuditAction {
    // The case file
    REQUEST_SUBMITTED,
    STATUS_CHANGED,
    REQUEST_ROUTED,
    REQUEST_WITHDRAWN,
    REQUEST_LAPSED,
    DOCUMENT_ADDED,
    DOCUMENT_REMOVED,
    REFERENCE_NUMBER_UNUSED,
    // Assessment
    INFORMATION_REQUESTED,
    INFORMATION_PROVIDED,
    INFORMATION_NOT_PROVIDED,
    ADVICE_GIVEN,
    // Decision and follow-up
    DECISION_TAKEN,
    EVALUATION_DELIVERED,
    EVALUATION_ASSESSED,
    ACCOUNTABILITY_DELIVERED,
    ACCOUNTABILITY_CHECKED,
    // Notifications
    NOTIFICATION_SENT,
    NOTIFICATION_FAILED,
    NOTIFICATION_DISCARDED,
    // The audit trail and the report
    AUDIT_TRAIL_READ,
    AUDIT_VERIFIED,
    AUDIT_TRAIL_EXPORTED,
    PROGRESS_REPORT_STORED,
    // Refused attempts (system chain)
    ACCESS_UNAUTHENTICATED,
    LOGIN_FAILED,
    LOGIN_THROTTLED,
    ACCESS_DENIED,
    ACCESS_NOT_FOUND,
    CSRF_REFUSED,
    ENGINE_AUTHORIZATION_REFUSED,
    FORBIDDEN_FIELDS_REFUSED,
    // The national-rule catalogue (system chain) and a request's link to it (case chain)
    NATIONAL_RULE_ADDED,
    NATIONAL_RULE_CHANGED,
    NATIONAL_RULE_LINKED,
    // Joining an existing breakthrough
    JOIN_CONFIRMATION_RECORDED,
    // Recurring obstacles (the signal's chain and each linked request's)
    SIGNAL_STARTED,
    SIGNAL_LINKED,
    SIGNAL_UNLINKED,
    SIGNAL_ANSWERED,
    // E-mail preferences (system chain, by the user who set their own)
    NOTIFICATION_PREFERENCES_CHANGED,
    // The term of a granted experiment or exemption: reminder before its end, extension, end
    EXEMPTION_END_REMINDED,
    EXEMPTION_EXTENDED,
    EXEMPTION_ENDED,
    // Amending and revoking a decision (the case chain)
    DECISION_AMENDED,
    DECISION_REVOKED,
    // Implementation tracking of a granted change (the request's chain)
    IMPLEMENTATION_STARTED,
    IMPLEMENTATION_STAGE_REACHED,
    IMPLEMENTATION_ESCALATED,
    IMPLEMENTATION_STOPPED,
    // The case deadline (doorlooptijd) of a request (the case chain)
    CASE_DEADLINE_SET,
    CASE_DEADLINE_SUSPENDED,
    CASE_DEADLINE_RESUMED,
    CASE_DEADLINE_EXTENDED,
    CASE_DEADLINE_PASSED,
    CASE_DEADLINE_CLOSED;

    /** The code an entry carries. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<AuditAction> ofCode(String code) {
        return Arrays.stream(values()).filter(action -> action.code().equals(code)).findFirst();
    }
}
