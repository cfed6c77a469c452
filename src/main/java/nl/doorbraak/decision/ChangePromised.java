package nl.doorbraak.decision;

import java.util.UUID;

/**
 * Published, in the transaction that records it, when a decision grants something or the programme
 * office concludes an evaluation: whoever follows changes through (the implementation module)
 * decides from its own tables whether this promises a change of rules. The decision module does
 * not know who listens, so the module graph stays acyclic.
 *
 * @param trigger     {@code decision} or {@code make-structural}
 * @param instrument  the decision's instrument code
 * @param by          who completed the step (the director, the programme office)
 */
public record ChangePromised(UUID requestId, String reference, String requestKind, String trigger, String instrument,
                             String by) {

    public static final String DECISION = "decision";
    public static final String MAKE_STRUCTURAL = "make-structural";
}
