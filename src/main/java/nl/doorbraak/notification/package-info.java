/**
 * E-mail to municipalities. A process step writes its message to the outbox in its own
 * transaction; an asynchronous process step with retries sends what is in the outbox, so a
 * mail server that is down delays a message but never loses it and never rolls back a decision.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
        allowedDependencies = {"platform", "platform :: validation", "security", "audit"})
package nl.doorbraak.notification;
