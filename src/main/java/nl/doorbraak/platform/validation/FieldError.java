package nl.doorbraak.platform.validation;

/** One thing wrong with one input field, in Dutch, for the person who filled it in. */
public record FieldError(String field, String message) {
}
