package nl.doorbraak.joining;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import nl.doorbraak.decision.DecisionOutcome;
import nl.doorbraak.decision.Decisions;
import nl.doorbraak.request.PrecedentDecisions;

/** Answers the join rules of the request module from the decision register. */
@Component
class RegisteredDecisions implements PrecedentDecisions {

    private final Decisions decisions;

    RegisteredDecisions(Decisions decisions) {
        this.decisions = decisions;
    }

    @Override
    public Optional<Decided> decisionOn(UUID requestId) {
        return decisions.onRequest(requestId).map(decision -> new Decided(
                DecisionOutcome.GRANTED.is(decision.outcome()) || DecisionOutcome.PARTLY_GRANTED.is(decision.outcome()),
                decision.instrument()));
    }
}
