package nl.doorbraak.implementation;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import nl.doorbraak.audit.AuditAction;
import nl.doorbraak.audit.AuditTrail;
import nl.doorbraak.decision.DecisionRevoked;
import nl.doorbraak.notification.Outbox;
import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.reference.ReferenceData;
import nl.doorbraak.request.RequestRecord;
import nl.doorbraak.request.Requests;
import nl.doorbraak.security.Groups;
import nl.doorbraak.security.UserDirectory;

/**
 * A revoked decision no longer promises the change it granted: following it at the ministry stops,
 * in the transaction of the revocation, unless the changed rule is already in force (a law that has
 * changed does not change back because the decision on one request is revoked). The ministry's
 * reviewers are told, its open task ends with the process, and the change keeps its stages as they
 * were, marked stopped with the director's reason.
 */
@Component
class StopTrackingOnRevocation {

    private final ImplementationChanges changes;
    private final RuntimeService runtimeService;
    private final Requests requests;
    private final ReferenceData referenceData;
    private final UserDirectory users;
    private final Outbox outbox;
    private final AuditTrail audit;

    StopTrackingOnRevocation(ImplementationChanges changes, RuntimeService runtimeService, Requests requests,
                             ReferenceData referenceData, UserDirectory users, Outbox outbox, AuditTrail audit) {
        this.changes = changes;
        this.runtimeService = runtimeService;
        this.requests = requests;
        this.referenceData = referenceData;
        this.users = users;
        this.outbox = outbox;
        this.audit = audit;
    }

    @EventListener
    void on(DecisionRevoked revoked) {
        ImplementationChange change = changes.ofRequest(revoked.requestId()).orElse(null);
        if (change == null || change.inForce()) {
            return;
        }
        OffsetDateTime now = CaseClock.now();
        if (!changes.stop(change.id(), now, revoked.reason())) {
            return;
        }
        runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(revoked.reference())
                .processDefinitionKey(ChangeTracking.PROCESS).active().list()
                .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(),
                        "Besluit ingetrokken: " + revoked.reason(), true, true));
        RequestRecord request = requests.get(change.requestId());
        String ministry = referenceData.ministry(change.ministryCode()).map(m -> m.abbreviation())
                .orElse(change.ministryCode());
        Map<String, Object> stopped = new LinkedHashMap<>();
        stopped.put("stoppedAt", now.toString());
        stopped.put("stageReached", change.currentStage());
        audit.about(request.reference()).by(revoked.by())
                .action(AuditAction.IMPLEMENTATION_STOPPED, change.kindLabel() + " wordt niet langer gevolgd bij "
                        + ministry + ": het besluit is ingetrokken")
                .resource("implementation", change.id().toString(), request.title())
                .explanation(revoked.reason())
                .changes(Map.of("stopped", false), stopped)
                .record();
        for (String email : users.emailsOfGroup(Groups.ministry(change.ministryCode()))) {
            outbox.enqueue(request.id(), "implementation-stopped", email,
                    ImplementationLetters.stopped(request, change, ministry, revoked.reason()));
        }
    }
}
