package nl.doorbraak.signal;

import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.doorbraak.catalogue.NationalRules;
import nl.doorbraak.notification.Outbox;
import nl.doorbraak.reference.ReferenceData;
import nl.doorbraak.security.Groups;
import nl.doorbraak.security.UserDirectory;

/** "Herinnering opstellen": the structural answer is nearly due; every reviewer of the ministry gets an e-mail. */
@Component("remindSignalReviewers")
class RemindSignalReviewers implements JavaDelegate {

    private final Signals signals;
    private final NationalRules catalogue;
    private final UserDirectory users;
    private final Outbox outbox;
    private final ReferenceData referenceData;

    RemindSignalReviewers(Signals signals, NationalRules catalogue, UserDirectory users, Outbox outbox,
                          ReferenceData referenceData) {
        this.signals = signals;
        this.catalogue = catalogue;
        this.users = users;
        this.outbox = outbox;
        this.referenceData = referenceData;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Signal signal = signals.find(UUID.fromString((String) execution.getVariable("signalId"))).orElseThrow();
        String ministry = referenceData.ministry(signal.ministryCode()).map(m -> m.abbreviation())
                .orElse(signal.ministryCode());
        String subject = SignalCases.subject(catalogue.find(signal.nationalRuleId()).orElseThrow(), signal.articleKey());
        for (String email : users.emailsOfGroup(Groups.ministry(signal.ministryCode()))) {
            outbox.enqueue(null, Outbox.chainTopic("signal-reminder", signal.reference()), email,
                    SignalLetters.reminder(signal, subject, ministry, (Date) execution.getVariable("answerDue")));
        }
    }
}
