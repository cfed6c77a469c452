/**
 * Implementation tracking: a granted law or policy change, or an evaluation concluding "make
 * structural", is followed at the responsible ministry through its stages until the changed rule
 * is in force (process {@code implementation-tracking}, "Doorvoering volgen"). Which decisions
 * promise a change and which stages it goes through, with their target periods, are the
 * {@code implementation-trigger} and {@code implementation-stages} tables; the ministry reports each
 * stage, with reminders before and escalation after a target date. Read by the web module through
 * {@link nl.doorbraak.implementation.ImplementationChanges}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Implementation",
        allowedDependencies = {"platform", "platform :: validation", "reference", "catalogue", "security", "audit",
                "notification", "request", "decision"})
package nl.doorbraak.implementation;
