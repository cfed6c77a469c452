package nl.doorbraak.notification;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes a scheduled notification job run once across application instances: the run locks its
 * row for its transaction, a second instance waits and then finds the work done (as the audit seal).
 */
@Component
class NotificationJobLock {

    private final JdbcClient jdbc;

    NotificationJobLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Must be called inside the job's transaction. */
    void lock(String job) {
        jdbc.sql("SELECT name FROM notification_job_lock WHERE name = ? FOR UPDATE").param(job)
                .query(String.class).single();
    }
}
