package nl.doorbraak.report;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.doorbraak.platform.Downloads;
import nl.doorbraak.platform.validation.Values;
import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.platform.validation.InputSchema;
import nl.doorbraak.platform.NotFoundException;
import nl.doorbraak.security.DoorbraakUser;

/**
 * The progress report: the programme office, the director, auditors and administrators get the
 * full report; a municipality gets the same report over its own requests only; ministries have
 * their task lists and the decision register instead.
 */
@RestController
@RequestMapping(path = "/api/v1/reports/progress")
@Tag(name = "Reports", description = "The progress report to parliament (voortgangsrapportage)")
class ProgressReportController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    private static final InputSchema PARAMETERS = InputSchema.builder()
            .text("period", "Periode", false, 20)
            .text("from", "Begindatum", false, 10)
            .text("to", "Einddatum", false, 10)
            .choice("format", "Formaat", false, () -> Map.of("json", "JSON", "csv", "CSV", "html", "HTML", "pdf", "PDF"))
            .choice("section", "Sectie", false, ProgressReportController::sections)
            .build();

    private final ProgressReports reports;
    private final ProgressReportHtml html;
    private final StoredProgressReports stored;

    ProgressReportController(ProgressReports reports, ProgressReportHtml html, StoredProgressReports stored) {
        this.reports = reports;
        this.html = html;
        this.stored = stored;
    }

    @GetMapping(produces = {"application/json", "text/csv", "text/html", "application/pdf"})
    @Operation(summary = "The progress report for a period, as JSON, CSV, HTML with charts or PDF",
            description = "period=2026-H1 (half-year), period=2026 (year), or from and to (dates, inclusive); "
                    + "format=json (default), csv (one table per section; section=<id> for one), html or pdf. "
                    + "A municipality gets the report over its own requests only.")
    ResponseEntity<?> progress(@AuthenticationPrincipal DoorbraakUser user, @RequestParam Map<String, String> parameters) {
        String municipality = scopeOf(user);
        Values values = PARAMETERS.validate(parameters, true);
        ReportPeriod period = ReportPeriod.parse((String) values.get("period"), (String) values.get("from"),
                (String) values.get("to"));
        ProgressReport report = reports.build(period, municipality);
        String format = values.has("format") ? values.text("format") : "json";
        String name = "voortgangsrapportage-" + period.label().replace('/', '_')
                + (municipality == null ? "" : "-" + municipality);
        Instant generatedAt = CaseClock.now().toInstant();
        return switch (format) {
            case "csv" -> file(CSV, name + ".csv", ProgressReportCsv.write(ReportTables.of(report),
                    (String) values.get("section")));
            case "html" -> ResponseEntity.ok().contentType(HTML)
                    .body(html.write(report, ReportTables.of(report), generatedAt));
            case "pdf" -> file(MediaType.APPLICATION_PDF, name + ".pdf",
                    ProgressReportPdf.write(report, ReportTables.of(report), generatedAt));
            default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
        };
    }

    /** A stored report in the list of stored reports. */
    record StoredReportItem(String period, java.time.LocalDate firstDay, java.time.LocalDate lastDay,
                            java.time.OffsetDateTime generatedAt, String contentHash, Map<String, String> _links) {
    }

    @GetMapping(path = "/stored", produces = "application/json")
    @Operation(summary = "The reports stored at the end of each period, with the SHA-256 of each")
    List<StoredReportItem> storedReports(@AuthenticationPrincipal DoorbraakUser user) {
        requireFullReport(user);
        List<StoredReportItem> items = new ArrayList<>();
        for (StoredProgressReports.StoredReport report : stored.list()) {
            items.add(new StoredReportItem(report.period(), report.firstDay(), report.lastDay(), report.generatedAt(),
                    report.contentHash(), Map.of("self", "/api/v1/reports/progress/stored/" + report.period())));
        }
        return items;
    }

    @GetMapping(path = "/stored/{period}", produces = "application/json")
    @Operation(summary = "A stored report, byte for byte as it was stored; its SHA-256 is in the Digest header "
            + "and in the audit trail")
    ResponseEntity<String> storedReport(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String period) {
        requireFullReport(user);
        StoredProgressReports.StoredReport report = stored.find(period)
                .orElseThrow(() -> NotFoundException.ofSharedData("Er is geen vastgelegde voortgangsrapportage over " + period + "."));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header("Repr-Digest", "sha-256=:" + java.util.Base64.getEncoder().encodeToString(
                        java.util.HexFormat.of().parseHex(report.contentHash())) + ":")
                .eTag("\"" + report.contentHash() + "\"")
                .body(report.content());
    }

    /** Null for the full report; the municipality's code for its own; refused for anyone else. */
    private static String scopeOf(DoorbraakUser user) {
        if (user.seesAllRequests()) {
            return null;
        }
        return user.municipalityCode().orElseThrow(() -> new AccessDeniedException("No progress report for this role"));
    }

    private static void requireFullReport(DoorbraakUser user) {
        if (!user.seesAllRequests()) {
            throw new AccessDeniedException("Stored reports are the full reports");
        }
    }

    private static ResponseEntity<?> file(MediaType type, String fileName, Object body) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(fileName))
                .body(body);
    }

    private static Map<String, String> sections() {
        Map<String, String> sections = new LinkedHashMap<>();
        for (String id : List.of("requests", "focus-areas", "rule-domains", "ministries", "lead-time", "bottlenecks", "signals",
                "breakthroughs", "budgets-ministries", "budgets-focus-areas", "past-deadline",
                "implementation", "implementation-changes", "case-deadlines", "case-deadlines-late")) {
            sections.put(id, id);
        }
        return sections;
    }
}
