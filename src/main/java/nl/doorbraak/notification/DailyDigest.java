package nl.doorbraak.notification;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.security.UserDirectory;

/**
 * Once a day, one e-mail per user who chose the digest, with the new tasks and passed deadlines
 * collected since the last one. A Spring schedule, not an engine timer: the digest belongs to a
 * person, not to a case or a process, and a model with a timer that only loops would add nothing
 * a reader of the models needs. The run locks its row and marks what it put in a digest in one
 * transaction, so a second run, on this instance or another, finds nothing left to send.
 */
@Service
class DailyDigest {

    private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);
    static final String TOPIC = "task-digest";
    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy",
            Locale.forLanguageTag("nl"));

    /** A collected line of a digest. */
    record Item(java.util.UUID id, String userId, String kind, String taskName, String reference, OffsetDateTime dueAt) {
    }

    private final JdbcClient jdbc;
    private final NotificationJobLock lock;
    private final Outbox outbox;
    private final UserDirectory users;
    private final TransactionTemplate transaction;

    DailyDigest(JdbcClient jdbc, NotificationJobLock lock, Outbox outbox, UserDirectory users,
                PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.lock = lock;
        this.outbox = outbox;
        this.users = users;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** By default at 07:00 Dutch time, before the working day starts. */
    @Scheduled(cron = "${doorbraak.notifications.digest-cron:0 0 7 * * *}", zone = "Europe/Amsterdam")
    void onSchedule() {
        try {
            run();
        } catch (RuntimeException e) {
            log.error("The daily digest failed; the next run sends what is still collected", e);
        }
    }

    /** Writes the digests to the outbox; returns how many. */
    int run() {
        Integer written = transaction.execute(status -> {
            lock.lock("digest");
            List<Item> items = jdbc.sql("""
                    SELECT id, user_id, kind, task_name, reference, due_at FROM notification_digest_item
                    WHERE digested_at IS NULL ORDER BY user_id, created_at, id""").query(Item.class).list();
            Map<String, List<Item>> byUser = new LinkedHashMap<>();
            items.forEach(item -> byUser.computeIfAbsent(item.userId(), user -> new java.util.ArrayList<>()).add(item));
            int count = 0;
            for (var entry : byUser.entrySet()) {
                var email = users.email(entry.getKey());
                if (email.isPresent()) {
                    outbox.enqueueRelayed(TOPIC, email.get(), letter(entry.getValue()));
                    count++;
                }
            }
            // by id: an item collected while this run wrote goes into the next digest, not lost
            OffsetDateTime now = CaseClock.now();
            items.forEach(item -> jdbc.sql("UPDATE notification_digest_item SET digested_at = ? WHERE id = ?")
                    .params(now, item.id()).update());
            return count;
        });
        return written == null ? 0 : written;
    }

    static Letter letter(List<Item> items) {
        StringBuilder newTasks = new StringBuilder();
        StringBuilder deadlines = new StringBuilder();
        for (Item item : items) {
            String line = "- " + TaskMails.title(item.taskName(), item.reference())
                    + ", uiterste datum " + (item.dueAt() == null ? "geen"
                    : DUTCH_DATE.format(item.dueAt().atZoneSameInstant(CaseClock.DUTCH_TIME))) + "\n";
            (TaskMails.NEW_TASK.equals(item.kind()) ? newTasks : deadlines).append(line);
        }
        StringBuilder body = new StringBuilder("Beste collega,\n\nDit is uw dagelijkse overzicht van Doorbraak.\n");
        if (!newTasks.isEmpty()) {
            body.append("\nNieuwe taken voor u:\n").append(newTasks);
        }
        if (!deadlines.isEmpty()) {
            body.append("\nTaken waarvan de termijn verstreken is:\n").append(deadlines);
        }
        body.append("\nU vindt de taken in Tasklist of op de website van Doorbraak. Een taak die al is afgerond, "
                + "staat hier misschien nog in.\n");
        return new Letter("Uw overzicht van Doorbraak van " + DUTCH_DATE.format(CaseClock.dutchNow()),
                body + Letter.SIGNATURE);
    }
}
