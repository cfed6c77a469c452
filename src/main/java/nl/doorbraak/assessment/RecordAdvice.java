package nl.doorbraak.assessment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Advies vastleggen": the ministry's advice goes into the case's advice table. */
@Component("recordAdvice")
class RecordAdvice implements JavaDelegate {

    private final CaseRecords records;

    RecordAdvice(CaseRecords records) {
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        records.insertAdvice(ProcessVariables.requestId(execution), new Advice(
                ProcessVariables.string(execution, "ministry"),
                ProcessVariables.string(execution, "advice"),
                ProcessVariables.string(execution, "rationale"),
                ProcessVariables.string(execution, "proposedInstrument"),
                "support-with-conditions".equals(execution.getVariable("advice"))
                        ? ProcessVariables.string(execution, "conditions") : null,
                ProcessVariables.currentUser(execution),
                CaseRecords.at(execution.getVariable("assessmentRequestedAt")),
                CaseRecords.now(),
                CaseRecords.at(execution.getVariable("assessmentDue"))));
    }
}
