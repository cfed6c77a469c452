/**
 * What every module relies on: RFC 9457 problem+json for every error (MVC exceptions, security
 * filters, the container's error dispatch) and the HTTP guards in front of the application
 * (rejected request targets, body limits, repeated query parameters, database outages), the case
 * clock, CSV, the OpenAPI document and the refusal event; sub-packages {@code validation} (input
 * rules) and {@code engine} (engine start-up and patches).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform",
        allowedDependencies = {})
package nl.doorbraak.platform;
