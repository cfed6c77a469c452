package nl.doorbraak.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.doorbraak.platform.AccessRefused;
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
 * 401 and 403 from the security filters, as problem+json like every other error; each refusal
 * is announced so that it lands on the audit trail.
 */
@Component
class ProblemSecurityResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper objectMapper;
    private final ApplicationEventPublisher events;

    ProblemSecurityResponses(ObjectMapper objectMapper, ApplicationEventPublisher events) {
        this.objectMapper = objectMapper;
        this.events = events;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException exception) throws IOException {
        if (exception instanceof LoginThrottledException throttled) {
            long seconds = throttled.retryAfterSeconds();
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            events.publishEvent(new AccessRefused(throttled.userId(), request.getMethod(), request.getRequestURI(),
                    HttpStatus.TOO_MANY_REQUESTS.value()));
            Problems.write(response, objectMapper, HttpStatus.TOO_MANY_REQUESTS,
                    "Te veel mislukte aanmeldpogingen voor deze gebruiker. Probeer het over "
                            + minutes(seconds) + " opnieuw.", request.getRequestURI());
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"Doorbraak\", charset=\"UTF-8\"");
        events.publishEvent(new AccessRefused(attemptedUser(request), request.getMethod(), request.getRequestURI(), 401));
        Problems.write(response, objectMapper, HttpStatus.UNAUTHORIZED, null, request.getRequestURI());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException exception) throws IOException {
        events.publishEvent(new AccessRefused(request.getRemoteUser(), request.getMethod(), request.getRequestURI(), 403));
        Problems.write(response, objectMapper, HttpStatus.FORBIDDEN, null, request.getRequestURI());
    }

    private static String minutes(long seconds) {
        long minutes = (seconds + 59) / 60;
        return minutes == 1 ? "1 minuut" : minutes + " minuten";
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
