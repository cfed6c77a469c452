package nl.doorbraak.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import nl.doorbraak.audit.AuditEntry;
import nl.doorbraak.audit.AuditHashes;

/**
 * Fills the audit trail with valid chains, so that verification really has something to verify:
 * every filler chain is a copy of a real case's chain under another name, later in time, hashed
 * by the product's own code ({@link AuditHashes}), with its head. Chains overlap in time as cases
 * do (a new one every minute, an entry every 30 seconds) and rows go in in order of occurrence,
 * so a chain's entries lie scattered over the table as they would after months of use, not
 * side by side. Written with COPY: a million rows in seconds rather than minutes.
 */
final class AuditFiller {

    private static final Instant START = Instant.parse("2025-01-06T08:00:00Z");
    private static final long CHAIN_EVERY_SECONDS = 60;
    private static final long ENTRY_EVERY_SECONDS = 30;
    private static final int COPY_CHUNK = 1 << 20;

    private AuditFiller() {
    }

    /** What was written: the number of chains and entries, and how long it took. */
    record Filled(int chains, long entries, double seconds) {
    }

    /** Writes {@code entries} entries in chains shaped like {@code template}, named BENCH-000000, -000001, … */
    static Filled fill(BenchDatabase database, String name, List<AuditEntry> template, int entries) {
        long started = System.nanoTime();
        int length = template.size();
        int chains = (entries + length - 1) / length;
        String[] previous = new String[chains];
        java.util.Arrays.fill(previous, AuditHashes.GENESIS);
        try (Connection connection = DriverManager.getConnection(database.url(name), database.user(),
                database.password())) {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    COPY audit_event (chain, sequence, occurred_at, source, application, user_id, user_display, action,
                                      action_display, result, resource_type, resource_id, resource_display,
                                      explanation, changes, trace_id, prev_hash, hash) FROM STDIN""");
            StringBuilder rows = new StringBuilder(COPY_CHUNK + 8192);
            // slot u holds entry k = u - 2i of every chain i that runs then: rows in order of occurrence
            long slots = 2L * (chains - 1) + length;
            long written = 0;
            for (long u = 0; u < slots; u++) {
                int first = (int) Math.max(0, (u - length + 2) / 2);
                int last = (int) Math.min(chains - 1, u / 2);
                for (int i = first; i <= last; i++) {
                    int k = (int) (u - 2L * i);
                    if (k >= length || (long) i * length + k >= entries) {
                        continue;
                    }
                    AuditEntry entry = copy(template.get(k), chain(i), k + 1,
                            START.plusSeconds(i * CHAIN_EVERY_SECONDS + k * ENTRY_EVERY_SECONDS), previous[i]);
                    previous[i] = entry.hash();
                    row(rows, entry);
                    written++;
                }
                if (rows.length() >= COPY_CHUNK) {
                    send(copy, rows);
                }
            }
            send(copy, rows);
            copy.endCopy();
            CopyIn heads = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY audit_chain_head (chain, sequence, hash, updated_at) FROM STDIN");
            for (int i = 0; i < chains; i++) {
                int chainLength = (int) Math.min(length, entries - (long) i * length);
                rows.append(chain(i)).append('\t').append(chainLength).append('\t').append(previous[i]).append('\t')
                        .append(START.plusSeconds(i * CHAIN_EVERY_SECONDS + (chainLength - 1) * ENTRY_EVERY_SECONDS))
                        .append('\n');
            }
            send(heads, rows);
            heads.endCopy();
            try (var statement = connection.createStatement()) {
                statement.execute("ANALYZE audit_event");
                statement.execute("ANALYZE audit_chain_head");
            }
            return new Filled(chains, written, (System.nanoTime() - started) / 1e9);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot fill the audit trail of " + name, e);
        }
    }

    static String chain(int i) {
        return "BENCH-%06d".formatted(i);
    }

    private static AuditEntry copy(AuditEntry t, String chain, long sequence, Instant occurredAt, String prevHash) {
        AuditEntry unhashed = new AuditEntry(0, chain, sequence, occurredAt, t.source(), t.application(), t.userId(),
                t.userDisplay(), t.action(), t.actionDisplay(), t.result(), t.resourceType(), t.resourceId(),
                t.resourceDisplay(), t.explanation(), t.changes(), t.traceId(), prevHash, null);
        return new AuditEntry(0, chain, sequence, occurredAt, t.source(), t.application(), t.userId(),
                t.userDisplay(), t.action(), t.actionDisplay(), t.result(), t.resourceType(), t.resourceId(),
                t.resourceDisplay(), t.explanation(), t.changes(), t.traceId(), prevHash, AuditHashes.hash(unhashed));
    }

    private static void row(StringBuilder out, AuditEntry e) {
        String[] values = {e.chain(), Long.toString(e.sequence()), e.occurredAt().toString(), e.source(),
                e.application(), e.userId(), e.userDisplay(), e.action(), e.actionDisplay(), e.result(),
                e.resourceType(), e.resourceId(), e.resourceDisplay(), e.explanation(), e.changes(), e.traceId(),
                e.prevHash(), e.hash()};
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            copyValue(out, values[i]);
        }
        out.append('\n');
    }

    /** COPY's text format: NULL is \N; backslash, tab, newline and carriage return are escaped. */
    private static void copyValue(StringBuilder out, String value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    private static void send(CopyIn copy, StringBuilder rows) throws SQLException {
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        rows.setLength(0);
    }
}
