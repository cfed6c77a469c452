/**
 * The case deadline (doorlooptijd) of a request, as the General Administrative Law Act treats a
 * decision period (Awb 4:13-4:15): set at submission from the {@code case-deadlines} table in
 * working days, suspended automatically while the municipality is asked for information and by
 * the programme office with a reason, extended once, and closed when the request is decided (met
 * or exceeded), withdrawn or lapsed. It follows the case through the request module's
 * {@link nl.doorbraak.request.RequestStatusChanged} events, so no model knows of it; the programme
 * office is told once when a deadline passes. Read by the web, tasks and report modules through
 * {@link nl.doorbraak.casedeadline.CaseDeadlines} and the view {@code report_case_deadlines}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Case deadline",
        allowedDependencies = {"platform", "platform :: validation", "platform :: time", "security", "audit",
                "notification", "request"})
package nl.doorbraak.casedeadline;
