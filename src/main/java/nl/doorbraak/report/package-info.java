/**
 * The progress report to parliament (voortgangsrapportage): counts, lead times, recurring
 * bottlenecks, breakthroughs and pooled budgets for a period, computed from the case files, the
 * decision register and the engine's history; as JSON, CSV, HTML with charts and PDF, and stored
 * unchangeably at the end of every period.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Progress report")
package nl.doorbraak.report;
