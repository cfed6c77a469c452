package nl.doorbraak.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import nl.doorbraak.support.EmbeddedPostgresDatabase;

/**
 * The audit tables as someone with the database owner's rights sees them: read them, and change
 * them behind the application's back with the append-only triggers switched off — in one
 * transaction of its own, so that no one else ever sees the triggers off — and put a chain back
 * as it was, so that no test leaves a broken chain for another to trip over.
 */
final class AuditDatabase {

    /** An entry as stored, read without the application's own code. */
    static final RowMapper<AuditEntry> ENTRY = (rs, row) -> new AuditEntry(rs.getLong("id"), rs.getString("chain"),
            rs.getLong("sequence"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
            rs.getString("source"), rs.getString("application"), rs.getString("user_id"),
            rs.getString("user_display"), rs.getString("action"), rs.getString("action_display"),
            rs.getString("result"), rs.getString("resource_type"), rs.getString("resource_id"),
            rs.getString("resource_display"), rs.getString("explanation"), rs.getString("changes"),
            rs.getString("trace_id"), rs.getString("prev_hash"), rs.getString("hash"));

    private AuditDatabase() {
    }

    static JdbcClient superuser() {
        return JdbcClient.create(EmbeddedPostgresDatabase.server().getPostgresDatabase());
    }

    /** The entries of one chain, in sequence order. */
    static List<AuditEntry> entries(String chain) {
        return superuser().sql("SELECT * FROM audit_event WHERE chain = ? ORDER BY sequence").param(chain)
                .query(ENTRY).list();
    }

    /** Changes the audit tables with the append-only triggers off, in one transaction that switches them on again. */
    static void tamper(Consumer<JdbcClient> change) {
        try (Connection connection = EmbeddedPostgresDatabase.server().getPostgresDatabase().getConnection()) {
            connection.setAutoCommit(false);
            try {
                execute(connection, "ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only");
                execute(connection, "ALTER TABLE audit_seal DISABLE TRIGGER audit_seal_append_only");
                try {
                    change.accept(JdbcClient.create(new SingleConnectionDataSource(connection, true)));
                } finally {
                    execute(connection, "ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only");
                    execute(connection, "ALTER TABLE audit_seal ENABLE TRIGGER audit_seal_append_only");
                }
                connection.commit();
            } catch (RuntimeException | SQLException | Error e) {
                connection.rollback(); // also undoes the DISABLE TRIGGER, which is transactional in PostgreSQL
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A chain's rows and head as they are now, to put back with {@link #restore}. */
    record Snapshot(String chain, List<Map<String, Object>> rows, Map<String, Object> head) {
    }

    static Snapshot snapshot(String chain) {
        return new Snapshot(chain,
                superuser().sql("SELECT * FROM audit_event WHERE chain = ? ORDER BY sequence").param(chain)
                        .query().listOfRows(),
                superuser().sql("SELECT * FROM audit_chain_head WHERE chain = ?").param(chain).query().singleRow());
    }

    /** Puts the chain back exactly as it was at the snapshot: the same rows with the same ids, and its head. */
    static void restore(Snapshot snapshot) {
        tamper(jdbc -> {
            jdbc.sql("DELETE FROM audit_event WHERE chain = ?").param(snapshot.chain()).update();
            for (Map<String, Object> row : snapshot.rows()) {
                List<String> columns = List.copyOf(row.keySet());
                jdbc.sql("INSERT INTO audit_event (" + String.join(", ", columns) + ") VALUES ("
                                + String.join(", ", columns.stream().map(column -> "?").toList()) + ")")
                        .params(columns.stream().map(row::get).toList()).update();
            }
            jdbc.sql("UPDATE audit_chain_head SET sequence = ?, hash = ?, updated_at = ? WHERE chain = ?")
                    .params(snapshot.head().get("sequence"), snapshot.head().get("hash"),
                            snapshot.head().get("updated_at"), snapshot.chain()).update();
        });
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
