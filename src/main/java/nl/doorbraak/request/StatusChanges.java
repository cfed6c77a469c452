package nl.doorbraak.request;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import nl.doorbraak.audit.AuditAction;
import nl.doorbraak.audit.AuditTrail;

/**
 * Moves the case file's status as the process moves: called from execution listeners in the
 * models ({@code ${requestStatus.set(execution, 'assessment')}}), so the model shows where each
 * status begins. Each move is published as a {@link RequestStatusChanged} in the same transaction.
 */
@Component("requestStatus")
public class StatusChanges {

    private final Requests requests;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    StatusChanges(Requests requests, AuditTrail audit, ApplicationEventPublisher events) {
        this.requests = requests;
        this.audit = audit;
        this.events = events;
    }

    public void set(DelegateExecution execution, String status) {
        RequestStatus next = RequestStatus.ofCode(status)
                .orElseThrow(() -> new IllegalArgumentException("Unknown request status " + status));
        change(requests.get(requestId(execution)), next);
    }

    /**
     * A status that no model step sets because the case's process no longer runs to it (a revoked
     * decision ends the process): moved and audited as a listener would.
     */
    public void moveTo(UUID requestId, RequestStatus next) {
        change(requests.get(requestId), next);
    }

    private void change(RequestRecord request, RequestStatus next) {
        String status = next.code();
        if (status.equals(request.status())) {
            return;
        }
        requests.updateStatus(request.id(), status, next.isFinal());
        audit.about(request.reference())
                .action(AuditAction.STATUS_CHANGED, "Status: " + next.label())
                .resource("request", request.id().toString(), request.title())
                .changes(request.status(), status)
                .record();
        events.publishEvent(new RequestStatusChanged(request.id(), request.reference(), request.kind(),
                request.urgency(), request.status(), status));
    }

    /**
     * A ministry's question was answered or went unanswered: back to "in assessment", unless
     * another ministry still waits for an answer from the municipality.
     */
    public void resumeAssessment(DelegateExecution execution) {
        String reference = (String) execution.getVariable("reference");
        // the assessment stage's task, named here by its id: that module builds on this one
        boolean otherQuestionOpen = execution.getProcessEngineServices().getTaskService().createTaskQuery()
                .processInstanceBusinessKey(reference).taskDefinitionKey("Task_ProvideInformation").list().stream()
                .anyMatch(task -> !task.getProcessInstanceId().equals(execution.getProcessInstanceId()));
        if (!otherQuestionOpen) {
            set(execution, RequestStatus.ASSESSMENT.code());
        }
    }

    /** The request needs nothing more (e.g. a decision without follow-up). */
    public void close(DelegateExecution execution) {
        requests.close(requestId(execution));
    }

    private static UUID requestId(DelegateExecution execution) {
        return CaseVariables.requestId(execution);
    }
}
