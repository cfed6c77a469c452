package nl.doorbraak.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** A login refused, whatever its password, because of too many failed logins of that name from that source. */
class LoginThrottledException extends AuthenticationException {

    private final String userId;
    private final String address;
    private final Duration retryAfter;

    LoginThrottledException(String userId, String address, Duration retryAfter) {
        super("Too many failed logins");
        this.userId = userId;
        this.address = address;
        this.retryAfter = retryAfter;
    }

    String userId() {
        return userId;
    }

    /** Whole seconds, at least one, for the Retry-After header. */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** What the person reads, on every channel: the truth, rounded up to whole minutes. */
    String dutchMessage() {
        return "Te veel pogingen. Probeer het over " + minutes() + " opnieuw.";
    }

    /** What the audit trail says beyond the tried name: where from, and for how long it is refused. */
    String auditDetail() {
        return LoginRefusals.from(address) + "; geweigerd voor nog " + minutes();
    }

    private String minutes() {
        long minutes = (retryAfterSeconds() + 59) / 60;
        return minutes == 1 ? "1 minuut" : minutes + " minuten";
    }
}
