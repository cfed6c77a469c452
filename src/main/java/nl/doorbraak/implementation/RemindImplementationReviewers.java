package nl.doorbraak.implementation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.doorbraak.notification.Outbox;
import nl.doorbraak.reference.ReferenceData;
import nl.doorbraak.request.RequestRecord;
import nl.doorbraak.request.Requests;
import nl.doorbraak.security.Groups;
import nl.doorbraak.security.UserDirectory;

/** "Herinnering opstellen": a stage's target date is near; every reviewer of the ministry gets an e-mail. */
@Component("remindImplementationReviewers")
class RemindImplementationReviewers implements JavaDelegate {

    private final ImplementationChanges changes;
    private final Requests requests;
    private final UserDirectory users;
    private final Outbox outbox;
    private final ReferenceData referenceData;

    RemindImplementationReviewers(ImplementationChanges changes, Requests requests, UserDirectory users, Outbox outbox,
                                  ReferenceData referenceData) {
        this.changes = changes;
        this.requests = requests;
        this.users = users;
        this.outbox = outbox;
        this.referenceData = referenceData;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ImplementationChange change = changes.get(ImplementationPlan.changeId(execution));
        ImplementationChange.Stage stage = change.nextStage().orElseThrow();
        RequestRecord request = requests.get(change.requestId());
        String ministry = referenceData.ministry(change.ministryCode()).map(m -> m.abbreviation())
                .orElse(change.ministryCode());
        for (String email : users.emailsOfGroup(Groups.ministry(change.ministryCode()))) {
            outbox.enqueue(request.id(), "implementation-reminder", email,
                    ImplementationLetters.reminder(request, change, stage, ministry));
        }
    }
}
