/**
 * Input validation shared by every channel: {@link nl.doorbraak.platform.validation.InputSchema}
 * (all errors at once, the same rules for the API, the web form and Tasklist's forms, and their
 * OpenAPI description), the one reading of euro amounts, and the field errors a 400 lists.
 */
@org.springframework.modulith.NamedInterface("validation")
package nl.doorbraak.platform.validation;
