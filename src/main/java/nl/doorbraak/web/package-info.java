/**
 * What a person reads, composed from the stages below: the Dutch web pages (municipalities submit
 * and follow their requests; auditors and the programme office find cases and read their history,
 * audit trail and process path), and the API's request resources that show a whole case (its
 * detail with decision and open tasks, its timeline). Server-rendered (Thymeleaf); the rules stay
 * in the modules' services, which the pages and the API call alike.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web",
        allowedDependencies = {"platform", "platform :: validation", "reference", "catalogue", "security", "audit", "request", "assessment", "decision", "joining", "tasks", "report", "signal", "notification", "implementation", "casedeadline"})
package nl.doorbraak.web;
