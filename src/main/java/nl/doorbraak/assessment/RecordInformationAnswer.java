package nl.doorbraak.assessment;

import nl.doorbraak.audit.AuditAction;
import nl.doorbraak.request.CaseVariables;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.doorbraak.audit.AuditTrail;

/** "Antwoord vastleggen": the municipality's answer joins its question in the case file. */
@Component("recordInformationAnswer")
class RecordInformationAnswer implements JavaDelegate {

    private final AssessmentRecords records;
    private final AuditTrail audit;

    RecordInformationAnswer(AssessmentRecords records, AuditTrail audit) {
        this.records = records;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String answer = CaseVariables.string(execution, "informationAnswer");
        String question = CaseVariables.string(execution, "informationRequestId");
        records.answer(UUID.fromString(question), answer, CaseVariables.currentUser(execution));
        audit.about(CaseVariables.reference(execution)).by(CaseVariables.currentUser(execution))
                .action(AuditAction.INFORMATION_PROVIDED, "Informatie aangeleverd door de gemeente")
                .resource("information-request", question, "Antwoord")
                .explanation(answer)
                .record();
        // the question and answer now live in the case file; a next question starts with an empty form
        execution.removeVariables(java.util.List.of("informationQuestion", "informationAnswer"));
    }
}
