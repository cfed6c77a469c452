package nl.doorbraak.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit trail: one chain page by page in chain order, and a period as a stream in
 * constant memory. Reading never writes; who read what is recorded by the caller.
 */
@Component
public class AuditQueries {

    /** Rows fetched per round trip when streaming; PostgreSQL then reads through a cursor. */
    static final int FETCH_SIZE = 500;

    private static final String COLUMNS = """
            id, chain, sequence, occurred_at, source, application, user_id, user_display, action, action_display,
            result, resource_type, resource_id, resource_display, explanation, changes, trace_id, prev_hash, hash""";

    static final RowMapper<AuditEntry> ENTRY = AuditQueries::entry;

    private final JdbcClient jdbc;
    private final JdbcClient streaming;

    AuditQueries(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        JdbcTemplate fetching = new JdbcTemplate(jdbcTemplate.getDataSource());
        fetching.setExceptionTranslator(jdbcTemplate.getExceptionTranslator());
        fetching.setFetchSize(FETCH_SIZE);
        this.streaming = JdbcClient.create(fetching);
    }

    /** Whether a chain by this name was ever started. */
    public boolean chainExists(String chain) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_chain_head WHERE chain = ?").param(chain)
                .query(Long.class).single() > 0;
    }

    /** The number of entries in the chain. */
    public long count(String chain) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE chain = ?").param(chain).query(Long.class).single();
    }

    /** At most {@code limit} entries of the chain in sequence order, skipping the first {@code offset}. */
    /** The entries the application itself recorded on a chain (not the engine's), in sequence order. */
    public List<AuditEntry> applicationEntries(String chain) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_event WHERE chain = ? AND source = 'application'"
                        + " ORDER BY sequence")
                .param(chain).query(ENTRY).list();
    }

    public List<AuditEntry> page(String chain, long offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_event WHERE chain = ? ORDER BY sequence LIMIT ? OFFSET ?")
                .params(chain, limit, offset)
                .query(ENTRY).list();
    }

    /**
     * Hands every entry that occurred in [from, to) to the action, ordered by chain and sequence
     * (each chain's lines in order, as the offline verifier reads them; the order of occurrence
     * within a chain is its sequence), holding only one fetch of rows at a time (a cursor in PostgreSQL, which needs
     * the transaction). Returns the number of entries.
     */
    @Transactional(readOnly = true)
    public long forEachInPeriod(Instant from, Instant to, Consumer<? super AuditEntry> action) {
        long count = 0;
        try (Stream<AuditEntry> entries = streaming.sql("SELECT " + COLUMNS
                        + " FROM audit_event WHERE occurred_at >= ? AND occurred_at < ?"
                        + " ORDER BY chain, sequence")
                .params(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC))
                .query(ENTRY).stream()) {
            for (var iterator = entries.iterator(); iterator.hasNext(); ) {
                action.accept(iterator.next());
                count++;
            }
        }
        return count;
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        OffsetDateTime occurred = rs.getObject("occurred_at", OffsetDateTime.class);
        return new AuditEntry(rs.getLong("id"), rs.getString("chain"), rs.getLong("sequence"),
                occurred == null ? null : occurred.toInstant(), rs.getString("source"), rs.getString("application"),
                rs.getString("user_id"), rs.getString("user_display"), rs.getString("action"),
                rs.getString("action_display"), rs.getString("result"), rs.getString("resource_type"),
                rs.getString("resource_id"), rs.getString("resource_display"), rs.getString("explanation"),
                rs.getString("changes"), rs.getString("trace_id"), rs.getString("prev_hash"), rs.getString("hash"));
    }
}
