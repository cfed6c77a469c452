package nl.doorbraak.assessment;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Geen antwoord vastleggen": a ministry's question went unanswered in time; the assessment
 * continues with what there is.
 */
@Component("recordNoAnswer")
class RecordNoAnswer implements JavaDelegate {

    private final CaseRecords records;

    RecordNoAnswer(CaseRecords records) {
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        records.lapse(UUID.fromString(ProcessVariables.string(execution, "informationRequestId")));
        // the question and answer now live in the case file; a next question starts with an empty form
        execution.removeVariables(java.util.List.of("informationQuestion", "informationAnswer"));
    }
}
