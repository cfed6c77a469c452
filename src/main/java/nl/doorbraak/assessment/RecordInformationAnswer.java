package nl.doorbraak.assessment;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Antwoord vastleggen": the municipality's answer joins its question in the case file. */
@Component("recordInformationAnswer")
class RecordInformationAnswer implements JavaDelegate {

    private final CaseRecords records;

    RecordInformationAnswer(CaseRecords records) {
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        records.answer(UUID.fromString(ProcessVariables.string(execution, "informationRequestId")),
                ProcessVariables.string(execution, "informationAnswer"), ProcessVariables.currentUser(execution));
        // the question and answer now live in the case file; a next question starts with an empty form
        execution.removeVariables(java.util.List.of("informationQuestion", "informationAnswer"));
    }
}
