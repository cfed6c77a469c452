package nl.doorbraak.web;

import java.util.regex.Pattern;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import nl.doorbraak.audit.AuditedReads;
import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.report.ProgressReportPage;
import nl.doorbraak.security.DoorbraakUser;

/**
 * The programme office's overview of open work, and the progress report with its charts (the
 * report module's own HTML), for the programme office and auditors.
 */
@Controller
class ProgrammeController {

    private static final Pattern PERIOD = Pattern.compile("\\d{4}(-H[12])?");
    /** The report page carries its own inline styles; nothing else is allowed in it. */
    private static final String REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
            + "form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

    private final ProgrammeOverview overview;
    private final ProgressReportPage reports;

    ProgrammeController(ProgrammeOverview overview, ProgressReportPage reports) {
        this.overview = overview;
        this.reports = reports;
    }

    @GetMapping("/audit/overzicht")
    String overview(@AuthenticationPrincipal DoorbraakUser user, Model model) {
        AuditedReads.requireReader(user);
        model.addAttribute("ministries", overview.workPerMinistry());
        model.addAttribute("overdue", overview.overdueAssessments());
        model.addAttribute("waiting", overview.waitingOnMunicipalities());
        return "web/overview";
    }

    @GetMapping("/audit/rapportage")
    String reportChoice(@AuthenticationPrincipal DoorbraakUser user, Model model) {
        AuditedReads.requireReader(user);
        int year = CaseClock.dutchNow().getYear();
        model.addAttribute("current", year + (CaseClock.dutchNow().getMonthValue() <= 6 ? "-H1" : "-H2"));
        model.addAttribute("years", java.util.stream.IntStream.rangeClosed(2024, year).boxed()
                .sorted(java.util.Comparator.reverseOrder()).toList());
        return "web/report";
    }

    @GetMapping("/audit/rapportage/document")
    ResponseEntity<String> report(@AuthenticationPrincipal DoorbraakUser user,
                                  @RequestParam(name = "periode", required = false) String period) {
        AuditedReads.requireReader(user);
        if (period == null || !PERIOD.matcher(period).matches()) {
            throw new nl.doorbraak.platform.NotFoundException("Kies een periode, bijvoorbeeld 2026-H1 of 2026.");
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", REPORT_POLICY)
                .body(reports.html(period, null));
    }
}
