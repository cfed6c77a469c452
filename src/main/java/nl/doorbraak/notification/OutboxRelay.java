package nl.doorbraak.notification;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import nl.doorbraak.audit.AuditAction;
import nl.doorbraak.audit.AuditRecord;
import nl.doorbraak.audit.AuditTrail;
import nl.doorbraak.platform.CaseClock;

/**
 * Sends the messages that no process step sends (receipts, task and deadline e-mails, digests;
 * {@link Outbox#enqueueRelayed}), with the same promise as the send steps: claimed once across
 * instances, each delivery and each failure on the audit trail, a failure retried after five
 * minutes, five attempts in all (as the models' R5/PT5M). A message that failed five times stays
 * unsent in the outbox with its last error, and the log says so.
 */
@Service
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final int ATTEMPTS = 5;
    static final Duration PAUSE = Duration.ofMinutes(5);

    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final MailDelivery mailDelivery;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    OutboxRelay(Outbox outbox, JdbcClient jdbc, MailDelivery mailDelivery, AuditTrail audit,
                PlatformTransactionManager transactionManager) {
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.mailDelivery = mailDelivery;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactionManager);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** By default every thirty seconds. */
    @Scheduled(cron = "${doorbraak.notifications.relay-cron:*/30 * * * * *}")
    void onSchedule() {
        try {
            run();
        } catch (RuntimeException e) {
            log.error("The outbox relay failed; the next run tries again", e);
        }
    }

    /** Sends what is due; returns how many were delivered. */
    int run() {
        List<Outbox.Message> due = jdbc.sql("""
                SELECT id, request_id, topic, recipient, subject, body, created_at, sent_at FROM outbox
                WHERE relayed = TRUE AND sent_at IS NULL AND discarded_at IS NULL AND attempts < ?
                  AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
                ORDER BY created_at, id""")
                .params(ATTEMPTS, CaseClock.now()).query(Outbox.Message.class).list();
        int delivered = 0;
        for (Outbox.Message message : due) {
            try {
                Boolean sent = transaction.execute(status -> send(message));
                if (Boolean.TRUE.equals(sent)) {
                    delivered++;
                }
            } catch (RuntimeException e) {
                transaction.executeWithoutResult(status -> recordFailure(message, e));
            }
        }
        return delivered;
    }

    /** Claims, delivers and records one message; a delivery that fails rolls the claim back. */
    private boolean send(Outbox.Message message) {
        if (!outbox.claim(message.id())) {
            return false; // another instance sent it
        }
        mailDelivery.deliver(message.recipient(), message.subject(), message.body());
        auditOf(message).action(AuditAction.NOTIFICATION_SENT, "E-mail verstuurd: " + message.subject())
                .resource("notification", message.id().toString(), message.recipient())
                .record();
        return true;
    }

    private void recordFailure(Outbox.Message message, RuntimeException e) {
        int attempts = jdbc.sql("""
                UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?
                WHERE id = ? AND sent_at IS NULL""")
                .params(shorten(e.getMessage(), 1000), CaseClock.now().plus(PAUSE), message.id()).update() == 1
                ? jdbc.sql("SELECT attempts FROM outbox WHERE id = ?").param(message.id()).query(Integer.class).single()
                : 0;
        auditOf(message).action(AuditAction.NOTIFICATION_FAILED, "E-mail niet verstuurd: " + message.subject())
                .resource("notification", message.id().toString(), message.recipient())
                .explanation(shorten(e.getMessage(), 500))
                .failed()
                .record();
        if (attempts >= ATTEMPTS) {
            log.error("E-mail {} to {} failed {} times and is not tried again: {}", message.id(), message.recipient(),
                    attempts, e.getMessage());
        }
    }

    /**
     * The receipt on its case's trail, where the municipality's timeline shows it; mail to the people
     * who act on tasks on the system trail: internal, and one per reviewer would crowd the case's timeline.
     */
    private AuditRecord auditOf(Outbox.Message message) {
        String receiptOf = Outbox.chainTopic(Receipts.TOPIC, "");
        return message.topic().startsWith(receiptOf) ? audit.about(message.topic().substring(receiptOf.length()))
                : audit.system().by(AuditTrail.SYSTEM);
    }

    private static String shorten(String text, int limit) {
        return text == null || text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }
}
