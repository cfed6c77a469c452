package nl.doorbraak.notification;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The asynchronous "send" steps of the processes: delivers every unsent message of the
 * request. A failure rolls the claim back and fails the job, which the engine retries and,
 * when the retries run out, turns into an incident.
 */
@Component("sendNotifications")
class SendNotifications implements JavaDelegate {

    private final Outbox outbox;
    private final MailDelivery mailDelivery;

    SendNotifications(Outbox outbox, MailDelivery mailDelivery) {
        this.outbox = outbox;
        this.mailDelivery = mailDelivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID requestId = UUID.fromString((String) execution.getVariable("requestId"));
        for (Outbox.Message message : outbox.unsent(requestId)) {
            if (outbox.claim(message.id())) {
                mailDelivery.deliver(message.recipient(), message.subject(), message.body());
            }
        }
    }
}
