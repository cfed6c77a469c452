package nl.doorbraak.assessment;

import nl.doorbraak.audit.AuditAction;
import nl.doorbraak.request.CaseVariables;
import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import nl.doorbraak.audit.AuditTrail;
import nl.doorbraak.notification.Outbox;
import nl.doorbraak.reference.ReferenceData;
import nl.doorbraak.request.RequestRecord;
import nl.doorbraak.request.Requests;
import nl.doorbraak.security.Groups;

/**
 * "Informatievraag vastleggen": stores the question, fixes its deadline from the
 * {@code deadlines} table and writes the e-mail to the municipality. Called from the models as
 * {@code ${recordInformationRequest.record(execution, 'programme-office')}}, naming the group that asks.
 */
@Component("recordInformationRequest")
public class RecordInformationRequest {

    private final AssessmentRecords records;
    private final Requests requests;
    private final Deadlines deadlines;
    private final Outbox outbox;
    private final ReferenceData referenceData;
    private final AuditTrail audit;

    RecordInformationRequest(AssessmentRecords records, Requests requests, Deadlines deadlines, Outbox outbox,
                             ReferenceData referenceData, AuditTrail audit) {
        this.records = records;
        this.requests = requests;
        this.deadlines = deadlines;
        this.outbox = outbox;
        this.referenceData = referenceData;
        this.audit = audit;
    }

    public void record(DelegateExecution execution, String askedBy) {
        RequestRecord request = requests.get(CaseVariables.requestId(execution));
        String question = CaseVariables.string(execution, "informationQuestion");
        UUID id = records.insertInformationRequest(request.id(), askedBy, question);
        deadlines.schedule(execution, "information");
        execution.setVariable("informationRequestId", id.toString());
        audit.about(request.reference()).by(CaseVariables.currentUser(execution))
                .action(AuditAction.INFORMATION_REQUESTED, "Informatie gevraagd door " + asker(askedBy))
                .resource("information-request", id.toString(), askedBy)
                .explanation(question)
                .record();
        outbox.enqueue(request.id(), "information-requested", request.contactEmail(),
                InformationLetters.informationRequested(request, asker(askedBy), question,
                        (Date) execution.getVariable("informationDue")));
    }

    private String asker(String group) {
        return Groups.ministryCodeOf(group)
                .flatMap(referenceData::ministry)
                .map(ministry -> "het " + ministry.name())
                .orElse("het programmabureau");
    }
}
