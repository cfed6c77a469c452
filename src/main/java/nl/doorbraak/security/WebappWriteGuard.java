package nl.doorbraak.security;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import nl.doorbraak.platform.AccessRefused;
import nl.doorbraak.platform.AccessRefused.Refusal;
import nl.doorbraak.platform.validation.FieldError;
import nl.doorbraak.platform.validation.InvalidInputException;
import nl.doorbraak.platform.Problems;
import nl.doorbraak.security.WebappEndpoints.Operation;
import nl.doorbraak.security.WebappWriteRules.Invalid;
import nl.doorbraak.security.WebappWriteRules.Refused;
import nl.doorbraak.security.WebappWriteRules.Verdict;

/**
 * In front of Tasklist, Cockpit and Admin ({@code /camunda/**}), before their own filters: lets
 * every read through, and every write only when {@link WebappWriteRules} allow it. Refusals are
 * answered as problem+json (with {@code message}, which the webapps show) and published as
 * {@link AccessRefused}; so are the refusals of the webapps behind it that it sees go by: their
 * CSRF filter's, and the engine's own authorizations'.
 */
final class WebappWriteGuard extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(WebappWriteGuard.class);
    private static final String FORGED = "Het beveiligingstoken ontbreekt of is ongeldig. Laad de pagina opnieuw en "
            + "meld u zo nodig opnieuw aan.";

    private final WebappWriteRules rules;
    private final ObjectMapper objectMapper;
    private final ApplicationEventPublisher events;
    private final String engineName;
    private final String applicationPath;
    private final long maxBodyBytes;

    WebappWriteGuard(WebappWriteRules rules, ObjectMapper objectMapper, ApplicationEventPublisher events,
                     String engineName, String applicationPath, long maxBodyBytes) {
        this.rules = rules;
        this.objectMapper = objectMapper;
        this.events = events;
        this.engineName = engineName;
        this.applicationPath = applicationPath;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        WebappEndpoints.Request endpoint = WebappEndpoints.classify(request.getMethod(), pathBelowApplication(request));
        if (!endpoint.operation().isWrite()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<WebappCaller> caller = WebappCaller.of(request, engineName);
        String userId = caller.map(WebappCaller::userId).orElse(null);
        // read before the webapps' CSRF filter, which ends the session when it refuses
        boolean tokenCarried = WebappCaller.carriesCsrfToken(request);
        Body body = new Body(request);
        Verdict verdict;
        try {
            verdict = rules.check(endpoint, caller, body::bytes);
        } catch (CachedBodyRequest.TooLarge tooLarge) {
            Problems.write(response, objectMapper, HttpStatus.PAYLOAD_TOO_LARGE,
                    "Het verzoek is groter dan de toegestane " + maxBodyBytes / 1024 + " kB.", request.getRequestURI());
            return;
        }
        if (!(verdict instanceof WebappWriteRules.Pass) && caller.isPresent() && !tokenCarried) {
            refuseAsForged(request, response, userId);
            return;
        }
        if (verdict instanceof Refused refused) {
            refuse(request, response, userId, refused);
        } else if (verdict instanceof Invalid invalid) {
            write(request, response, HttpStatus.BAD_REQUEST, "De invoer bevat " + (invalid.errors().size() == 1
                    ? "een fout." : invalid.errors().size() + " fouten.") + " " + String.join(" ",
                    invalid.errors().stream().map(FieldError::message).toList()), invalid.errors());
        } else if (endpoint.operation().submitsAForm()) {
            ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
            chain.doFilter(body.forward(), answer);
            observe(request, answer, endpoint.operation(), userId, tokenCarried);
            Optional<String> refusedInput = refusedInput(answer);
            if (refusedInput.isPresent()) {
                answer.resetBuffer();
                write(request, answer, HttpStatus.BAD_REQUEST, refusedInput.get(), List.of());
            }
            answer.copyBodyToResponse();
        } else {
            chain.doFilter(body.forward(), response);
            observe(request, response, endpoint.operation(), userId, tokenCarried);
        }
    }

    /**
     * The Dutch message of a form the server's rules refused (TaskInput, RegisterRequest): the
     * engine's REST layer answers any exception thrown inside a command as a 500 with its type
     * and message, but this one is the user's input, so the answer becomes a 400.
     */
    private Optional<String> refusedInput(ContentCachingResponseWrapper answer) {
        if (answer.getStatus() != HttpStatus.INTERNAL_SERVER_ERROR.value()) {
            return Optional.empty();
        }
        try {
            com.fasterxml.jackson.databind.JsonNode error = objectMapper.readTree(answer.getContentAsByteArray());
            return InvalidInputException.class.getSimpleName().equals(error.path("type").asText())
                    ? Optional.of(error.path("message").asText()) : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    /** The decoded path below the webapps' application path, as the servlets behind it see it. */
    private String pathBelowApplication(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.startsWith(applicationPath) ? path.substring(applicationPath.length()) : path;
    }

    /** A refusal of the webapps behind this filter: their CSRF filter's, or the engine's authorizations'. */
    private void observe(HttpServletRequest request, HttpServletResponse response, Operation operation, String userId,
                         boolean tokenCarried) {
        if (response.getStatus() != HttpStatus.FORBIDDEN.value()) {
            return;
        }
        if (!tokenCarried) {
            publish(Refusal.CSRF, userId, request, null);
        } else if (operation != Operation.LOGIN_OR_LOGOUT) {
            // a login to an app the user may not use is the login's business, not a refused write
            publish(Refusal.ENGINE_AUTHORIZATION, userId, request, null);
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String userId, Refused refused)
            throws IOException {
        String detail = refused.refusal() == Refusal.FORBIDDEN_FIELDS
                ? "Geweigerde velden: " + String.join(", ", refused.fields().stream().map(FieldError::field).toList())
                : refused.message();
        AccessRefused event = publish(refused.refusal(), userId, request, detail);
        write(request, response, HttpStatus.valueOf(event.status()), refused.message(), refused.fields());
    }

    /**
     * A refused write of a logged-in user without the session's CSRF token may have been sent by
     * another site in the user's name: it is refused as Camunda's CSRF filter refuses it (which
     * also ends the session), and audited as such, not as the user's own attempt.
     */
    private void refuseAsForged(HttpServletRequest request, HttpServletResponse response, String userId)
            throws IOException {
        publish(Refusal.CSRF, userId, request, null);
        if (request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME) == null) {
            response.setHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME, CsrfConstants.CSRF_TOKEN_HEADER_REQUIRED);
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        write(request, response, HttpStatus.FORBIDDEN, FORGED, List.of());
    }

    private AccessRefused publish(Refusal refusal, String userId, HttpServletRequest request, String detail) {
        log.info("Camunda webapp write refused ({}): {} {} by {}", refusal, request.getMethod(),
                request.getRequestURI(), userId);
        AccessRefused event = new AccessRefused(refusal, userId, request.getMethod(), request.getRequestURI(), detail);
        events.publishEvent(event);
        return event;
    }

    /** problem+json; {@code message} is what Tasklist, Cockpit and Admin show of a failed request. */
    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String message,
                       List<FieldError> errors) throws IOException {
        ProblemDetail problem = Problems.of(status, message);
        if (status == HttpStatus.BAD_REQUEST) {
            problem.setTitle("Ongeldige invoer");
        }
        try {
            problem.setInstance(java.net.URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException notAUri) {
            // no instance then: the firewall lets few such paths through
        }
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        problem.setProperty("message", message);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        objectMapper.writeValue(response.getOutputStream(), problem);
    }

    /** The request body, read only when a rule needs it, and then handed on unchanged. */
    private final class Body {
        private final HttpServletRequest request;
        private CachedBodyRequest cached;

        Body(HttpServletRequest request) {
            this.request = request;
        }

        byte[] bytes() throws IOException {
            if (cached == null) {
                cached = CachedBodyRequest.of(request, maxBodyBytes);
            }
            return cached.body();
        }

        HttpServletRequest forward() {
            return cached != null ? cached : request;
        }
    }
}
