package nl.doorbraak.assessment;

import nl.doorbraak.audit.AuditAction;
import nl.doorbraak.request.CaseVariables;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.doorbraak.audit.AuditTrail;
import nl.doorbraak.notification.Outbox;
import nl.doorbraak.request.CaseLetters;
import nl.doorbraak.request.RequestRecord;
import nl.doorbraak.request.Requests;

/** "Verval vastleggen": the intake's question went unanswered in time, so the request lapses. */
@Component("recordLapse")
class RecordLapse implements JavaDelegate {

    private final AssessmentRecords records;
    private final Requests requests;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final CaseLetters caseLetters;

    RecordLapse(AssessmentRecords records, Requests requests, Outbox outbox, AuditTrail audit, CaseLetters caseLetters) {
        this.records = records;
        this.requests = requests;
        this.outbox = outbox;
        this.audit = audit;
        this.caseLetters = caseLetters;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RequestRecord request = requests.get(CaseVariables.requestId(execution));
        String question = CaseVariables.string(execution, "informationRequestId");
        records.lapse(UUID.fromString(question));
        audit.about(request.reference())
                .action(AuditAction.REQUEST_LAPSED, "Verzoek vervallen: geen antwoord binnen de termijn")
                .resource("information-request", question, request.title())
                .record();
        // questions and reminders not sent yet no longer apply
        outbox.discardUnsent(request.id(), request.reference(), "doordat het verzoek is vervallen");
        InformationRequest asked = records.informationRequestsOn(request.id()).stream()
                .filter(information -> information.id().toString().equals(question)).findFirst().orElseThrow();
        caseLetters.send(request, "lapsed", "lapse", InformationLetters.lapsed(request, asked,
                (Date) execution.getVariable("informationDue"),
                caseLetters.values(request, List.of(), "lapse", null), caseLetters.addressee(request)), null);
        // the question and answer now live in the case file; a next question starts with an empty form
        execution.removeVariables(java.util.List.of("informationQuestion", "informationAnswer"));
    }
}
