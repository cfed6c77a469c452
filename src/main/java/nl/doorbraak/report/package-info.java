/**
 * The progress report to parliament (voortgangsrapportage): counts, lead times, recurring
 * bottlenecks, the signals put to ministries, breakthroughs and pooled budgets for a period,
 * computed from the views the request, assessment, decision and signal modules define for it and
 * the engine's history; as JSON, CSV, HTML with charts and PDF, and stored unchangeably at the end
 * of every period.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Progress report",
        allowedDependencies = {"platform", "platform :: validation", "platform :: time", "reference", "security", "audit", "request", "decision", "signal"})
package nl.doorbraak.report;
