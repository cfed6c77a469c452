package nl.doorbraak.implementation;

import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.doorbraak.audit.AuditAction;
import nl.doorbraak.audit.AuditTrail;
import nl.doorbraak.notification.Outbox;
import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.reference.ReferenceData;
import nl.doorbraak.request.CaseVariables;
import nl.doorbraak.request.RequestRecord;
import nl.doorbraak.request.Requests;

/**
 * "Stand vastleggen": the stage the ministry reported, with the date it was reached and its note,
 * goes on the change and the request's audit trail (which the municipality's timeline shows);
 * sets {@code inForce} for the model. When the changed rule is in force, a letter tells the
 * municipality. {@code escalated} records the lead's action on an overdue stage.
 */
@Component("recordImplementationStage")
public class RecordImplementationStage implements JavaDelegate {

    private final ImplementationChanges changes;
    private final Requests requests;
    private final ReferenceData referenceData;
    private final Outbox outbox;
    private final AuditTrail audit;

    RecordImplementationStage(ImplementationChanges changes, Requests requests, ReferenceData referenceData,
                              Outbox outbox, AuditTrail audit) {
        this.changes = changes;
        this.requests = requests;
        this.referenceData = referenceData;
        this.outbox = outbox;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ImplementationChange change = changes.get(ImplementationPlan.changeId(execution));
        ImplementationChange.Stage stage = change.stage((String) execution.getVariable("implementationStage"))
                .orElseThrow();
        LocalDate reachedOn = ((Date) execution.getVariable("reachedOn")).toInstant().atZone(CaseClock.DUTCH_TIME)
                .toLocalDate();
        String note = (String) execution.getVariable("stageNote");
        String by = CaseVariables.currentUser(execution);
        changes.reached(change.id(), stage, reachedOn, note, by);
        ImplementationChange updated = changes.get(change.id());
        RequestRecord request = requests.get(change.requestId());

        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("stage", stage.stage());
        recorded.put("reachedOn", reachedOn.toString());
        recorded.put("targetOn", stage.targetOn().toString());
        recorded.put("skipped", change.stages().stream().filter(s -> s.open() && s.sequence() < stage.sequence())
                .map(ImplementationChange.Stage::stage).toList());
        audit.about(request.reference()).by(by)
                .action(AuditAction.IMPLEMENTATION_STAGE_REACHED, "Doorvoering " + updated.kindLabel().toLowerCase(
                        java.util.Locale.ROOT) + ": " + stage.label() + " bereikt op "
                        + ImplementationLetters.date(reachedOn))
                .resource("implementation", change.id().toString(), request.title())
                .explanation(note)
                .changes(null, recorded)
                .record();
        execution.setVariable("inForce", updated.inForce());
        if (updated.inForce()) {
            outbox.enqueue(request.id(), "implementation-in-force", request.contactEmail(),
                    ImplementationLetters.inForce(request, updated, ministry(updated)));
        }
    }

    public void escalated(DelegateExecution execution) {
        ImplementationChange change = changes.get(ImplementationPlan.changeId(execution));
        audit.about(CaseVariables.reference(execution)).by(CaseVariables.currentUser(execution))
                .action(AuditAction.IMPLEMENTATION_ESCALATED, "Doorvoering te laat: "
                        + change.label((String) execution.getVariable("nextStage")) + " ("
                        + ministry(change) + ")")
                .resource("implementation", change.id().toString(), null)
                .explanation((String) execution.getVariable("escalationNote"))
                .record();
    }

    private String ministry(ImplementationChange change) {
        return referenceData.ministry(change.ministryCode()).map(m -> m.abbreviation()).orElse(change.ministryCode());
    }
}
