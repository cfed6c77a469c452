package nl.doorbraak.decision;

import java.util.UUID;

/**
 * Published, in the transaction that records it, when the programme director revokes a decision:
 * whatever follows the decision outside its own case process (a change of rules followed at a
 * ministry) stops there. As with {@link ChangePromised}, the decision module does not know who listens.
 *
 * @param reason the director's reason, as the letter to the municipality gives it
 * @param by     the director
 */
public record DecisionRevoked(UUID requestId, String reference, String reason, String by) {
}
