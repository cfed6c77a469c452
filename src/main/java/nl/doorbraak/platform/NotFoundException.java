package nl.doorbraak.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Something the caller asked for does not exist, or is not theirs to know about. */
public class NotFoundException extends ResponseStatusException {

    public NotFoundException(String dutchDetail) {
        super(HttpStatus.NOT_FOUND, dutchDetail);
    }
}
