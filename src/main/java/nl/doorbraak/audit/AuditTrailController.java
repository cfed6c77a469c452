package nl.doorbraak.audit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.AsyncWebRequest;
import org.springframework.web.context.request.async.WebAsyncUtils;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.util.UriUtils;

import nl.doorbraak.platform.Downloads;
import nl.doorbraak.platform.validation.FieldError;
import nl.doorbraak.platform.validation.InvalidInputException;
import nl.doorbraak.security.DoorbraakUser;

/**
 * The audit trail for auditors and the programme office: one case's trail page by page (JSON
 * or CSV), and every entry of a period streamed as NDJSON (the export the offline verifier
 * reads) or CSV. Every read and every export is itself put on the audit trail, before the
 * entries leave the application.
 */
@RestController
@Tag(name = "Audit trail", description = "Who did what, when, with which result and why (auditors, programme office)")
class AuditTrailController {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 500;
    static final int MAX_PAGE = 1_000_000;
    /** An export may take long; the servlet container's default async timeout (30 s) would cut it off. */
    static final Duration EXPORT_TIMEOUT = Duration.ofHours(4);
    static final MediaType TEXT_CSV = AuditExports.TEXT_CSV;
    static final MediaType NDJSON = AuditExports.NDJSON_TYPE;

    /** The columns of the CSV, and the members of a JSON item, in this order. */

    private final AuditedReads reads;
    private final AuditExports exports;

    AuditTrailController(AuditedReads reads, AuditExports exports) {
        this.reads = reads;
        this.exports = exports;
    }

    /** A page of a case's audit trail: each entry by the CSV's columns. */
    record TrailPage(List<Map<String, Object>> items, int page, int pageSize, long total, Map<String, String> _links) {
    }

    @GetMapping("/api/v1/requests/{reference}/audit-trail")
    @Operation(summary = "The audit trail of one request, in chain order (auditors, programme office)",
            description = "JSON with paging links, or CSV with Accept: text/csv or format=csv (the same page). "
                    + "Every entry also comes as one Dutch sentence. The read is itself recorded on the trail.")
    ResponseEntity<?> trail(@AuthenticationPrincipal DoorbraakUser user, @PathVariable String reference,
                            @Parameter(description = "From 1") @RequestParam(required = false) String page,
                            @Parameter(description = "1 to 500, default 50") @RequestParam(required = false)
                            String pageSize,
                            @Parameter(description = "json or csv; without it the Accept header decides")
                            @RequestParam(required = false) String format,
                            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept)
            throws HttpMediaTypeNotAcceptableException {
        AuditedReads.requireReader(user);
        List<FieldError> errors = new ArrayList<>();
        int requestedPage = wholeNumber("page", page, 1, MAX_PAGE, 1, errors);
        int size = wholeNumber("pageSize", pageSize, 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE, errors);
        boolean csv = csv(format, accept, "json", MediaType.APPLICATION_JSON, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        AuditedReads.TrailPage trail = reads.readTrail(user, reference, requestedPage, size);
        int pageNumber = trail.page();
        long total = trail.total();
        List<AuditEntry> entries = trail.entries();

        Map<String, String> links = links(reference, pageNumber, size, total);
        if (csv) {
            StringBuilder body = new StringBuilder();
            AuditCsv.appendRow(body, AuditCsv.COLUMNS);
            entries.forEach(entry -> AuditCsv.appendRow(body, AuditCsv.values(entry)));
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(TEXT_CSV);
            headers.set(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment("audit-trail-" + reference + "-" + pageNumber + ".csv"));
            headers.set("X-Total-Count", Long.toString(total));
            List<String> linkHeader = new ArrayList<>();
            links.forEach((rel, href) -> linkHeader.add("<" + href + "&format=csv>; rel=\"" + rel + "\""));
            headers.set(HttpHeaders.LINK, String.join(", ", linkHeader));
            return ResponseEntity.ok().headers(headers).body(body.toString());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new TrailPage(
                entries.stream().map(AuditTrailController::item).toList(), pageNumber, size, total, links));
    }

    @GetMapping("/api/v1/audit/export")
    @Operation(summary = "Every audit entry of a period, streamed (auditors, programme office)",
            description = "NDJSON (one canonical JSON entry with its hashes per line, what the offline verifier "
                    + "reads) or CSV. from and to are dates (from inclusive, to inclusive: whole days in Dutch "
                    + "time) or date-times (from inclusive, to exclusive). The export is recorded on the "
                    + "system chain.")
    ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal DoorbraakUser user,
                                                 @Parameter(description = "2026-01-01 or 2026-01-01T00:00:00+01:00")
                                                 @RequestParam(required = false) String from,
                                                 @Parameter(description = "2026-12-31 or 2027-01-01T00:00:00+01:00")
                                                 @RequestParam(required = false) String to,
                                                 @Parameter(description = "ndjson (default) or csv")
                                                 @RequestParam(required = false) String format,
                                                 @RequestHeader(name = HttpHeaders.ACCEPT, required = false)
                                                 String accept,
                                                 HttpServletRequest request)
            throws HttpMediaTypeNotAcceptableException {
        AuditedReads.requireReader(user);
        List<FieldError> errors = new ArrayList<>();
        boolean csv = csv(format, accept, "ndjson", NDJSON, errors);
        AuditExports.Export export = exports.period(user.id(), from, to, csv, errors);

        AsyncWebRequest asyncRequest = WebAsyncUtils.getAsyncManager(request).getAsyncWebRequest();
        if (asyncRequest != null) {
            asyncRequest.setTimeout(EXPORT_TIMEOUT.toMillis());
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(export.mediaType());
        headers.set(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(export.fileName()));
        return ResponseEntity.ok().headers(headers).body(export.body());
    }

    // ------------------------------------------------------------------ input

    private static int wholeNumber(String field, String text, int min, int max, int absent, List<FieldError> errors) {
        if (text == null) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(field, field + " moet een geheel getal van " + min + " tot en met " + max + " zijn."));
        return absent;
    }

    /**
     * Whether CSV is asked for: by the format parameter, which overrides the Accept header, else
     * by an Accept header that prefers text/csv to the other format; an Accept header that takes
     * neither is answered with 406.
     */
    private static boolean csv(String format, String accept, String otherFormat, MediaType otherType,
                               List<FieldError> errors) throws HttpMediaTypeNotAcceptableException {
        if (format != null) {
            String chosen = format.strip().toLowerCase(Locale.ROOT);
            if (chosen.equals("csv")) {
                return true;
            }
            if (!chosen.equals(otherFormat)) {
                errors.add(new FieldError("format", "format moet " + otherFormat + " of csv zijn."));
            }
            return false;
        }
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotAcceptableException(List.of(otherType, TEXT_CSV));
        }
        Preference csv = Preference.of(accepted, TEXT_CSV);
        Preference other = Preference.of(accepted, otherType);
        if (csv.quality() <= 0 && other.quality() <= 0) {
            throw new HttpMediaTypeNotAcceptableException(List.of(otherType, TEXT_CSV));
        }
        return csv.quality() > other.quality()
                || (csv.quality() == other.quality() && csv.specificity() > other.specificity());
    }

    /** How much a client wants a media type: the quality of the most specific range that includes it. */
    private record Preference(double quality, int specificity) {

        static Preference of(List<MediaType> accepted, MediaType offered) {
            Preference best = new Preference(0, -1);
            for (MediaType range : accepted) {
                int specificity = range.isWildcardType() ? 0 : range.isWildcardSubtype() ? 1 : 2;
                if (range.includes(offered) && specificity > best.specificity()) {
                    best = new Preference(range.getQualityValue(), specificity);
                }
            }
            return best;
        }
    }

    // ------------------------------------------------------------------ output

    private static Map<String, String> links(String reference, int page, int pageSize, long total) {
        String base = "/api/v1/requests/" + UriUtils.encodePathSegment(reference, StandardCharsets.UTF_8)
                + "/audit-trail?page=";
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", base + page + "&pageSize=" + pageSize);
        if (page > 1) {
            links.put("prev", base + (page - 1) + "&pageSize=" + pageSize);
        }
        if ((long) page * pageSize < total) {
            links.put("next", base + (page + 1) + "&pageSize=" + pageSize);
        }
        return links;
    }

    private static Map<String, Object> item(AuditEntry entry) {
        List<String> values = AuditCsv.values(entry);
        Map<String, Object> item = new LinkedHashMap<>();
        for (int i = 0; i < AuditCsv.COLUMNS.size(); i++) {
            String column = AuditCsv.COLUMNS.get(i);
            item.put(column, column.equals("sequence") ? (Object) entry.sequence() : values.get(i));
        }
        return item;
    }
}
