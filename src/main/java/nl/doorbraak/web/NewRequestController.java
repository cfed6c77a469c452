package nl.doorbraak.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

import nl.doorbraak.catalogue.NationalRule;
import nl.doorbraak.catalogue.NationalRules;
import nl.doorbraak.decision.Precedents;
import nl.doorbraak.platform.ConflictException;
import nl.doorbraak.platform.validation.FieldError;
import nl.doorbraak.platform.validation.InvalidInputException;
import nl.doorbraak.joining.Breakthrough;
import nl.doorbraak.joining.Breakthroughs;
import nl.doorbraak.reference.ReferenceData;
import nl.doorbraak.request.BudgetPoolingSchema;
import nl.doorbraak.request.CaseDocuments;
import nl.doorbraak.request.RequestKind;
import nl.doorbraak.request.RequestSubmission;
import nl.doorbraak.request.RuleChangeSchema;
import nl.doorbraak.security.DoorbraakUser;

/**
 * "Nieuw verzoek" for every kind. The form posts the same fields as the API body and goes
 * through {@link RequestSubmission} with the same rules, so every Dutch message of the API
 * appears next to its field. Budget lines are added and removed by a round trip to the server
 * (no JavaScript needed); an idempotency key in the form makes a double click harmless.
 */
@Controller
class NewRequestController {

    static final List<String> RULE_CHANGE_FIELDS = List.of("focusArea", "title", "nationalRule", "regulation", "article",
            "conflict", "proposedSolution", "requestedInstrument", "residentsAffected", "urgency", "contactName",
            "contactEmail");
    static final List<String> BUDGET_POOLING_FIELDS = List.of("focusArea", "title", "purpose", "firstYear",
            "lastYear", "requestedInstrument", "accountabilityArrangement", "urgency", "contactName", "contactEmail");
    static final List<String> JOIN_FIELDS = List.of("focusArea", "precedent", "motivation", "residentsAffected",
            "urgency", "contactName", "contactEmail");
    static final List<String> LINE_FIELDS = List.of("ministry", "regulation", "amount", "years");
    /** The fields the form may send more than once: checkboxes and the file input. */
    static final Set<String> MULTI_VALUED = Set.of("ruleDomains", "files");

    private final RequestSubmission submission;
    private final CaseDocuments documents;
    private final ReferenceData referenceData;
    private final InterruptedForms interrupted;
    private final NationalRules nationalRules;
    private final Precedents precedents;
    private final Breakthroughs breakthroughs;

    /** The catalogue's entries of one ministry, as the form's option group shows them. */
    record RuleGroup(String ministry, List<RuleOption> rules) {
    }

    /** "Participatiewet (PW) — regeldomeinen: Inkomensondersteuning, Werk en re-integratie". */
    record RuleOption(String id, String text) {
    }

    NewRequestController(RequestSubmission submission, CaseDocuments documents, ReferenceData referenceData,
                         InterruptedForms interrupted, NationalRules nationalRules, Precedents precedents,
                         Breakthroughs breakthroughs) {
        this.nationalRules = nationalRules;
        this.breakthroughs = breakthroughs;
        this.precedents = precedents;
        this.submission = submission;
        this.documents = documents;
        this.referenceData = referenceData;
        this.interrupted = interrupted;
    }

    @GetMapping("/verzoeken/nieuw")
    String form(@AuthenticationPrincipal DoorbraakUser user, @RequestParam(name = "soort", required = false) String kind,
                HttpServletRequest request, Model model) {
        requireMunicipality(user);
        Optional<KeptForm> kept = interrupted.restore(request, model);
        if (kept.isPresent()) {
            MultiValueMap<String, String> form = kept.get().asForm();
            Optional<RequestKind> keptKind = RequestKind.ofCode(String.valueOf(form.getFirst("kind")));
            if (keptKind.isPresent()) {
                return show(user, keptKind.get(), shown(form, keptKind.get()), Map.of(),
                        form.getFirst("idempotencyKey"), model);
            }
        }
        RequestKind chosen = RequestKind.ofCode(kind == null ? "" : kind).orElse(null);
        if (chosen == null) {
            return "web/new-request-kind";
        }
        var values = new LinkedHashMap<String, Object>();
        values.put("ruleDomains", List.of());
        values.put("budgetLines", List.of(emptyLine()));
        values.put("urgency", "normal");
        return show(user, chosen, values, Map.of(), UUID.randomUUID().toString(), model);
    }

    @PostMapping("/verzoeken/nieuw")
    String submit(@AuthenticationPrincipal DoorbraakUser user, @RequestParam MultiValueMap<String, String> form,
                  @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) throws IOException {
        requireMunicipality(user);
        RequestKind kind = RequestKind.ofCode(String.valueOf(form.getFirst("kind"))).orElseThrow(
                () -> new ConflictException("Onbekende soort verzoek."));
        boolean budget = kind == RequestKind.BUDGET_POOLING;
        Map<String, String> values = Forms.texts(form, fieldsOf(kind));
        List<String> ruleDomains = form.getOrDefault("ruleDomains", List.of());
        List<Map<String, String>> lines = new ArrayList<>(Forms.rows(form, "budgetLines", LINE_FIELDS));
        String idempotencyKey = form.getFirst("idempotencyKey");

        List<FieldError> repeated = Forms.repeated(form, MULTI_VALUED);
        if (!repeated.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(user, kind, display(values, ruleDomains, lines), Forms.byField(repeated), idempotencyKey, model);
        }

        String action = String.valueOf(form.getFirst("action"));
        if (budget && action.equals("add-line")) {
            lines.add(emptyLine());
            return show(user, kind, display(values, ruleDomains, lines), Map.of(), idempotencyKey, model);
        }
        if (budget && action.startsWith("remove-line-")) {
            int index = Integer.parseInt(action.substring("remove-line-".length()));
            if (index >= 0 && index < lines.size()) {
                lines.remove(index);
            }
            return show(user, kind, display(values, ruleDomains, lines), Map.of(), idempotencyKey, model);
        }

        if (!budget && action.equals("show-precedents")) {
            showPrecedents(values.get("nationalRule"), values.get("article"), model);
            model.addAttribute("filesLost", files != null && files.stream().anyMatch(file -> !file.isEmpty()));
            return show(user, kind, display(values, ruleDomains, lines), Map.of(), idempotencyKey, model);
        }

        var input = new LinkedHashMap<String, Object>(values);
        if (!budget && !ruleDomains.isEmpty()) {
            input.put("ruleDomains", ruleDomains);
        }
        if (budget && !lines.isEmpty()) {
            input.put("budgetLines", lines.stream().map(NewRequestController::lineInput).toList());
        }
        RequestSubmission.Submitted submitted;
        try {
            submitted = submission.submit(kind, submission.fromText(kind, input), user,
                    idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey);
        } catch (InvalidInputException e) {
            model.addAttribute("filesLost", files != null && files.stream().anyMatch(file -> !file.isEmpty()));
            return show(user, kind, display(values, ruleDomains, lines), Forms.byField(e.errors()), idempotencyKey,
                    model);
        }
        String reference = submitted.request().reference();
        List<String> problems = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            if (file.isEmpty() || submitted.replayed()) {
                continue;
            }
            try {
                documents.add(user, reference, file.getOriginalFilename(), file.getBytes());
            } catch (ResponseStatusException e) {
                problems.add(file.getOriginalFilename() + ": " + e.getReason());
            } catch (InvalidInputException e) {
                problems.add(e.errors().get(0).message());
            }
        }
        redirect.addFlashAttribute("notice", "Uw verzoek is ingediend onder kenmerk " + reference + ".");
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("documentError", "Niet toegevoegd: " + String.join(" ", problems));
        }
        return "redirect:/verzoeken/" + reference;
    }

    /**
     * The earlier decisions on the chosen catalogue rule, shown in the form being drafted: what
     * was typed stays, nothing is stored or validated yet.
     */
    private void showPrecedents(String nationalRule, String article, Model model) {
        model.addAttribute("precedentsShown", true);
        nationalRules.find(nationalRule).ifPresent(rule -> {
            model.addAttribute("precedentRule", rule);
            model.addAttribute("precedents", precedents.on(rule.id(), article, null));
        });
    }

    private String show(DoorbraakUser user, RequestKind kind, Map<String, ?> values,
                        Map<String, List<String>> errors, String idempotencyKey, Model model) {
        String municipality = user.municipalityCode().orElseThrow();
        model.addAttribute("kind", kind.code());
        model.addAttribute("kindName", kind.dutchName());
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("idempotencyKey", idempotencyKey);
        Map<String, String> focusAreas = new LinkedHashMap<>();
        referenceData.focusAreasOf(municipality).forEach(area -> focusAreas.put(area.code(), area.name()));
        model.addAttribute("focusAreas", focusAreas);
        model.addAttribute("ruleDomains", referenceData.ruleDomains());
        model.addAttribute("nationalRuleGroups", kind == RequestKind.RULE_CHANGE ? ruleGroups() : List.of());
        model.addAttribute("instruments", kind == RequestKind.BUDGET_POOLING ? BudgetPoolingSchema.INSTRUMENTS
                : RuleChangeSchema.INSTRUMENTS);
        model.addAttribute("urgencies", RuleChangeSchema.URGENCIES);
        model.addAttribute("ministries", referenceData.ministries());
        model.addAttribute("regulations", referenceData.regulations());
        if (kind == RequestKind.JOIN) {
            // the breakthroughs of other municipalities' focus areas that a join can name
            List<Breakthrough> joinable = breakthroughs.joinableBy(municipality);
            Map<String, String> choices = new LinkedHashMap<>();
            joinable.forEach(precedent -> choices.put(precedent.reference(), precedent.label()));
            model.addAttribute("precedents", choices);
            model.addAttribute("precedentList", joinable);
        }
        return "web/new-request";
    }

    /**
     * The catalogue by responsible ministry, each entry with the rule domains it proposes, so the
     * municipality sees which domains to tick (the domains still decide the routing).
     */
    private List<RuleGroup> ruleGroups() {
        Map<String, List<RuleOption>> byMinistry = new java.util.TreeMap<>();
        for (NationalRule rule : nationalRules.all()) {
            String domains = rule.ruleDomains().stream()
                    .map(code -> referenceData.ruleDomain(code).map(domain -> domain.name()).orElse(code))
                    .collect(java.util.stream.Collectors.joining(", "));
            String ministry = referenceData.ministry(rule.ministryCode()).map(m -> m.name()).orElse(rule.ministryCode());
            byMinistry.computeIfAbsent(ministry, name -> new ArrayList<>())
                    .add(new RuleOption(rule.id(), rule.label() + " — regeldomeinen: " + domains));
        }
        return byMinistry.entrySet().stream().map(group -> new RuleGroup(group.getKey(), group.getValue())).toList();
    }

    private static List<String> fieldsOf(RequestKind kind) {
        return switch (kind) {
            case BUDGET_POOLING -> BUDGET_POOLING_FIELDS;
            case JOIN -> JOIN_FIELDS;
            case RULE_CHANGE -> RULE_CHANGE_FIELDS;
        };
    }

    /** The form as it was posted, to be shown again. */
    private static Map<String, ?> shown(MultiValueMap<String, String> form, RequestKind kind) {
        return display(Forms.texts(form, fieldsOf(kind)), form.getOrDefault("ruleDomains", List.of()),
                Forms.rows(form, "budgetLines", LINE_FIELDS));
    }

    private static Map<String, ?> display(Map<String, String> values, List<String> ruleDomains,
                                          List<Map<String, String>> lines) {
        var shown = new LinkedHashMap<String, Object>(values);
        shown.put("ruleDomains", ruleDomains);
        shown.put("budgetLines", lines);
        return shown;
    }

    /** A budget line as the API takes it: years as a list ("2026, 2027" or "2026 2027"). */
    private static Map<String, ?> lineInput(Map<String, String> line) {
        var input = new LinkedHashMap<String, Object>();
        line.forEach((field, value) -> {
            if (value.isBlank()) {
                return;
            }
            input.put(field, field.equals("years")
                    ? Arrays.stream(value.strip().split("[,;\\s]+")).filter(year -> !year.isBlank()).toList()
                    : value.strip());
        });
        return input;
    }

    private static Map<String, String> emptyLine() {
        Map<String, String> line = new LinkedHashMap<>();
        LINE_FIELDS.forEach(field -> line.put(field, ""));
        return line;
    }

    private static void requireMunicipality(DoorbraakUser user) {
        if (!user.isMunicipality()) {
            throw new AccessDeniedException("Only municipalities submit requests");
        }
    }
}
