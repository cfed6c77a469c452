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

import nl.doorbraak.platform.validation.FieldError;
import nl.doorbraak.platform.validation.InvalidInputException;
import nl.doorbraak.platform.NotFoundException;

/**
 * Exports of the audit trail, for the API and the auditor's pages: every entry of a period, or
 * the whole chain of one case, as NDJSON (what the offline verifier reads) or CSV. Each export
 * is recorded on the audit trail before a single entry leaves the application.
 */
@Component
public class AuditExports {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final MediaType NDJSON_TYPE = new MediaType("application", "x-ndjson");
    private static final int CHAIN_PAGE = 1000;

    /** The forms an export takes: lines for the offline verifier, a table, or one JSON array. */
    public enum Format {
        NDJSON("NDJSON", ".ndjson"), CSV("CSV", ".csv"), JSON("JSON", ".json");

        private final String display;
        private final String extension;

        Format(String display, String extension) {
            this.display = display;
            this.extension = extension;
        }

        /** The format a page or client asked for by name ({@code ndjson}, {@code csv}, {@code json}). */
        public static Format named(String name) {
            for (Format format : values()) {
                if (format.name().equalsIgnoreCase(name)) {
                    return format;
                }
            }
            throw new InvalidInputException(List.of(new FieldError("formaat",
                    "Onbekend formaat '" + name + "'. Kies uit: ndjson, csv, json.")));
        }

        MediaType mediaType() {
            return switch (this) {
                case NDJSON -> NDJSON_TYPE;
                case CSV -> TEXT_CSV;
                case JSON -> MediaType.APPLICATION_JSON;
            };
        }
    }

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
                .action(AuditAction.AUDIT_TRAIL_EXPORTED, "Audittrail geëxporteerd (" + (csv ? "CSV" : "NDJSON") + ")")
                .resource("audit-period", start.instant() + "/" + end.instant(),
                        "Periode " + start.display() + (end.date() ? " t/m " : " tot ") + end.display())
                .record();
        Instant fromInstant = start.instant();
        Instant toInstant = end.instant();
        return new Export("audit-" + start.fileName() + "-" + end.fileName() + (csv ? ".csv" : ".ndjson"),
                csv ? TEXT_CSV : NDJSON_TYPE, stream(csv ? Format.CSV : Format.NDJSON,
                each -> queries.forEachInPeriod(fromInstant, toInstant, each)));
    }

    /** Every entry of one case's chain, in chain order. */
    public Export chain(String userId, String reference, boolean csv) {
        return chain(userId, reference, csv ? Format.CSV : Format.NDJSON);
    }

    /** Every entry of one case's chain, in chain order, in the given format. */
    public Export chain(String userId, String reference, Format format) {
        if (AuditTrail.SYSTEM.equals(reference) || !queries.chainExists(reference)) {
            throw new NotFoundException("Van verzoek '" + reference + "' is geen audittrail bekend.");
        }
        audit.about(reference).by(userId)
                .action(AuditAction.AUDIT_TRAIL_EXPORTED, "Audittrail geëxporteerd (" + format.display + ")")
                .resource("audit-trail", reference, reference)
                .record();
        return new Export("audit-trail-" + reference + format.extension, format.mediaType(),
                stream(format, each -> {
                    long offset = 0;
                    List<AuditEntry> page;
                    do {
                        page = queries.page(reference, offset, CHAIN_PAGE);
                        page.forEach(each);
                        offset += page.size();
                    } while (page.size() == CHAIN_PAGE);
                }));
    }

    private static StreamingResponseBody stream(Format format, Consumer<Consumer<AuditEntry>> entries) {
        return out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            StringBuilder row = new StringBuilder(2048);
            EntryText text = new EntryText();
            boolean[] first = {true};
            try {
                if (format == Format.CSV) {
                    AuditCsv.appendRow(row, AuditCsv.COLUMNS);
                    writer.append(row);
                } else if (format == Format.JSON) {
                    writer.write('[');
                }
                entries.accept(entry -> {
                    try {
                        switch (format) {
                            case CSV -> {
                                row.setLength(0);
                                AuditCsv.appendRow(row, AuditCsv.values(entry));
                                writer.append(row);
                            }
                            case JSON -> {
                                row.setLength(0);
                                row.append(first[0] ? "\n" : ",\n");
                                text.appendExportLine(entry, row);
                                writer.append(row);
                            }
                            case NDJSON -> {
                                row.setLength(0);
                                text.appendExportLine(entry, row);
                                writer.append(row.append('\n'));
                            }
                        }
                        first[0] = false;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                if (format == Format.JSON) {
                    writer.write("\n]\n");
                }
                writer.flush();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        };
    }
}
