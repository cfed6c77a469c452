package nl.doorbraak.joining;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import nl.doorbraak.audit.AuditAction;
import nl.doorbraak.audit.AuditTrail;
import nl.doorbraak.decision.DecisionOutcome;
import nl.doorbraak.reference.ReferenceData;
import nl.doorbraak.request.CaseVariables;
import nl.doorbraak.request.RequestRecord;
import nl.doorbraak.request.Requests;

/**
 * The steps of the join process that are its own, called from the model as
 * {@code ${joinSteps.<step>(execution)}}: the ministry's confirmation into the audit trail, the
 * decision form pre-filled with the original decision, and the two rejections that need no
 * decision of the director (the programme office finds the situation not comparable; the
 * ministry that granted the original refuses). A rejection goes into the decision register
 * and the letter as any decision does ({@code recordDecision}), with the reason given.
 */
@Component("joinSteps")
public class JoinSteps {

    private final Requests requests;
    private final Breakthroughs precedents;
    private final ReferenceData referenceData;
    private final AuditTrail audit;

    JoinSteps(Requests requests, Breakthroughs precedents, ReferenceData referenceData, AuditTrail audit) {
        this.requests = requests;
        this.precedents = precedents;
        this.referenceData = referenceData;
        this.audit = audit;
    }

    /** "Bevestiging vastleggen": whether the ministry confirmed, and why, in the case's audit trail. */
    public void recordConfirmation(DelegateExecution execution) {
        RequestRecord request = requests.get(CaseVariables.requestId(execution));
        String outcome = CaseVariables.string(execution, "confirmationOutcome");
        String note = CaseVariables.string(execution, "confirmationNote");
        String ministry = ministryAbbreviation(execution);
        audit.about(request.reference()).by(CaseVariables.currentUser(execution))
                .action(AuditAction.JOIN_CONFIRMATION_RECORDED, (ConfirmationOutcome.CONFIRMED.is(outcome)
                        ? "Aansluiting bevestigd door " : "Aansluiting geweigerd door ") + ministry)
                .resource("request", request.id().toString(), request.title())
                .explanation(note)
                .changes(null, java.util.Map.of("confirmationOutcome", outcome,
                        "ministry", CaseVariables.string(execution, "confirmingMinistry")))
                .record();
    }

    /** Before "Besluiten over aansluiting": the instrument and conditions of the original, to keep or change. */
    public void prefillDecision(DelegateExecution execution) {
        precedents.originalDecision(CaseVariables.requestId(execution)).ifPresent(original -> {
            execution.setVariable("instrument", original.instrument());
            execution.setVariable("conditions", original.conditions() == null ? "" : original.conditions());
        });
    }

    /** "Niet vergelijkbaar": the programme office's reasons become the rejection. */
    public void rejectAsNotComparable(DelegateExecution execution) {
        reject(execution, "Het programmabureau acht de situatie in uw focusgebied niet vergelijkbaar met die van "
                + precedentReference(execution) + ". " + CaseVariables.string(execution, "checkNote"));
    }

    /** "Geweigerd": the ministry's reasons become the rejection. */
    public void rejectAsRefused(DelegateExecution execution) {
        reject(execution, "Het " + ministryName(execution) + " bevestigt niet dat de doorbraak van "
                + precedentReference(execution) + " ook in uw focusgebied kan gelden. "
                + CaseVariables.string(execution, "confirmationNote"));
    }

    private static void reject(DelegateExecution execution, String rationale) {
        execution.setVariable("decisionOutcome", DecisionOutcome.REJECTED.code());
        execution.setVariable("rationale", rationale);
        execution.setVariable("decidedBy", CaseVariables.currentUser(execution));
        execution.removeVariables(java.util.List.of("instrument", "conditions", "effectiveDate", "evaluationDate"));
    }

    private static String precedentReference(DelegateExecution execution) {
        return CaseVariables.string(execution, "precedentReference");
    }

    private String ministryAbbreviation(DelegateExecution execution) {
        String code = CaseVariables.string(execution, "confirmingMinistry");
        return referenceData.ministry(code).map(m -> m.abbreviation()).orElse(code);
    }

    private String ministryName(DelegateExecution execution) {
        String code = CaseVariables.string(execution, "confirmingMinistry");
        return referenceData.ministry(code).map(m -> m.name()).orElse(code);
    }
}
