package nl.doorbraak.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import nl.doorbraak.casedeadline.CaseDeadlines;
import nl.doorbraak.platform.ConflictException;
import nl.doorbraak.platform.validation.FieldError;
import nl.doorbraak.platform.validation.InvalidInputException;
import nl.doorbraak.request.RequestRecord;
import nl.doorbraak.security.DoorbraakUser;
import nl.doorbraak.security.Groups;

/**
 * The programme office's page to suspend, resume or extend a case deadline, with a reason: the
 * same service and rules as {@code POST /api/v1/requests/{reference}/case-deadline/...}. Each form
 * names its reason field apart, so an error shows at the form that caused it.
 */
@Controller
class CaseDeadlinePagesController {

    private final RequestViews views;
    private final CaseDeadlines deadlines;

    CaseDeadlinePagesController(RequestViews views, CaseDeadlines deadlines) {
        this.views = views;
        this.deadlines = deadlines;
    }

    /** Whether the request page offers the link: the programme office, on an open deadline. */
    static boolean mayChange(DoorbraakUser user, RequestViews.RequestDetail detail) {
        return user.isMemberOf(Groups.PROGRAMME_OFFICE) && detail.caseDeadline() != null
                && !detail.caseDeadline().closed();
    }

    @GetMapping("/verzoeken/{reference}/doorlooptijd")
    String form(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String reference, Model model) {
        return show(officesCase(reference, user), model, Map.of(), List.of());
    }

    @PostMapping("/verzoeken/{reference}/doorlooptijd/opschorten")
    String suspend(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String reference,
                   @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return change(user, reference, form, model, redirect, "suspensionReason", Map.of("reason", "suspensionReason"),
                "De doorlooptijd is opgeschort.",
                body -> deadlines.suspend(reference, user, body));
    }

    @PostMapping("/verzoeken/{reference}/doorlooptijd/hervatten")
    String resume(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String reference,
                  @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return change(user, reference, form, model, redirect, "resumptionReason", Map.of("reason", "resumptionReason"),
                "De doorlooptijd loopt weer.",
                body -> deadlines.resume(reference, user, body));
    }

    @PostMapping("/verzoeken/{reference}/doorlooptijd/verlengen")
    String extend(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String reference,
                  @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return change(user, reference, form, model, redirect, "extensionReason",
                Map.of("reason", "extensionReason", "newDueDate", "newDueDate"), "De doorlooptijd is verlengd.",
                body -> deadlines.extend(reference, user, body));
    }

    /**
     * Sends the form's fields as the API body ({@code fields}: body key to form field), shows the
     * page again with the errors at the form's fields, or goes back to the request with a notice.
     */
    private String change(DoorbraakUser user, String reference, Map<String, String> form, Model model,
                          RedirectAttributes redirect, String conflictField, Map<String, String> fields, String notice,
                          java.util.function.Consumer<Map<String, Object>> action) {
        RequestRecord request = officesCase(reference, user);
        Map<String, Object> body = new LinkedHashMap<>();
        fields.forEach((key, field) -> {
            String value = form.get(field);
            if (value != null && !value.isBlank()) {
                body.put(key, value.strip());
            }
        });
        try {
            action.accept(body);
        } catch (InvalidInputException e) {
            return show(request, model, form, e.errors().stream()
                    .map(error -> new FieldError(fields.getOrDefault(error.field(), conflictField), error.message()))
                    .toList());
        } catch (ConflictException e) {
            return show(request, model, form, List.of(new FieldError(conflictField, e.getMessage())));
        }
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/verzoeken/" + reference;
    }

    private String show(RequestRecord request, Model model, Map<String, String> form, List<FieldError> errors) {
        model.addAttribute("request", views.detail(request));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.isEmpty() ? null : Forms.byField(errors));
        return "web/case-deadline";
    }

    private RequestRecord officesCase(String reference, DoorbraakUser user) {
        return deadlines.officesCase(reference, user);
    }
}
