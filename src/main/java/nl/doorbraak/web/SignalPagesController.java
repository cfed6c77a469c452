package nl.doorbraak.web;

import java.util.ArrayList;
import java.util.Arrays;
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

import nl.doorbraak.audit.AuditedReads;
import nl.doorbraak.platform.ConflictException;
import nl.doorbraak.platform.validation.FieldError;
import nl.doorbraak.platform.validation.InvalidInputException;
import nl.doorbraak.security.DoorbraakUser;
import nl.doorbraak.security.Groups;
import nl.doorbraak.signal.Signal;
import nl.doorbraak.signal.SignalAdministration;
import nl.doorbraak.signal.SignalViews;

/**
 * The signals for the programme office and auditors: the list and each signal with its linked
 * requests, and for the programme office the forms to start a signal and to link or unlink a
 * request (the same service, rules and audit as the API). Errors show at their field; a conflict
 * (a second open signal, a request linked already) shows at the field it is about.
 */
@Controller
class SignalPagesController {

    private final SignalViews views;
    private final SignalAdministration administration;
    SignalPagesController(SignalViews views, SignalAdministration administration) {
        this.views = views;
        this.administration = administration;
    }

    @GetMapping("/signalen")
    String list(@AuthenticationPrincipal DoorbraakUser user, Model model) {
        AuditedReads.requireReader(user);
        return showList(user, model, Map.of());
    }

    @PostMapping("/signalen")
    String start(@AuthenticationPrincipal DoorbraakUser user, @RequestParam Map<String, String> form, Model model,
                 RedirectAttributes redirect) {
        AuditedReads.requireReader(user);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("nationalRule", blankToNull(form.get("nationalRule")));
        body.put("article", blankToNull(form.get("article")));
        body.put("reason", blankToNull(form.get("reason")));
        body.put("requests", references(form.get("requests")));
        body.values().removeIf(java.util.Objects::isNull);
        try {
            Signal signal = administration.start(user, body);
            redirect.addFlashAttribute("notice", "Signaal " + signal.reference() + " is gestart.");
            return "redirect:/signalen/" + signal.reference();
        } catch (InvalidInputException e) {
            return showList(user, model, form, e.errors());
        } catch (ConflictException e) {
            return showList(user, model, form, List.of(new FieldError("nationalRule", e.getMessage())));
        }
    }

    @GetMapping("/signalen/{reference}")
    String signal(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String reference, Model model) {
        AuditedReads.requireReader(user);
        return showSignal(user, views.visible(user, reference), model, Map.of(), List.of());
    }

    @PostMapping("/signalen/{reference}/koppelen")
    String link(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String reference,
                @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        AuditedReads.requireReader(user);
        Signal signal = views.visible(user, reference);
        try {
            administration.link(user, reference, linkBody(form.get("request"), form.get("reason")));
        } catch (InvalidInputException e) {
            return showSignal(user, signal, model, form, e.errors());
        } catch (ConflictException e) {
            return showSignal(user, signal, model, form, List.of(new FieldError("request", e.getMessage())));
        }
        redirect.addFlashAttribute("notice", "Verzoek " + form.get("request") + " is gekoppeld.");
        return "redirect:/signalen/" + reference;
    }

    @PostMapping("/signalen/{reference}/ontkoppelen")
    String unlink(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String reference,
                  @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        AuditedReads.requireReader(user);
        Signal signal = views.visible(user, reference);
        try {
            administration.unlink(user, reference, linkBody(form.get("request"), form.get("reason")));
        } catch (InvalidInputException e) {
            return showSignal(user, signal, model, unlinkForm(form), unlinkErrors(e.errors()));
        } catch (ConflictException e) {
            return showSignal(user, signal, model, unlinkForm(form), List.of(new FieldError("unlinkRequest", e.getMessage())));
        }
        redirect.addFlashAttribute("notice", "Verzoek " + form.get("request") + " is ontkoppeld.");
        return "redirect:/signalen/" + reference;
    }

    private String showList(DoorbraakUser user, Model model, Map<String, String> form) {
        return showList(user, model, form, List.of());
    }

    private String showList(DoorbraakUser user, Model model, Map<String, String> form, List<FieldError> errors) {
        model.addAttribute("signals", views.list(user, null, null, null));
        model.addAttribute("rules", views.ruleChoices());
        model.addAttribute("mayStart", user.isMemberOf(Groups.PROGRAMME_OFFICE));
        model.addAttribute("form", form);
        // one field on the page holds all references: its errors show there
        model.addAttribute("errors", errors.isEmpty() ? null : Forms.byField(errors.stream()
                .map(error -> error.field().startsWith("requests")
                        ? new FieldError("requests", error.message()) : error).toList()));
        return "web/signals";
    }

    private String showSignal(DoorbraakUser user, Signal signal, Model model, Map<String, String> form,
                              List<FieldError> errors) {
        model.addAttribute("signal", views.detail(signal));
        model.addAttribute("subject", views.subject(signal));
        model.addAttribute("ministry", views.ministry(signal));
        model.addAttribute("mayChange", user.isMemberOf(Groups.PROGRAMME_OFFICE));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.isEmpty() ? null : Forms.byField(errors));
        return "web/signal";
    }

    /** The unlink form's fields have names of their own on the page, next to the link form's. */
    private static List<FieldError> unlinkErrors(List<FieldError> errors) {
        return errors.stream().map(error -> new FieldError(error.field().equals("reason") ? "unlinkReason"
                : error.field().equals("request") ? "unlinkRequest" : error.field(), error.message())).toList();
    }

    private static Map<String, String> unlinkForm(Map<String, String> form) {
        Map<String, String> kept = new LinkedHashMap<>();
        kept.put("unlinkRequest", form.getOrDefault("request", ""));
        kept.put("unlinkReason", form.getOrDefault("reason", ""));
        return kept;
    }

    private static Map<String, Object> linkBody(String request, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("request", blankToNull(request));
        body.put("reason", blankToNull(reason));
        body.values().removeIf(java.util.Objects::isNull);
        return body;
    }

    /** References typed one per line, or separated by commas or spaces. */
    private static List<String> references(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<String> references = new ArrayList<>();
        Arrays.stream(text.split("[\\s,;]+")).filter(part -> !part.isBlank()).forEach(references::add);
        return references;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
