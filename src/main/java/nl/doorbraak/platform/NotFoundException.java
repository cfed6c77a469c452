package nl.doorbraak.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Something the caller asked for does not exist, or is not theirs to know about. The API records
 * it as a refused attempt (a case, task or document of another party looks exactly like one that
 * does not exist), unless it was made with {@link #ofSharedData}.
 */
public class NotFoundException extends ResponseStatusException {

    private final boolean refusal;

    public NotFoundException(String dutchDetail) {
        this(dutchDetail, true);
    }

    private NotFoundException(String dutchDetail, boolean refusal) {
        super(HttpStatus.NOT_FOUND, dutchDetail);
        this.refusal = refusal;
    }

    /** Data that is the same for every caller (a reference code, a stored report) does not exist: nobody was refused. */
    public static NotFoundException ofSharedData(String dutchDetail) {
        return new NotFoundException(dutchDetail, false);
    }

    /** Whether the 404 may hide something that exists for someone else, and so is a refused attempt. */
    public boolean refusal() {
        return refusal;
    }
}
