package nl.doorbraak.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;

import nl.doorbraak.support.TableCounts;

/**
 * Proof that a refused request stored nothing: the rows of every table (TableCounts) are the
 * same afterwards, except the audit trail, which gains exactly the entries that record the
 * refusals themselves (system chain, result "refused").
 */
public final class StoredNothing {

    private final JdbcTemplate jdbc;
    private final Map<String, Long> before;
    private final long lastAuditEntry;

    private StoredNothing(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.before = withoutAuditEntries(TableCounts.of(jdbc));
        this.lastAuditEntry = lastAuditEntry(jdbc);
    }

    public static StoredNothing since(JdbcTemplate jdbc) {
        return new StoredNothing(jdbc);
    }

    /** Asserts that nothing but refusal entries was stored, and returns how many refusal entries there are. */
    public long assertStoredNothingBut(String what) {
        assertThat(withoutAuditEntries(TableCounts.of(jdbc))).as("row counts after %s", what).isEqualTo(before);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM audit_event
                 WHERE id > ? AND NOT (chain = 'system' AND result = 'refused')""", Long.class, lastAuditEntry))
                .as("audit entries other than refusals after %s", what).isZero();
        return jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE id > ?", Long.class, lastAuditEntry);
    }

    /** The refusal entries since, as "action user_id resource_id explanation" lines. */
    public java.util.List<Map<String, Object>> refusals() {
        return jdbc.queryForList("""
                SELECT action, user_id, resource_id, explanation FROM audit_event
                 WHERE id > ? AND chain = 'system' AND result = 'refused' ORDER BY id""", lastAuditEntry);
    }

    private static long lastAuditEntry(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM audit_event", Long.class);
    }

    private static Map<String, Long> withoutAuditEntries(Map<String, Long> counts) {
        Map<String, Long> rest = new TreeMap<>(counts);
        rest.remove("audit_event");
        return rest;
    }
}
