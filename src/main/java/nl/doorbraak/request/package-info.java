/**
 * The case file of a request (the write side): submission of both kinds and their rules, the
 * typed content ({@link nl.doorbraak.request.RequestContent}), reference numbers, the status and
 * its vocabulary, documents, withdrawal, and the list queries other modules narrow with their own
 * data. The steering variables every process of a case carries are read through
 * {@link nl.doorbraak.request.CaseVariables}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Requests",
        allowedDependencies = {"platform", "platform :: validation", "reference", "catalogue", "security", "audit", "notification"})
package nl.doorbraak.request;
