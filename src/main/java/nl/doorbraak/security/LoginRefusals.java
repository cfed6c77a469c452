package nl.doorbraak.security;

import jakarta.servlet.http.HttpServletRequest;
import nl.doorbraak.platform.AccessRefused;
import nl.doorbraak.platform.AccessRefused.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Announces refused logins, whichever channel refused them, so that they land on the audit
 * trail with the name that was tried and the address it came from.
 */
@Component
class LoginRefusals {

    private final ApplicationEventPublisher events;

    LoginRefusals(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** A wrong name or password: {@code UNAUTHENTICATED} for the API, {@code LOGIN_FAILED} for a login form. */
    void failed(Refusal refusal, HttpServletRequest request, String userId) {
        events.publishEvent(new AccessRefused(refusal, userId, request.getMethod(), request.getRequestURI(),
                userId == null ? null : from(request.getRemoteAddr())));
    }

    void throttled(HttpServletRequest request, LoginThrottledException throttled) {
        events.publishEvent(new AccessRefused(Refusal.LOGIN_THROTTLED, throttled.userId(), request.getMethod(),
                request.getRequestURI(), throttled.auditDetail()));
    }

    static String from(String address) {
        return "Vanaf IP-adres " + address;
    }
}
