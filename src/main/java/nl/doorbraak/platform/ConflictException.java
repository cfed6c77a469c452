package nl.doorbraak.platform;

/** The request is valid but clashes with the current state of a case or task (409). */
public class ConflictException extends RuntimeException {

    public ConflictException(String dutchDetail) {
        super(dutchDetail);
    }
}
