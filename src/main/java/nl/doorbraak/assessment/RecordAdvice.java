package nl.doorbraak.assessment;

import nl.doorbraak.audit.AuditAction;
import nl.doorbraak.request.CaseVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.doorbraak.audit.AuditTrail;

/** "Advies vastleggen": the ministry's advice goes into the case's advice table. */
@Component("recordAdvice")
class RecordAdvice implements JavaDelegate {

    private final AssessmentRecords records;
    private final AuditTrail audit;

    RecordAdvice(AssessmentRecords records, AuditTrail audit) {
        this.records = records;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Advice advice = new Advice(
                CaseVariables.string(execution, "ministry"),
                CaseVariables.string(execution, "advice"),
                CaseVariables.string(execution, "rationale"),
                CaseVariables.string(execution, "proposedInstrument"),
                "support-with-conditions".equals(execution.getVariable("advice"))
                        ? CaseVariables.string(execution, "conditions") : null,
                CaseVariables.currentUser(execution),
                AssessmentRecords.at(execution.getVariable("assessmentRequestedAt")),
                AssessmentRecords.now(),
                AssessmentRecords.at(execution.getVariable("assessmentDue")));
        records.insertAdvice(CaseVariables.requestId(execution), advice);
        audit.about(CaseVariables.reference(execution)).by(advice.advisedBy())
                .action(AuditAction.ADVICE_GIVEN, "Advies " + advice.ministryCode().toUpperCase(java.util.Locale.ROOT) + ": "
                        + advice.label().toLowerCase(java.util.Locale.ROOT))
                .resource("advice", advice.ministryCode(), "Advies " + advice.ministryCode())
                .explanation(advice.rationale())
                .changes(null, java.util.Map.of("advice", advice.advice(),
                        "conditions", advice.conditions() == null ? "" : advice.conditions(),
                        "proposedInstrument", advice.proposedInstrument() == null ? "" : advice.proposedInstrument()))
                .record();
    }
}
