package nl.doorbraak.web;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;

import nl.doorbraak.support.TableCounts;

import static org.assertj.core.api.Assertions.assertThat;

/** What the page tests read back from the audit trail: the refused attempts, and that nothing else was written. */
final class PageRefusals {

    private PageRefusals() {
    }

    /** Every refused attempt on the trail so far. */
    static long count(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE result = 'refused'", Long.class);
    }

    /** The newest entry of the system chain: user_id, action, resource_id, explanation, result. */
    static Map<String, Object> newest(JdbcTemplate jdbc) {
        return jdbc.queryForMap("""
                SELECT user_id, action, resource_id, explanation, result FROM audit_event
                WHERE chain = 'system' ORDER BY sequence DESC LIMIT 1""");
    }

    /**
     * The row counts of every table equal those before, except the audit trail, which has exactly
     * {@code entries} more: a refusal changes nothing but its own entry.
     */
    static void onlyAuditEntriesAdded(Map<String, Long> before, Map<String, Long> after, long entries) {
        Map<String, Long> expected = new TreeMap<>(before);
        expected.merge("audit_event", entries, Long::sum);
        assertThat(after).isEqualTo(expected);
    }

    static Map<String, Long> tables(JdbcTemplate jdbc) {
        return TableCounts.of(jdbc);
    }
}
