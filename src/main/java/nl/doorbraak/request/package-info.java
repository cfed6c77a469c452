/**
 * The case file of a request: submission and its validation, the reference number, storage,
 * status, withdrawal and lapse, and the municipality-facing API under {@code /api/v1/requests}.
 * The process models drive the status through {@link nl.doorbraak.request.RequestStatus}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Requests")
package nl.doorbraak.request;
