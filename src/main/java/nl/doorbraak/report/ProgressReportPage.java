package nl.doorbraak.report;

import org.springframework.stereotype.Component;

import nl.doorbraak.platform.CaseClock;

/** The progress report as the HTML page of the API's {@code format=html}, for the web pages. */
@Component
public class ProgressReportPage {

    private final ProgressReports reports;
    private final ProgressReportHtml html;

    ProgressReportPage(ProgressReports reports, ProgressReportHtml html) {
        this.reports = reports;
        this.html = html;
    }

    /** The whole report (municipality null) or one municipality's, over a period such as 2026-H1 or 2026. */
    public String html(String period, String municipality) {
        ProgressReport report = reports.build(ReportPeriod.parse(period, null, null), municipality);
        return html.write(report, ReportTables.of(report), CaseClock.now().toInstant());
    }
}
