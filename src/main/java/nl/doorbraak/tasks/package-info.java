/**
 * Tasklist and the task API: the case context every task shows and its Dutch name, the server-side
 * check of every completion with the rules of the stage that owns the task ({@code TaskFormRules}),
 * the task API under {@code /api/v1/tasks} with its group pages, the Tasklist filters of every
 * group, and the links from Tasklist to a case's documents.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tasks",
        allowedDependencies = {"platform", "platform :: validation", "reference", "catalogue", "security", "request", "assessment", "decision", "joining", "signal", "implementation", "casedeadline"})
package nl.doorbraak.tasks;
