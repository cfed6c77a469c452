package nl.doorbraak.notification;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The relayed e-mails the relay gave up on after {@link OutboxRelay#ATTEMPTS} attempts, in
 * {@code /actuator/health} as {@code undeliveredMail}: how many and of which kinds (receipt, new
 * task, deadline, digest). The mails sent by process steps become engine incidents instead
 * ({@code processIncidents}). The status stays UP, as for incidents: the application works, and
 * an administrator looks at the mail server and the addresses.
 */
@Component("undeliveredMail")
class UndeliveredMailHealth implements HealthIndicator {

    private final JdbcClient jdbc;

    UndeliveredMailHealth(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Health health() {
        Map<String, Long> byTopic = new TreeMap<>();
        jdbc.sql("""
                        SELECT topic, COUNT(*) AS given_up FROM outbox
                        WHERE relayed = TRUE AND sent_at IS NULL AND discarded_at IS NULL AND attempts >= ?
                        GROUP BY topic""").param(OutboxRelay.ATTEMPTS)
                .query((rs, row) -> byTopic.merge(kind(rs.getString("topic")), rs.getLong("given_up"), Long::sum))
                .list();
        long total = byTopic.values().stream().mapToLong(Long::longValue).sum();
        return Health.up().withDetail("total", total).withDetail("byKind", byTopic).build();
    }

    /** A topic without the chain it is written to (a receipt's topic names its request). */
    private static String kind(String topic) {
        int chain = topic.indexOf('@');
        return chain < 0 ? topic : topic.substring(0, chain);
    }
}
