package nl.doorbraak.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import nl.doorbraak.platform.Downloads;
import nl.doorbraak.audit.AuditedReads;
import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.audit.AuditExports;
import nl.doorbraak.audit.VerificationReport;
import nl.doorbraak.audit.VerificationScope;
import nl.doorbraak.platform.validation.FieldError;
import nl.doorbraak.platform.NotFoundException;
import nl.doorbraak.reference.ReferenceData;
import nl.doorbraak.request.Documents;
import nl.doorbraak.request.RequestRecord;
import nl.doorbraak.request.Requests;
import nl.doorbraak.security.DoorbraakUser;

/**
 * The auditor's pages (also for the programme office): find cases, read one case with its
 * documents, decision, audit trail in Dutch sentences (paged), the verification of its hash
 * chain and the path it took through the process diagrams; export the trail, verify a period.
 * Every read of a trail and every export is on the audit trail, as through the API.
 */
@Controller
class AuditPagesController {

    private static final List<String> FILTERS = List.of("status", "kind", "focusArea", "municipality", "ministry",
            "submittedFrom", "submittedTo", "q", "page");

    private final Requests requests;
    private final RequestViews views;
    private final RequestListModel lists;
    private final Documents documents;
    private final ReferenceData referenceData;
    private final AuditedReads reads;
    private final AuditExports exports;
    private final ProcessDiagram diagrams;

    AuditPagesController(Requests requests, RequestViews views, RequestListModel lists, Documents documents,
                         ReferenceData referenceData, AuditedReads reads, AuditExports exports,
                         ProcessDiagram diagrams) {
        this.requests = requests;
        this.views = views;
        this.lists = lists;
        this.documents = documents;
        this.referenceData = referenceData;
        this.reads = reads;
        this.exports = exports;
        this.diagrams = diagrams;
    }

    @GetMapping("/audit/zaken")
    String cases(@AuthenticationPrincipal DoorbraakUser user, @RequestParam Map<String, String> parameters,
                 Model model) {
        AuditedReads.requireReader(user);
        String reference = parameters.getOrDefault("reference", "").strip();
        if (!reference.isEmpty()) {
            if (requests.findVisible(reference, user).isPresent()) {
                return "redirect:/audit/zaken/" + reference;
            }
            model.addAttribute("errors", Map.of("reference", List.of("Er is geen zaak met kenmerk " + reference + ".")));
        }
        model.addAttribute("municipalities", referenceData.municipalities());
        model.addAttribute("focusAreas", referenceData.focusAreas());
        model.addAttribute("ministries", referenceData.ministries());
        lists.add(model, user, parameters, FILTERS, "/audit/zaken", views::summary);
        return "web/cases";
    }

    @GetMapping("/audit/zaken/{reference}")
    String caseFile(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String reference,
                    @RequestParam(name = "pagina", required = false, defaultValue = "1") String pageText, Model model) {
        AuditedReads.requireReader(user);
        RequestRecord request = visible(reference, user);
        int page = pageText.matches("\\d{1,6}") ? Math.max(1, Integer.parseInt(pageText)) : 1;
        TrailPage trail = TrailPage.of(reads.readAndVerifyTrail(user, reference, page, TrailPage.SIZE));
        VerificationReport verification = trail.verification();

        model.addAttribute("request", views.detail(request));
        model.addAttribute("documents", documents.of(request.id()));
        model.addAttribute("trail", trail);
        model.addAttribute("verification", verification);
        model.addAttribute("diagrams", request.processInstanceId() == null ? List.of()
                : diagrams.instancesOf(request.processInstanceId()).stream().map(diagrams::draw).toList());
        return "web/case";
    }

    @GetMapping(path = "/audit/zaken/{reference}/diagram/{processInstanceId}.svg")
    ResponseEntity<String> diagram(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String reference,
                                   @PathVariable String processInstanceId) {
        AuditedReads.requireReader(user);
        RequestRecord request = visible(reference, user);
        HistoricProcessInstance instance = (request.processInstanceId() == null ? List.<HistoricProcessInstance>of()
                : diagrams.instancesOf(request.processInstanceId())).stream()
                .filter(candidate -> candidate.getId().equals(processInstanceId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Dit proces hoort niet bij zaak " + reference + "."));
        return ResponseEntity.ok().contentType(new MediaType("image", "svg+xml", java.nio.charset.StandardCharsets.UTF_8))
                .body(diagrams.draw(instance).svg());
    }

    @GetMapping("/audit/zaken/{reference}/export")
    ResponseEntity<StreamingResponseBody> caseExport(@AuthenticationPrincipal DoorbraakUser user,
                                                     @PathVariable String reference,
                                                     @RequestParam(name = "formaat", defaultValue = "ndjson")
                                                     String format) {
        AuditedReads.requireReader(user);
        visible(reference, user);
        return download(exports.chain(user.id(), reference, AuditExports.Format.named(format)));
    }

    @GetMapping("/audit/verificatie")
    String verifyPeriod(@AuthenticationPrincipal DoorbraakUser user,
                        @RequestParam(name = "van", required = false) String from,
                        @RequestParam(name = "tot", required = false) String to, Model model) {
        AuditedReads.requireReader(user);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        if (from == null && to == null) {
            return "web/verification";
        }
        List<FieldError> errors = new ArrayList<>();
        java.time.LocalDate start = date("van", from, errors);
        java.time.LocalDate end = date("tot", to, errors);
        if (start != null && end != null && end.isBefore(start)) {
            errors.add(new FieldError("tot", "De einddatum mag niet voor de begindatum liggen."));
        }
        if (!errors.isEmpty()) {
            model.addAttribute("errors", Forms.byField(errors));
            return "web/verification";
        }
        VerificationScope scope = VerificationScope.period(start.atStartOfDay(CaseClock.DUTCH_TIME).toInstant(),
                end.plusDays(1).atStartOfDay(CaseClock.DUTCH_TIME).toInstant());
        VerificationReport report = reads.verify(user, scope);
        model.addAttribute("verification", report);
        return "web/verification";
    }

    @GetMapping("/audit/export")
    ResponseEntity<StreamingResponseBody> periodExport(@AuthenticationPrincipal DoorbraakUser user,
                                                       @RequestParam(name = "van", required = false) String from,
                                                       @RequestParam(name = "tot", required = false) String to,
                                                       @RequestParam(name = "formaat", defaultValue = "ndjson")
                                                       String format) {
        AuditedReads.requireReader(user);
        return download(exports.period(user.id(), from, to, format.equals("csv"), new ArrayList<>()));
    }

    private static ResponseEntity<StreamingResponseBody> download(AuditExports.Export export) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(export.mediaType());
        headers.set(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(export.fileName()));
        return ResponseEntity.ok().headers(headers).body(export.body());
    }

    private static java.time.LocalDate date(String field, String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(field, ("van".equals(field) ? "Begindatum" : "Einddatum") + " is verplicht."));
            return null;
        }
        try {
            return java.time.LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(new FieldError(field, "Geef een datum als 2026-03-01."));
            return null;
        }
    }

    private RequestRecord visible(String reference, DoorbraakUser user) {
        return requests.findVisible(reference, user)
                .orElseThrow(() -> new NotFoundException("Zaak '" + reference + "' bestaat niet."));
    }
}
