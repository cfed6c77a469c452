package nl.doorbraak.decision;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The follow-up of a granted experiment or exemption: "Evaluatie vastleggen" stores the
 * municipality's evaluation, "Beoordeling evaluatie vastleggen" the programme office's conclusion.
 * Called from the model as {@code ${recordEvaluation.delivered(execution)}} and
 * {@code ${recordEvaluation.assessed(execution)}}.
 */
@Component("recordEvaluation")
public class RecordEvaluation {

    private final Decisions decisions;

    RecordEvaluation(Decisions decisions) {
        this.decisions = decisions;
    }

    public void delivered(DelegateExecution execution) {
        decisions.evaluationDelivered(requestId(execution), (String) execution.getVariable("evaluationReport"),
                RecordDecision.decidedBy(execution));
    }

    public void assessed(DelegateExecution execution) {
        decisions.evaluationAssessed(requestId(execution), (String) execution.getVariable("evaluationConclusion"),
                (String) execution.getVariable("evaluationNote"), RecordDecision.decidedBy(execution));
    }

    private static UUID requestId(DelegateExecution execution) {
        return UUID.fromString((String) execution.getVariable("requestId"));
    }
}
