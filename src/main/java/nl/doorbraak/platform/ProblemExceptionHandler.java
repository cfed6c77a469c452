package nl.doorbraak.platform;

import nl.doorbraak.platform.validation.DuplicateKeys;
import nl.doorbraak.platform.validation.FieldError;
import nl.doorbraak.platform.validation.InvalidInputException;
import java.util.List;
import java.util.UUID;

import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every exception that reaches Spring MVC into problem+json with Dutch texts, and never
 * lets a stack trace, an exception message or a class name reach the client.
 */
@RestControllerAdvice
class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ApplicationEventPublisher events;

    ProblemExceptionHandler(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(status, dutchDetail(ex, status));
        if (body instanceof ProblemDetail original && original.getProperties() != null) {
            original.getProperties().forEach(problem::setProperty);
        }
        if (request instanceof ServletWebRequest servlet) {
            problem.setInstance(Problems.safeUri(servlet.getRequest().getRequestURI()));
        }
        return super.handleExceptionInternal(ex, problem, headers, status, request);
    }

    /**
     * A body that is no JSON is a 400; one that was cut off at the size limit a 413; one with a
     * key twice (which the parser stops at) a 400 naming that field.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimit.BodyTooLargeException) {
                return handleExceptionInternal(ex, null, headers, HttpStatus.PAYLOAD_TOO_LARGE, request);
            }
            var duplicate = DuplicateKeys.of(cause);
            if (duplicate.isPresent()) {
                return invalidInput(new InvalidInputException(List.of(duplicate.get())), request);
            }
        }
        return super.handleHttpMessageNotReadable(ex, headers, status, request);
    }

    /** Invalid input: 400 with every error found, field by field. */
    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalidInput(InvalidInputException ex, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "De invoer bevat "
                + (ex.errors().size() == 1 ? "een fout." : ex.errors().size() + " fouten."));
        problem.setTitle("Ongeldige invoer");
        problem.setProperty("errors", ex.errors());
        if (request instanceof ServletWebRequest servlet) {
            problem.setInstance(Problems.safeUri(servlet.getRequest().getRequestURI()));
        }
        return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /**
     * A multipart body the container cannot take apart: 400, not 500. Tomcat refuses a file name
     * with a NUL in it before any application code sees it; that is the file name's rule, so it
     * names the field as the other rules of a file name do.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> unreadableMultipart(MultipartException ex, WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidFileNameException) {
                return invalidInput(new InvalidInputException(List.of(new FieldError("file",
                        "Bestandsnaam bevat een stuurteken (NUL); dat is niet toegestaan."))), request);
            }
        }
        return handleExceptionInternal(ex, null, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    /** A conflict with the state of a case or task: 409. */
    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException ex, WebRequest request) {
        return handleExceptionInternal(ex, null, new HttpHeaders(), HttpStatus.CONFLICT, request);
    }

    /**
     * A case, task or document that is not there for this caller: the caller may be probing another
     * party's, so it goes on the audit trail with what was asked for. A path that leads nowhere at
     * all ({@link NoResourceFoundException}) is no such attempt.
     */
    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException ex, WebRequest request) {
        if (ex.refusal() && request instanceof ServletWebRequest servlet) {
            events.publishEvent(new AccessRefused(AccessRefused.Refusal.NOT_FOUND, servlet.getRemoteUser(),
                    servlet.getHttpMethod().name(), servlet.getRequest().getRequestURI(), ex.getReason()));
        }
        return handleExceptionInternal(ex, null, new HttpHeaders(), HttpStatus.NOT_FOUND, request);
    }

    /** Security decisions made inside a controller or method call answer as the filters do. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException ex, WebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            events.publishEvent(new AccessRefused(servlet.getRemoteUser(), servlet.getHttpMethod().name(),
                    servlet.getRequest().getRequestURI(), HttpStatus.FORBIDDEN.value()));
        }
        return handleExceptionInternal(ex, null, new HttpHeaders(), HttpStatus.FORBIDDEN, request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException ex, WebRequest request) {
        return handleExceptionInternal(ex, null, new HttpHeaders(), HttpStatus.UNAUTHORIZED, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        if (DatabaseOutage.isCauseOf(ex)) {
            DatabaseOutage.log(ex);
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS);
            ResponseEntity<Object> response = handleExceptionInternal(ex, null, headers, HttpStatus.SERVICE_UNAVAILABLE,
                    request);
            if (response != null && response.getBody() instanceof ProblemDetail problem) {
                problem.setDetail(DatabaseOutage.DETAIL);
            }
            return response;
        }
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected error, incident {}", incident, ex);
        ResponseEntity<Object> response = handleExceptionInternal(ex, null, new HttpHeaders(),
                HttpStatus.INTERNAL_SERVER_ERROR, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            problem.setDetail("Er ging iets mis aan onze kant. Vermeld bij contact het foutnummer " + incident + ".");
            problem.setProperty("incident", incident);
        }
        return response;
    }

    private static String dutchDetail(Exception ex, HttpStatusCode status) {
        if (ex instanceof ConflictException conflict) {
            return conflict.getMessage();
        }
        if (ex instanceof org.springframework.web.server.ResponseStatusException rse && rse.getReason() != null
                && status.value() != 500) {
            return rse.getReason();
        }
        if (ex instanceof HttpRequestMethodNotSupportedException m) {
            return "De methode " + m.getMethod() + " is op dit adres niet toegestaan.";
        }
        if (ex instanceof HttpMediaTypeNotSupportedException m && m.getContentType() != null) {
            return "Het formaat " + m.getContentType().getType() + "/" + m.getContentType().getSubtype()
                    + " wordt niet ondersteund.";
        }
        if (ex instanceof HttpMediaTypeNotAcceptableException) {
            return "Het gevraagde formaat kan niet worden geleverd.";
        }
        if (ex instanceof HttpMessageNotReadableException) {
            return "De inhoud van het verzoek is niet leesbaar of geen geldige JSON.";
        }
        if (ex instanceof MultipartException) {
            return "De inhoud van het verzoek is geen leesbare multipart/form-data.";
        }
        if (ex instanceof NoResourceFoundException) {
            return "Op dit adres is niets te vinden.";
        }
        return ProblemTexts.detail(status);
    }
}
