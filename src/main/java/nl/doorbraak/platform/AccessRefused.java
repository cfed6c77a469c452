package nl.doorbraak.platform;

/**
 * Published whenever a caller is turned away, wherever that happens (the API's filters, a
 * controller, the web pages, the Camunda webapps and the engine API behind them), so that the
 * refusal lands on the audit trail without the refusing code knowing about it.
 *
 * @param userId the user who was refused, or for a failed login the user name that was tried
 * @param detail what was refused beyond the endpoint (the case or task asked for, the fields
 *               refused), in Dutch; may be null
 */
public record AccessRefused(Refusal refusal, String userId, String method, String path, String detail) {

    /** Why a caller was turned away: each kind is one action on the audit trail. */
    public enum Refusal {
        /** 401: no or wrong credentials. */
        UNAUTHENTICATED,
        /** A login form (web pages, Tasklist, Cockpit, Admin) refused the user name and password. */
        LOGIN_FAILED,
        /** 429: too many failed logins of this user from this source. */
        LOGIN_THROTTLED,
        /** 403: authenticated, but not allowed. */
        FORBIDDEN,
        /** 404 for a case, task or document that exists for someone else, or not at all. */
        NOT_FOUND,
        /** A write without the session's CSRF token. */
        CSRF,
        /** A write the process engine's own authorizations refused (Tasklist, Cockpit, Admin). */
        ENGINE_AUTHORIZATION,
        /** A write carrying fields that the server sets or that the form does not have. */
        FORBIDDEN_FIELDS
    }

    /** The refusal that a bare HTTP status stands for (401, 403, 404, 429). */
    public AccessRefused(String userId, String method, String path, int status) {
        this(switch (status) {
            case 401 -> Refusal.UNAUTHENTICATED;
            case 404 -> Refusal.NOT_FOUND;
            case 429 -> Refusal.LOGIN_THROTTLED;
            default -> Refusal.FORBIDDEN;
        }, userId, method, path, null);
    }

    public int status() {
        return switch (refusal) {
            case UNAUTHENTICATED, LOGIN_FAILED -> 401;
            case LOGIN_THROTTLED -> 429;
            case NOT_FOUND -> 404;
            case FORBIDDEN_FIELDS -> 400;
            case FORBIDDEN, CSRF, ENGINE_AUTHORIZATION -> 403;
        };
    }
}
