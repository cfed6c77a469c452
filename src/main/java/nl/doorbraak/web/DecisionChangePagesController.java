package nl.doorbraak.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import nl.doorbraak.decision.DecisionChanges;
import nl.doorbraak.decision.DecisionOutcome;
import nl.doorbraak.decision.DecisionVersion;
import nl.doorbraak.platform.ConflictException;
import nl.doorbraak.platform.NotFoundException;
import nl.doorbraak.platform.validation.FieldError;
import nl.doorbraak.platform.validation.InvalidInputException;
import nl.doorbraak.platform.validation.Vocabulary;
import nl.doorbraak.request.RequestKind;
import nl.doorbraak.request.RequestRecord;
import nl.doorbraak.request.Requests;
import nl.doorbraak.request.RuleChangeSchema;
import nl.doorbraak.security.DoorbraakUser;
import nl.doorbraak.security.Groups;

/**
 * The programme director's page to amend or revoke a decision: the same service and rules as
 * {@code POST /api/v1/requests/{reference}/decision/amendments} and {@code /revocation}. The
 * amendment form has the fields of the decision form of a rule change or a request to join; the granted
 * amounts of a budget pooling are amended through the API.
 */
@Controller
class DecisionChangePagesController {

    private static final List<String> AMENDMENT_FIELDS = List.of("decisionOutcome", "instrument", "effectiveDate",
            "evaluationDate", "conditions", "rationale", "reason", "version");

    private final Requests requests;
    private final RequestViews views;
    private final DecisionChanges changes;

    DecisionChangePagesController(Requests requests, RequestViews views, DecisionChanges changes) {
        this.requests = requests;
        this.views = views;
        this.changes = changes;
    }

    @GetMapping("/verzoeken/{reference}/besluit/wijzigen")
    String form(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String reference, Model model) {
        RequestRecord request = directorsCase(reference, user);
        RequestViews.RequestDetail detail = views.detail(request);
        DecisionVersion current = detail.currentDecisionVersion();
        Map<String, String> form = new LinkedHashMap<>();
        if (current != null) {
            form.put("decisionOutcome", current.outcome());
            form.put("instrument", current.instrument());
            form.put("effectiveDate", current.effectiveDate() == null ? null : current.effectiveDate().toString());
            form.put("evaluationDate", current.evaluationDate() == null ? null : current.evaluationDate().toString());
            form.put("conditions", current.conditions());
            form.put("rationale", current.rationale());
        }
        return show(request, detail, model, form, List.of());
    }

    @PostMapping("/verzoeken/{reference}/besluit/wijzigen")
    String amend(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String reference,
                 @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        RequestRecord request = directorsCase(reference, user);
        Map<String, Object> body = new LinkedHashMap<>();
        AMENDMENT_FIELDS.forEach(field -> body.put(field, blankToNull(form.get(field))));
        body.put("version", version(form.get("version")));
        body.values().removeIf(java.util.Objects::isNull);
        try {
            changes.amend(reference, user, body);
        } catch (InvalidInputException e) {
            return show(request, views.detail(request), model, form, e.errors());
        } catch (ConflictException e) {
            return show(request, views.detail(request), model, form, List.of(new FieldError("reason", e.getMessage())));
        }
        redirect.addFlashAttribute("notice", "Het besluit is gewijzigd; de gemeente krijgt een brief.");
        return "redirect:/verzoeken/" + reference;
    }

    @PostMapping("/verzoeken/{reference}/besluit/intrekken")
    String revoke(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String reference,
                  @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        RequestRecord request = directorsCase(reference, user);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", blankToNull(form.get("revocationReason")));
        body.put("version", version(form.get("version")));
        body.values().removeIf(java.util.Objects::isNull);
        try {
            changes.revoke(reference, user, body);
        } catch (InvalidInputException e) {
            return show(request, views.detail(request), model, form, e.errors().stream()
                    .map(error -> "reason".equals(error.field()) ? new FieldError("revocationReason", error.message())
                            : error).toList());
        } catch (ConflictException e) {
            return show(request, views.detail(request), model, form,
                    List.of(new FieldError("revocationReason", e.getMessage())));
        }
        redirect.addFlashAttribute("notice", "Het besluit is ingetrokken; de gemeente krijgt een brief.");
        return "redirect:/verzoeken/" + reference;
    }

    private String show(RequestRecord request, RequestViews.RequestDetail detail, Model model, Map<String, String> form,
                        List<FieldError> errors) {
        DecisionVersion current = detail.currentDecisionVersion();
        model.addAttribute("request", detail);
        model.addAttribute("current", current);
        model.addAttribute("changeable", current != null && !DecisionVersion.REVOKED.equals(current.status()));
        model.addAttribute("amendable", !RequestKind.BUDGET_POOLING.code().equals(request.kind()));
        model.addAttribute("outcomes", Vocabulary.labels(DecisionOutcome.class));
        model.addAttribute("instruments", RuleChangeSchema.INSTRUMENTS);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.isEmpty() ? null : Forms.byField(errors));
        return "web/decision-change";
    }

    /** The case, for the programme director only; another municipality's or an unknown one is 404. */
    private RequestRecord directorsCase(String reference, DoorbraakUser user) {
        RequestRecord request = requests.findVisible(reference, user)
                .orElseThrow(() -> new NotFoundException("Verzoek '" + reference + "' bestaat niet."));
        if (!user.isMemberOf(Groups.PROGRAMME_DIRECTOR)) {
            throw new AccessDeniedException("Only the programme director amends or revokes a decision");
        }
        return request;
    }

    /** The version as the form sends it (text): a whole number, or left as it is for the rules to refuse. */
    private static Object version(String text) {
        String value = blankToNull(text);
        return value != null && value.matches("\\d{1,9}") ? (Object) Long.valueOf(value) : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
