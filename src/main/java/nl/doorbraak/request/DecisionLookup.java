package nl.doorbraak.request;

import java.util.Optional;
import java.util.UUID;

/**
 * Finds the decision on a request. Implemented by the decision module, which depends on this
 * module, so that a request's page can show its decision without a dependency cycle.
 */
public interface DecisionLookup {

    Optional<DecisionSummary> decisionOn(UUID requestId);
}
