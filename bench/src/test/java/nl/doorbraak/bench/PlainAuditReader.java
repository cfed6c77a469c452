package nl.doorbraak.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.function.Consumer;

import nl.doorbraak.audit.AuditEntry;
import nl.doorbraak.audit.EntryText;

/**
 * The baselines: the same rows read with plain JDBC on one thread, nothing else. Hashing: every
 * entry in chain order, SHA-256 over the same bytes the product hashes (written by the
 * product's {@link EntryText}, so the bytes are the same by construction; a hash that differs
 * from the stored one would show otherwise) — the floor of a verifier that reads and hashes
 * one entry after the other. Exporting: the same rows as NDJSON lines into a stream.
 */
final class PlainAuditReader {

    private static final String SELECT = "SELECT id, chain, sequence, occurred_at, source, application, user_id, "
            + "user_display, action, action_display, result, resource_type, resource_id, resource_display, explanation, "
            + "changes, trace_id, prev_hash, hash FROM audit_event ORDER BY chain, sequence";

    private final BenchDatabase database;
    private final String name;

    PlainAuditReader(BenchDatabase database, String name) {
        this.database = database;
        this.name = name;
    }

    /** Entries read and hashed, and how many hashes differed from the stored one (0 when the bytes are right). */
    record Hashed(long entries, long mismatches) {
    }

    Hashed hashAll() {
        EntryText text = new EntryText();
        long[] counts = new long[2];
        read(1000, entry -> {
            counts[0]++;
            if (!text.hash(entry).equals(entry.hash())) {
                counts[1]++;
            }
        });
        return new Hashed(counts[0], counts[1]);
    }

    /** Writes every entry as an NDJSON export line to the stream; returns the number of lines. */
    long exportAll(OutputStream out) {
        long[] lines = {0};
        EntryText text = new EntryText();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder(4096);
            read(500, entry -> {
                line.setLength(0);
                text.appendExportLine(entry, line);
                try {
                    writer.append(line.append('\n'));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                lines[0]++;
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return lines[0];
    }

    private void read(int fetchSize, Consumer<AuditEntry> action) {
        try (Connection connection = DriverManager.getConnection(database.url(name), database.user(),
                database.password())) {
            connection.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
            try (PreparedStatement statement = connection.prepareStatement(SELECT)) {
                statement.setFetchSize(fetchSize);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        action.accept(new AuditEntry(rs.getLong(1), rs.getString(2), rs.getLong(3),
                                rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5), rs.getString(6),
                                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                                rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15),
                                rs.getString(16), rs.getString(17), rs.getString(18), rs.getString(19)));
                    }
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
