package nl.doorbraak.notification;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import nl.doorbraak.audit.AuditAction;
import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.audit.AuditTrail;

/** Messages waiting to be sent, written in the transaction of the step that causes them. */
@Service
public class Outbox {

    /** A message in the outbox. */
    public record Message(UUID id, UUID requestId, String topic, String recipient, String subject, String body,
                          OffsetDateTime createdAt, OffsetDateTime sentAt) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    Outbox(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public UUID enqueue(UUID requestId, String topic, String recipient, String subject, String body) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO outbox (id, request_id, topic, recipient, subject, body, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, requestId, topic, recipient, subject, body, CaseClock.now())
                .update();
        return id;
    }

    public UUID enqueue(UUID requestId, String topic, String recipient, Letter letter) {
        return enqueue(requestId, topic, recipient, letter.subject(), letter.body());
    }

    /**
     * A message that no process step sends: the receipt of a request, a task or deadline e-mail,
     * a daily digest. {@link OutboxRelay} sends it, with retries. It names its case, if any, in
     * the topic ({@code receipt@DB-2026-001}), not in request_id: it is not part of what a case's
     * own send steps deliver.
     */
    UUID enqueueRelayed(String topic, String recipient, Letter letter) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO outbox (id, request_id, topic, recipient, subject, body, created_at, relayed)
                VALUES (?, NULL, ?, ?, ?, ?, ?, TRUE)""")
                .params(id, topic, recipient, letter.subject(), letter.body(), CaseClock.now())
                .update();
        return id;
    }

    public List<Message> of(UUID requestId) {
        return jdbc.sql("""
                SELECT id, request_id, topic, recipient, subject, body, created_at, sent_at
                FROM outbox WHERE request_id = ? ORDER BY created_at, id""")
                .param(requestId).query(Message.class).list();
    }

    List<Message> unsent(UUID requestId) {
        return jdbc.sql("""
                SELECT id, request_id, topic, recipient, subject, body, created_at, sent_at
                FROM outbox WHERE request_id = ? AND sent_at IS NULL AND discarded_at IS NULL
                ORDER BY created_at, id""")
                .param(requestId).query(Message.class).list();
    }

    /**
     * The topic of a message that a process outside a single case sends (a signal): the topic and
     * the chain of that process, {@code signal-answer@SIG-2026-001}. Its send step finds it by the chain.
     */
    public static String chainTopic(String topic, String chain) {
        return topic + "@" + chain;
    }

    /** The unsent messages of a process outside a single case, by its chain (see {@link #chainTopic}). */
    List<Message> unsentOfChain(String chain) {
        return jdbc.sql("""
                SELECT id, request_id, topic, recipient, subject, body, created_at, sent_at
                FROM outbox WHERE topic LIKE ? AND sent_at IS NULL AND discarded_at IS NULL AND relayed = FALSE
                ORDER BY created_at, id""")
                .param("%@" + chain).query(Message.class).list();
    }

    /**
     * Keeps messages that were not sent yet from ever being sent, e.g. a question to a
     * municipality that withdrew its request before the question went out. They stay in the
     * outbox, marked, and the discard is on the case's audit trail, so what happened remains visible.
     *
     * @param why Dutch, completing "... vervallen", e.g. "door de intrekking"
     */
    public void discardUnsent(UUID requestId, String reference, String why) {
        int discarded = jdbc.sql("""
                UPDATE outbox SET discarded_at = ? WHERE request_id = ? AND sent_at IS NULL AND discarded_at IS NULL""")
                .params(CaseClock.now(), requestId).update();
        if (discarded > 0) {
            audit.about(reference)
                    .action(AuditAction.NOTIFICATION_DISCARDED, discarded + " nog niet verstuurde e-mail(s) vervallen " + why)
                    .resource("notification", requestId.toString(), reference)
                    .record();
        }
    }

    /**
     * Marks a message as sent unless another sender got to it first; the row lock makes a
     * concurrent sender wait for this transaction and then find nothing to claim.
     */
    boolean claim(UUID id) {
        return jdbc.sql("""
                UPDATE outbox SET sent_at = ?, attempts = attempts + 1
                WHERE id = ? AND sent_at IS NULL AND discarded_at IS NULL""")
                .params(CaseClock.now(), id).update() == 1;
    }
}
