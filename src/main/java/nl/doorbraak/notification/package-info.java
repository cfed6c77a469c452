/**
 * E-mail to municipalities. A process step writes its message to the outbox in its own
 * transaction; an asynchronous process step with retries sends what is in the outbox, so a
 * mail server that is down delays a message but never loses it and never rolls back a decision.
 * Messages that belong to no step (the receipt of a request, e-mail to the people who must act on
 * a task, the daily digest) go through the same outbox and are sent by the outbox relay; each
 * user chooses what they get (immediately, daily digest, off).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
        allowedDependencies = {"platform", "platform :: validation", "security", "audit"})
package nl.doorbraak.notification;
