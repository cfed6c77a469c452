package nl.doorbraak.audit;

import java.util.ArrayList;
import java.util.List;

import nl.doorbraak.platform.Csv;

/**
 * Audit entries as CSV (RFC 4180): one column per entry field plus the Dutch sentence. A cell
 * that a spreadsheet would read as a formula gets a leading apostrophe.
 */
final class AuditCsv {

    static final List<String> COLUMNS = List.of("chain", "sequence", "occurredAt", "source", "application", "userId",
            "userDisplay", "action", "actionDisplay", "result", "resourceType", "resourceId", "resourceDisplay",
            "explanation", "changes", "traceId", "prevHash", "hash", "sentence");

    private AuditCsv() {
    }

    /** The entry's values in the order of {@link #COLUMNS}. */
    static List<String> values(AuditEntry entry) {
        List<String> values = new ArrayList<>(COLUMNS.size());
        values.add(entry.chain());
        values.add(Long.toString(entry.sequence()));
        values.add(entry.occurredAt() == null ? null : AuditHashes.timestamp(entry.occurredAt()));
        values.add(entry.source());
        values.add(entry.application());
        values.add(entry.userId());
        values.add(entry.userDisplay());
        values.add(entry.action());
        values.add(entry.actionDisplay());
        values.add(entry.result());
        values.add(entry.resourceType());
        values.add(entry.resourceId());
        values.add(entry.resourceDisplay());
        values.add(entry.explanation());
        values.add(entry.changes());
        values.add(entry.traceId());
        values.add(entry.prevHash());
        values.add(entry.hash());
        values.add(AuditSentences.of(entry));
        return values;
    }

    /** One CSV record (RFC 4180, CRLF) whose cells no spreadsheet runs as a formula. */
    static void appendRow(StringBuilder out, List<String> cells) {
        Csv.appendRow(out, cells);
    }
}
