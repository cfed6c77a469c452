package nl.doorbraak.platform.validation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that breaks the rules, with every error found. The message is readable Dutch on its
 * own, because Tasklist shows an exception's message to the user when a form submit fails.
 */
public class InvalidInputException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super("Het formulier bevat " + (errors.size() == 1 ? "een fout" : errors.size() + " fouten") + ": "
                + errors.stream().map(FieldError::message).collect(Collectors.joining(" ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
