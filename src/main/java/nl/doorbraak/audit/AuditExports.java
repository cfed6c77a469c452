package nl.doorbraak.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import nl.doorbraak.platform.FieldError;
import nl.doorbraak.platform.InvalidInputException;
import nl.doorbraak.platform.NotFoundException;

/**
 * Exports of the audit trail, for the API and the auditor's pages: every entry of a period, or
 * the whole chain of one case, as NDJSON (what the offline verifier reads) or CSV. Each export
 * is recorded on the audit trail before a single entry leaves the application.
 */
@Component
public class AuditExports {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final MediaType NDJSON = new MediaType("application", "x-ndjson");
    private static final int CHAIN_PAGE = 1000;

    /** What to send: a file name, its type, and the entries, written when the response is streamed. */
    public record Export(String fileName, MediaType mediaType, StreamingResponseBody body) {
    }

    private final AuditQueries queries;
    private final AuditTrail audit;

    AuditExports(AuditQueries queries, AuditTrail audit) {
        this.queries = queries;
        this.audit = audit;
    }

    /**
     * The entries of [from, to] (dates: whole Dutch days; date-times: to exclusive). Refuses the
     * export with every error at once: those in the period first, then those the caller found in
     * its other parameters.
     */
    public Export period(String userId, String from, String to, boolean csv, List<FieldError> otherErrors) {
        List<FieldError> errors = new java.util.ArrayList<>();
        PeriodBound start = PeriodBound.parse("from", from, false, errors);
        PeriodBound end = PeriodBound.parse("to", to, true, errors);
        if (start != null && end != null && !end.instant().isAfter(start.instant())) {
            errors.add(new FieldError("to", "to moet na from liggen."));
        }
        errors.addAll(otherErrors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        audit.system().by(userId)
                .action("audit-trail-exported", "Audittrail geëxporteerd (" + (csv ? "CSV" : "NDJSON") + ")")
                .resource("audit-period", start.instant() + "/" + end.instant(),
                        "Periode " + start.display() + (end.date() ? " t/m " : " tot ") + end.display())
                .record();
        Instant fromInstant = start.instant();
        Instant toInstant = end.instant();
        return new Export("audit-" + start.fileName() + "-" + end.fileName() + (csv ? ".csv" : ".ndjson"),
                csv ? TEXT_CSV : NDJSON, stream(csv, each -> queries.forEachInPeriod(fromInstant, toInstant, each)));
    }

    /** Every entry of one case's chain, in chain order. */
    public Export chain(String userId, String reference, boolean csv) {
        if (AuditTrail.SYSTEM.equals(reference) || !queries.chainExists(reference)) {
            throw new NotFoundException("Van verzoek '" + reference + "' is geen audittrail bekend.");
        }
        audit.about(reference).by(userId)
                .action("audit-trail-exported", "Audittrail geëxporteerd (" + (csv ? "CSV" : "NDJSON") + ")")
                .resource("audit-trail", reference, reference)
                .record();
        return new Export("audit-trail-" + reference + (csv ? ".csv" : ".ndjson"), csv ? TEXT_CSV : NDJSON,
                stream(csv, each -> {
                    long offset = 0;
                    List<AuditEntry> page;
                    do {
                        page = queries.page(reference, offset, CHAIN_PAGE);
                        page.forEach(each);
                        offset += page.size();
                    } while (page.size() == CHAIN_PAGE);
                }));
    }

    private static StreamingResponseBody stream(boolean csv, Consumer<Consumer<AuditEntry>> entries) {
        return out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            StringBuilder row = new StringBuilder(2048);
            try {
                if (csv) {
                    AuditCsv.appendRow(row, AuditCsv.COLUMNS);
                    writer.append(row);
                }
                entries.accept(entry -> {
                    try {
                        if (csv) {
                            row.setLength(0);
                            AuditCsv.appendRow(row, AuditCsv.values(entry));
                            writer.append(row);
                        } else {
                            writer.write(entry.exportLine());
                            writer.write('\n');
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                writer.flush();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        };
    }
}
