/**
 * Recurring obstacles: when requests from several focus areas name the same national rule, one
 * signal asks the responsible ministry for a structural answer (its own process,
 * {@code recurring-obstacle-signal}). Detection after routing, the threshold from the
 * {@code signal-threshold} table, starting, linking and unlinking by the programme office, the
 * answer recorded on every linked request and mailed to its municipality; read by the web and
 * task modules through {@link nl.doorbraak.signal.Signals}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Signals",
        allowedDependencies = {"platform", "platform :: validation", "reference", "catalogue", "security", "audit",
                "notification", "request"})
package nl.doorbraak.signal;
