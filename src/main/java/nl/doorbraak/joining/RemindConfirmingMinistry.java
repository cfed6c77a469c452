package nl.doorbraak.joining;

import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.doorbraak.notification.Letter;
import nl.doorbraak.notification.Outbox;
import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.reference.ReferenceData;
import nl.doorbraak.request.CaseVariables;
import nl.doorbraak.request.RequestRecord;
import nl.doorbraak.request.Requests;
import nl.doorbraak.security.Groups;
import nl.doorbraak.security.UserDirectory;

/**
 * "Herinnering opstellen": the confirmation is nearly due (the reminder moment of the
 * {@code join-confirmation} row of the deadlines table); every reviewer of the ministry gets an e-mail.
 */
@Component("remindConfirmingMinistry")
class RemindConfirmingMinistry implements JavaDelegate {

    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy",
            Locale.forLanguageTag("nl")).withZone(CaseClock.DUTCH_TIME);

    private final Requests requests;
    private final UserDirectory users;
    private final Outbox outbox;
    private final ReferenceData referenceData;

    RemindConfirmingMinistry(Requests requests, UserDirectory users, Outbox outbox, ReferenceData referenceData) {
        this.requests = requests;
        this.users = users;
        this.outbox = outbox;
        this.referenceData = referenceData;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RequestRecord request = requests.get(CaseVariables.requestId(execution));
        String ministry = CaseVariables.string(execution, "confirmingMinistry");
        String abbreviation = referenceData.ministry(ministry).map(m -> m.abbreviation()).orElse(ministry);
        Date due = (Date) execution.getVariable("join-confirmationDue");
        Letter letter = new Letter("Herinnering: aansluiting bevestigen " + request.reference() + " (" + abbreviation + ")",
                """
                Beste beoordelaar,

                De gemeente vraagt bij verzoek %s "%s" aan te sluiten bij een doorbraak die %s eerder toekende. \
                Wilt u uiterlijk %s bevestigen of weigeren dat die doorbraak ook in dit focusgebied kan gelden? \
                U vindt de taak "Aansluiting bevestigen" in Doorbraak.
                """.formatted(request.reference(), request.title(), abbreviation, DUTCH_DATE.format(due.toInstant()))
                        + Letter.SIGNATURE);
        for (String email : users.emailsOfGroup(Groups.ministry(ministry))) {
            outbox.enqueue(request.id(), "join-confirmation-reminder", email, letter);
        }
    }
}
