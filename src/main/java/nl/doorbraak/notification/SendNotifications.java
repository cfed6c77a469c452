package nl.doorbraak.notification;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import nl.doorbraak.audit.AuditAction;
import nl.doorbraak.audit.AuditTrail;

/**
 * The asynchronous "send" steps of the processes: delivers every unsent message of the
 * request. A failure rolls the claim back and fails the job, which the engine retries and,
 * when the retries run out, turns into an incident. Each delivery is on the audit trail; so is
 * each failure, recorded in a transaction of its own because the step's own transaction rolls back.
 */
@Component("sendNotifications")
class SendNotifications implements JavaDelegate {

    private final Outbox outbox;
    private final MailDelivery mailDelivery;
    private final AuditTrail audit;
    private final TransactionTemplate ownTransaction;

    SendNotifications(Outbox outbox, MailDelivery mailDelivery, AuditTrail audit,
                      PlatformTransactionManager transactionManager) {
        this.outbox = outbox;
        this.mailDelivery = mailDelivery;
        this.audit = audit;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void execute(DelegateExecution execution) {
        String requestId = (String) execution.getVariable("requestId");
        String reference = (String) execution.getVariable("reference");
        // a process of one case sends that case's messages; one outside a case (a signal) those of its chain
        List<Outbox.Message> unsent = requestId != null ? outbox.unsent(UUID.fromString(requestId))
                : outbox.unsentOfChain(reference);
        for (Outbox.Message message : unsent) {
            if (!outbox.claim(message.id())) {
                continue;
            }
            try {
                mailDelivery.deliver(message.recipient(), message.subject(), message.body());
            } catch (RuntimeException e) {
                ownTransaction.executeWithoutResult(status -> audit.about(reference)
                        .action(AuditAction.NOTIFICATION_FAILED, "E-mail niet verstuurd: " + message.subject())
                        .resource("notification", message.id().toString(), message.recipient())
                        .explanation(shorten(e.getMessage()))
                        .failed()
                        .record());
                throw e;
            }
            audit.about(reference)
                    .action(AuditAction.NOTIFICATION_SENT, "E-mail verstuurd: " + message.subject())
                    .resource("notification", message.id().toString(), message.recipient())
                    .record();
        }
    }

    private static String shorten(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500) + "…";
    }
}
