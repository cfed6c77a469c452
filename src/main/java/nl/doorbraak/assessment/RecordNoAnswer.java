package nl.doorbraak.assessment;

import nl.doorbraak.audit.AuditAction;
import nl.doorbraak.request.CaseVariables;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.doorbraak.audit.AuditTrail;

/**
 * "Geen antwoord vastleggen": a ministry's question went unanswered in time; the assessment
 * continues with what there is.
 */
@Component("recordNoAnswer")
class RecordNoAnswer implements JavaDelegate {

    private final AssessmentRecords records;
    private final AuditTrail audit;

    RecordNoAnswer(AssessmentRecords records, AuditTrail audit) {
        this.records = records;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String question = CaseVariables.string(execution, "informationRequestId");
        records.lapse(UUID.fromString(question));
        audit.about(CaseVariables.reference(execution))
                .action(AuditAction.INFORMATION_NOT_PROVIDED, "Geen antwoord binnen de termijn; de beoordeling gaat verder")
                .resource("information-request", question, "Vraag van " + CaseVariables.string(execution, "ministry"))
                .record();
        // the question and answer now live in the case file; a next question starts with an empty form
        execution.removeVariables(java.util.List.of("informationQuestion", "informationAnswer"));
    }
}
