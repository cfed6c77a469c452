package nl.doorbraak.assessment;

import nl.doorbraak.request.CaseVariables;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.doorbraak.notification.Outbox;
import nl.doorbraak.reference.ReferenceData;
import nl.doorbraak.request.RequestRecord;
import nl.doorbraak.request.Requests;
import nl.doorbraak.security.Groups;
import nl.doorbraak.security.UserDirectory;

/** "Herinnering versturen": the assessment is nearly due; every reviewer of the ministry gets an e-mail. */
@Component("remindReviewers")
class RemindReviewers implements JavaDelegate {

    private final Requests requests;
    private final UserDirectory users;
    private final Outbox outbox;
    private final ReferenceData referenceData;

    RemindReviewers(Requests requests, UserDirectory users, Outbox outbox, ReferenceData referenceData) {
        this.requests = requests;
        this.users = users;
        this.outbox = outbox;
        this.referenceData = referenceData;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RequestRecord request = requests.get(CaseVariables.requestId(execution));
        String ministry = CaseVariables.string(execution, "ministry");
        String abbreviation = referenceData.ministry(ministry).map(m -> m.abbreviation()).orElse(ministry);
        Date due = (Date) execution.getVariable("assessmentDue");
        for (String email : users.emailsOfGroup(Groups.ministry(ministry))) {
            outbox.enqueue(request.id(), "assessment-reminder", email,
                    InformationLetters.reminder(request, abbreviation, due));
        }
    }
}
