package nl.doorbraak.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** A login refused because the user name had too many failed logins lately. */
class LoginThrottledException extends AuthenticationException {

    private final String userId;
    private final Duration retryAfter;

    LoginThrottledException(String userId, Duration retryAfter) {
        super("Too many failed logins");
        this.userId = userId;
        this.retryAfter = retryAfter;
    }

    String userId() {
        return userId;
    }

    /** Whole seconds, at least one, for the Retry-After header. */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
