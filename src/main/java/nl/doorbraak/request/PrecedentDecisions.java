package nl.doorbraak.request;

import java.util.Optional;
import java.util.UUID;

/**
 * What was decided on an earlier request, as the rules of a join request need it. The decision
 * register answers (module joining): it builds on this module, so this module asks through this
 * interface instead of reading the register itself.
 */
public interface PrecedentDecisions {

    /** The decision recorded on the request, if there is one. */
    Optional<Decided> decisionOn(UUID requestId);

    /** Whether the decision granted the request (in full or in part), and the instrument it granted. */
    record Decided(boolean granted, String instrument) {
    }
}
