package nl.doorbraak.request;

import java.util.UUID;

/**
 * A request's status moved, published in the transaction that moves it so that a listener's
 * writes commit or roll back with it. {@code from} is null for the submission itself, whose
 * status is {@code submitted}. Other modules follow the case by this event instead of the request
 * module knowing about them.
 */
public record RequestStatusChanged(UUID requestId, String reference, String kind, String urgency, String from,
                                   String to) {

    public boolean isSubmission() {
        return from == null;
    }
}
