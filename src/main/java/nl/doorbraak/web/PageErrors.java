package nl.doorbraak.web;

import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import nl.doorbraak.platform.AccessRefused;
import nl.doorbraak.platform.AccessRefused.Refusal;
import nl.doorbraak.platform.ConflictException;
import nl.doorbraak.platform.DatabaseOutage;
import nl.doorbraak.platform.validation.InvalidInputException;
import nl.doorbraak.platform.NotFoundException;
import nl.doorbraak.platform.Problems;
import nl.doorbraak.security.DoorbraakUser;
import nl.doorbraak.security.WebPagePaths;

/**
 * Every error on a page is a page: Dutch, in the site's layout, with the status it stands for,
 * never the API's problem+json. Runs before Spring MVC's own exception handling, for the pages'
 * addresses only ({@link WebPagePaths}), so the API keeps problem+json. A case, task or document
 * that is not there for this user and an action refused to them are refused attempts on the
 * audit trail, as in the API; an address that does not exist at all is not (a typing error is
 * no attempt, and the address says nothing about anyone's case).
 */
@Component
class PageErrors implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    private final ApplicationEventPublisher events;

    PageErrors(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** Right after Spring Boot's {@code DefaultErrorAttributes}, which only notes the error and passes it on. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception failure) {
        if (!WebPagePaths.isPage(request) || response.isCommitted()) {
            return null;
        }
        DoorbraakUser user = currentUser();
        if (failure instanceof NotFoundException notFound) {
            refuse(Refusal.NOT_FOUND, user, request, notFound.getReason());
            return page(response, user, HttpStatus.NOT_FOUND, notFound.getReason());
        }
        if (failure instanceof NoResourceFoundException || failure instanceof NoHandlerFoundException) {
            return page(response, user, HttpStatus.NOT_FOUND,
                    "Deze pagina bestaat niet. Controleer het adres, of begin op de startpagina.");
        }
        if (failure instanceof AccessDeniedException) {
            refuse(Refusal.FORBIDDEN, user, request, null);
            return page(response, user, HttpStatus.FORBIDDEN, "U heeft geen toegang tot deze pagina.");
        }
        if (failure instanceof InvalidInputException invalid) {
            return page(response, user, HttpStatus.BAD_REQUEST, invalid.errors().stream()
                    .map(error -> error.message()).collect(Collectors.joining(" ")));
        }
        if (failure instanceof ConflictException conflict) {
            return page(response, user, HttpStatus.CONFLICT, conflict.getMessage());
        }
        if (failure instanceof MaxUploadSizeExceededException) {
            return page(response, user, HttpStatus.PAYLOAD_TOO_LARGE, "Wat u verstuurde is te groot: hoogstens 20 MB"
                    + " per bestand. Ga met de knop Vorige van uw browser terug naar het formulier en kies een kleiner"
                    + " bestand.");
        }
        if (failure instanceof ErrorResponse error) {
            return page(response, user, error.getStatusCode(), failure instanceof ResponseStatusException status
                    && status.getReason() != null && !error.getStatusCode().is5xxServerError() ? status.getReason() : null);
        }
        if (failure instanceof TypeMismatchException) {
            return page(response, user, HttpStatus.BAD_REQUEST, null);
        }
        if (DatabaseOutage.isCauseOf(failure)) {
            DatabaseOutage.log(failure);
            response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS);
            return page(response, user, HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutage.DETAIL);
        }
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected error on a page, incident {}", incident, failure);
        return page(response, user, HttpStatus.INTERNAL_SERVER_ERROR,
                "Er ging iets mis aan onze kant. Vermeld bij contact het foutnummer " + incident + ".");
    }

    private void refuse(Refusal refusal, DoorbraakUser user, HttpServletRequest request, String detail) {
        events.publishEvent(new AccessRefused(refusal, user == null ? null : user.id(), request.getMethod(),
                request.getRequestURI(), detail));
    }

    /** The error page in the site's layout; without a message of its own, the status' Dutch default. */
    private static ModelAndView page(HttpServletResponse response, DoorbraakUser user, HttpStatusCode status,
                                     String message) {
        var texts = Problems.of(status, message);
        response.setStatus(status.value());
        ModelAndView page = new ModelAndView("web/error", status);
        page.addObject("title", texts.getTitle());
        page.addObject("message", texts.getDetail());
        page.addObject("currentUser", user);
        page.addObject("readsAudit", PageModel.readsAudit(user));
        return page;
    }

    private static DoorbraakUser currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof DoorbraakUser user ? user : null;
    }
}
