package nl.doorbraak.decision;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import nl.doorbraak.audit.AuditAction;
import nl.doorbraak.platform.validation.Vocabulary;
import nl.doorbraak.request.CaseVariables;
import nl.doorbraak.request.Requests;
import nl.doorbraak.audit.AuditTrail;

/**
 * The follow-up of a granted experiment or exemption: "Evaluatie vastleggen" stores the
 * municipality's evaluation, "Beoordeling evaluatie vastleggen" the programme office's conclusion.
 * Called from the model as {@code ${recordEvaluation.delivered(execution)}} and
 * {@code ${recordEvaluation.assessed(execution)}}. A conclusion to make the experiment or exemption
 * structural is announced ({@link ChangePromised}) for implementation tracking.
 */
@Component("recordEvaluation")
public class RecordEvaluation {

    private final Decisions decisions;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    private final Requests requests;

    RecordEvaluation(Decisions decisions, AuditTrail audit, ApplicationEventPublisher events, Requests requests) {
        this.events = events;
        this.requests = requests;
        this.decisions = decisions;
        this.audit = audit;
    }

    public void delivered(DelegateExecution execution) {
        String report = (String) execution.getVariable("evaluationReport");
        String by = CaseVariables.currentUser(execution);
        decisions.evaluationDelivered(requestId(execution), report, by);
        audit.about((String) execution.getVariable("reference")).by(by)
                .action(AuditAction.EVALUATION_DELIVERED, "Evaluatie aangeleverd door de gemeente")
                .resource("decision", requestId(execution).toString(), "Evaluatie")
                .explanation(report)
                .record();
    }

    public void assessed(DelegateExecution execution) {
        String conclusion = (String) execution.getVariable("evaluationConclusion");
        String by = CaseVariables.currentUser(execution);
        decisions.evaluationAssessed(requestId(execution), conclusion,
                (String) execution.getVariable("evaluationNote"), by);
        audit.about((String) execution.getVariable("reference")).by(by)
                .action(AuditAction.EVALUATION_ASSESSED, "Evaluatie beoordeeld: "
                        + Vocabulary.labelOf(EvaluationConclusion.class, conclusion).toLowerCase(java.util.Locale.ROOT))
                .resource("decision", requestId(execution).toString(), "Evaluatie")
                .explanation((String) execution.getVariable("evaluationNote"))
                .changes(null, conclusion)
                .record();
        if (EvaluationConclusion.MAKE_STRUCTURAL.is(conclusion)) {
            decisions.onRequest(requestId(execution)).ifPresent(decision -> events.publishEvent(new ChangePromised(
                    decision.requestId(), (String) execution.getVariable("reference"),
                    requests.get(decision.requestId()).kind(), ChangePromised.MAKE_STRUCTURAL,
                    decision.instrument(), by)));
        }
    }

    private static UUID requestId(DelegateExecution execution) {
        return CaseVariables.requestId(execution);
    }
}
