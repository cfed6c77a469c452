package nl.doorbraak.request;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The same Idempotency-Key came with a different request body: 422, nothing is stored. */
class IdempotencyKeyReusedException extends ResponseStatusException {

    IdempotencyKeyReusedException() {
        super(HttpStatus.UNPROCESSABLE_ENTITY,
                "Deze Idempotency-Key is al gebruikt voor een ander verzoek. Gebruik voor elk nieuw verzoek een nieuwe sleutel.");
    }
}
