/**
 * Cross-cutting configuration every module relies on: RFC 9457 problem+json for every error,
 * the OpenAPI document, and the order in which Flyway and the process engine start.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package nl.doorbraak.platform;
