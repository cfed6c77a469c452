/**
 * The assessment stage: intake, routing to the responsible ministries, the ministries' advice,
 * information requests to the municipality and their lapse, deadlines, reminders and escalation;
 * the delegates the models call for them and the server-side rules of their forms.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assessment",
        allowedDependencies = {"platform", "platform :: validation", "platform :: time", "reference", "catalogue", "security", "audit", "notification", "request"})
package nl.doorbraak.assessment;
