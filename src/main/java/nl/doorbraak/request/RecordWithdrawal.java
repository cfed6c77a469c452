package nl.doorbraak.request;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.doorbraak.notification.Letter;
import nl.doorbraak.notification.Outbox;

/** "Intrekking vastleggen": confirms the withdrawal to the contact person. */
@Component("recordWithdrawal")
class RecordWithdrawal implements JavaDelegate {

    private final Requests requests;
    private final Outbox outbox;

    RecordWithdrawal(Requests requests, Outbox outbox) {
        this.requests = requests;
        this.outbox = outbox;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RequestRecord request = requests.get(CaseVariables.requestId(execution));
        String reason = (String) execution.getVariable("withdrawalReason");
        String body = """
                Geachte heer, mevrouw,

                Uw verzoek %s "%s" is op uw verzoek ingetrokken. De behandeling is gestopt; openstaande \
                taken bij het programmabureau en de ministeries zijn vervallen.
                %s""".formatted(request.reference(), request.title(),
                reason == null ? "" : "\nReden die u opgaf: " + reason + "\n") + Letter.SIGNATURE;
        // questions and reminders not sent yet no longer apply
        outbox.discardUnsent(request.id(), request.reference(), "door de intrekking");
        outbox.enqueue(request.id(), "withdrawn", request.contactEmail(),
                new Letter("Verzoek " + request.reference() + " ingetrokken", body));
    }
}
