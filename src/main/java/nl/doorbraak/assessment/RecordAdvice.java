package nl.doorbraak.assessment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.doorbraak.audit.AuditTrail;

/** "Advies vastleggen": the ministry's advice goes into the case's advice table. */
@Component("recordAdvice")
class RecordAdvice implements JavaDelegate {

    private final CaseRecords records;
    private final AuditTrail audit;

    RecordAdvice(CaseRecords records, AuditTrail audit) {
        this.records = records;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Advice advice = new Advice(
                ProcessVariables.string(execution, "ministry"),
                ProcessVariables.string(execution, "advice"),
                ProcessVariables.string(execution, "rationale"),
                ProcessVariables.string(execution, "proposedInstrument"),
                "support-with-conditions".equals(execution.getVariable("advice"))
                        ? ProcessVariables.string(execution, "conditions") : null,
                ProcessVariables.currentUser(execution),
                CaseRecords.at(execution.getVariable("assessmentRequestedAt")),
                CaseRecords.now(),
                CaseRecords.at(execution.getVariable("assessmentDue")));
        records.insertAdvice(ProcessVariables.requestId(execution), advice);
        audit.about(ProcessVariables.string(execution, "reference")).by(advice.advisedBy())
                .action("advice-given", "Advies " + advice.ministryCode().toUpperCase(java.util.Locale.ROOT) + ": "
                        + Advice.LABELS.getOrDefault(advice.advice(), advice.advice()).toLowerCase(java.util.Locale.ROOT))
                .resource("advice", advice.ministryCode(), "Advies " + advice.ministryCode())
                .explanation(advice.rationale())
                .changes(null, java.util.Map.of("advice", advice.advice(),
                        "conditions", advice.conditions() == null ? "" : advice.conditions(),
                        "proposedInstrument", advice.proposedInstrument() == null ? "" : advice.proposedInstrument()))
                .record();
    }
}
