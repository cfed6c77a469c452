package nl.doorbraak.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import nl.doorbraak.platform.NotFoundException;
import nl.doorbraak.reference.ReferenceData;
import nl.doorbraak.request.BudgetPoolingSchema;
import nl.doorbraak.request.RuleChangeSchema;
import nl.doorbraak.security.DoorbraakUser;
import nl.doorbraak.security.Groups;

/**
 * What every page knows (who is logged in, what they may do), and the pages for "not found" and
 * "not allowed": an HTML page, not the API's problem+json, with the same status.
 */
@ControllerAdvice(basePackageClasses = PageModel.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageModel {

    private final ReferenceData referenceData;

    PageModel(ReferenceData referenceData) {
        this.referenceData = referenceData;
    }

    /** The Dutch names of the instruments of both kinds, for showing a submission. */
    @ModelAttribute("instrumentLabels")
    java.util.Map<String, String> instrumentLabels() {
        java.util.Map<String, String> labels = new java.util.HashMap<>(RuleChangeSchema.INSTRUMENTS);
        labels.putAll(BudgetPoolingSchema.INSTRUMENTS);
        return labels;
    }

    @ModelAttribute("regulationNames")
    java.util.Map<String, String> regulationNames() {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        referenceData.regulations().forEach(regulation -> names.put(regulation.code(), regulation.name()));
        return names;
    }

    @ModelAttribute("currentUser")
    DoorbraakUser currentUser(@AuthenticationPrincipal DoorbraakUser user) {
        return user;
    }

    /** No errors until a controller finds some: templates look errors up by field. */
    @ModelAttribute("errors")
    java.util.Map<String, java.util.List<String>> errors() {
        return java.util.Map.of();
    }

    @ModelAttribute("readsAudit")
    boolean readsAudit(@AuthenticationPrincipal DoorbraakUser user) {
        return user != null && (user.isMemberOf(Groups.AUDITOR) || user.isMemberOf(Groups.PROGRAMME_OFFICE));
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NotFoundException e, Model model) {
        model.addAttribute("title", "Niet gevonden");
        model.addAttribute("message", e.getReason());
        return "web/error";
    }

    @ExceptionHandler(AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(Model model) {
        model.addAttribute("title", "Geen toegang");
        model.addAttribute("message", "U heeft geen toegang tot deze pagina.");
        return "web/error";
    }
}
