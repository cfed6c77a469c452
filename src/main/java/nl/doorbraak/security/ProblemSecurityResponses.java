package nl.doorbraak.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.doorbraak.platform.AccessRefused;
import nl.doorbraak.platform.AccessRefused.Refusal;
import nl.doorbraak.platform.Problems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * 401, 403 and 429 (a throttled login) from the security filters, as problem+json like every
 * other error; each refusal is announced so that it lands on the audit trail.
 */
@Component
class ProblemSecurityResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper objectMapper;
    private final ApplicationEventPublisher events;
    private final LoginRefusals logins;

    ProblemSecurityResponses(ObjectMapper objectMapper, ApplicationEventPublisher events, LoginRefusals logins) {
        this.objectMapper = objectMapper;
        this.events = events;
        this.logins = logins;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException exception) throws IOException {
        if (exception instanceof LoginThrottledException throttled) {
            logins.throttled(request, throttled);
            writeThrottled(response, throttled, request.getRequestURI());
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"Doorbraak\", charset=\"UTF-8\"");
        logins.failed(Refusal.UNAUTHENTICATED, request, attemptedUser(request));
        Problems.write(response, objectMapper, HttpStatus.UNAUTHORIZED, null, request.getRequestURI());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException exception) throws IOException {
        events.publishEvent(new AccessRefused(request.getRemoteUser(), request.getMethod(), request.getRequestURI(), 403));
        Problems.write(response, objectMapper, HttpStatus.FORBIDDEN, null, request.getRequestURI());
    }

    /**
     * 429 with Retry-After and the Dutch message as {@code detail} and, for the Camunda webapps'
     * login form (which shows an error answer's {@code message}), as {@code message} too.
     */
    void writeThrottled(HttpServletResponse response, LoginThrottledException throttled, String instance)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
        Problems.write(response, objectMapper, HttpStatus.TOO_MANY_REQUESTS, throttled.dutchMessage(), instance,
                Map.of("message", throttled.dutchMessage()));
    }

    /** The user name a Basic header claimed, so failed logins show who was tried; never the password. */
    private static String attemptedUser(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            String user = colon < 0 ? decoded : decoded.substring(0, colon);
            return user.length() > 64 ? user.substring(0, 64) : user;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
