package nl.doorbraak.notification;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.doorbraak.audit.AuditAction;
import nl.doorbraak.audit.AuditTrail;
import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.platform.validation.InputSchema;
import nl.doorbraak.platform.validation.Values;

/**
 * Each user's choice for e-mail about new tasks and about passed deadlines. The table holds the
 * user id and the choices only; addresses come from the identity directory when a mail is written.
 * Without a stored choice a user hears of both immediately.
 */
@Service
public class NotificationPreferences {

    /** A user's choices. */
    public record Preference(NotificationChoice newTasks, NotificationChoice deadlines) {

        public static final Preference DEFAULT = new Preference(NotificationChoice.IMMEDIATELY,
                NotificationChoice.IMMEDIATELY);

        /** As the API shows it. */
        public Map<String, String> codes() {
            return Map.of("newTasks", newTasks.code(), "deadlines", deadlines.code());
        }
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final InputSchema schema = InputSchema.builder()
            .choice("newTasks", "E-mail bij een nieuwe taak", true, NotificationChoice::choices)
            .choice("deadlines", "E-mail als de termijn van een taak verstreken is", true, NotificationChoice::choices)
            .build();

    NotificationPreferences(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public Preference of(String userId) {
        return jdbc.sql("SELECT new_tasks, deadlines FROM notification_preference WHERE user_id = ?")
                .param(userId)
                .query((rs, row) -> new Preference(NotificationChoice.ofCode(rs.getString(1)).orElseThrow(),
                        NotificationChoice.ofCode(rs.getString(2)).orElseThrow()))
                .optional().orElse(Preference.DEFAULT);
    }

    /** The form of the page and the body of the API: every error at once (400), before anything is stored. */
    public InputSchema schema() {
        return schema;
    }

    /** Stores the user's own choices, validated, on the audit trail. */
    @Transactional
    public Preference change(String userId, Map<String, ?> input) {
        Values values = schema.validate(input, true);
        Preference before = of(userId);
        Preference after = new Preference(NotificationChoice.ofCode(values.text("newTasks")).orElseThrow(),
                NotificationChoice.ofCode(values.text("deadlines")).orElseThrow());
        int updated = jdbc.sql("UPDATE notification_preference SET new_tasks = ?, deadlines = ?, updated_at = ? "
                        + "WHERE user_id = ?")
                .params(after.newTasks().code(), after.deadlines().code(), CaseClock.now(), userId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO notification_preference (user_id, new_tasks, deadlines, updated_at) VALUES (?, ?, ?, ?)")
                    .params(userId, after.newTasks().code(), after.deadlines().code(), CaseClock.now()).update();
        }
        audit.system().by(userId)
                .action(AuditAction.NOTIFICATION_PREFERENCES_CHANGED, "E-mailmeldingen ingesteld")
                .resource("notification-preference", userId, userId)
                .changes(before.codes(), after.codes())
                .record();
        return after;
    }
}
