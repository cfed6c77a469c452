package nl.doorbraak.support;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The number of rows in every table of the application's schema — the application's own and
 * the engine's ACT_* tables alike — found from the catalog, so that a table added later is
 * counted without anyone adding it here.
 */
public final class TableCounts {

    private TableCounts() {
    }

    public static List<String> tables(JdbcTemplate jdbc) {
        return jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                ORDER BY table_name""", String.class);
    }

    /**
     * The engine's usage metrics, which its metrics reporter flushes from memory on a schedule of
     * its own: a flush can fall between two counts whatever the test does.
     */
    private static final String ENGINE_METRICS = "act_ru_meter_log";

    public static Map<String, Long> of(JdbcTemplate jdbc) {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables(jdbc)) {
            if (table.equalsIgnoreCase(ENGINE_METRICS)) {
                continue;
            }
            counts.put(table, jdbc.queryForObject("SELECT count(*) FROM \"" + table.replace("\"", "\"\"") + "\"",
                    Long.class));
        }
        return counts;
    }

    /**
     * As {@link #of}, with the audit trail's entries of refused attempts left out: a refusal is
     * recorded there and nowhere else, so before and after a refusal these counts are equal.
     */
    public static Map<String, Long> besidesRefusals(JdbcTemplate jdbc) {
        Map<String, Long> counts = of(jdbc);
        counts.merge("audit_event", -jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE result = 'refused'",
                Long.class), Long::sum);
        return counts;
    }
}
