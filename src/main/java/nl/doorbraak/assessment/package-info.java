/**
 * The glue between the process models and the application: the delegates and listeners the
 * models call (routing, deadlines, advice, information requests, reminders, case context and
 * server-side validation of every task form) and the task API under {@code /api/v1/tasks}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assessment")
package nl.doorbraak.assessment;
