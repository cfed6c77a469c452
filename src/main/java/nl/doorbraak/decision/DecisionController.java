package nl.doorbraak.decision;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.doorbraak.platform.Downloads;
import nl.doorbraak.platform.validation.Vocabulary;
import nl.doorbraak.platform.Csv;
import nl.doorbraak.reference.ReferenceData;
import nl.doorbraak.request.RequestListQuery;
import nl.doorbraak.request.RequestRecord;
import nl.doorbraak.request.Requests;
import nl.doorbraak.platform.validation.Amounts;
import nl.doorbraak.request.Instruments;
import nl.doorbraak.security.DoorbraakUser;

/**
 * The decision register as a list: the decisions on the requests the caller may see, with the
 * same filters as the requests. {@code format=csv} exports them without personal data (no
 * contact, no submitter, not who amended or revoked), ready to publish under the Woo: one row per
 * version of each decision, so a reader sees what was decided first, each amendment and a
 * revocation, with the version's number, its status (Geldend, Vervangen, Ingetrokken), what made
 * it, when and why. The JSON list shows each decision as it stands now, with its version and status.
 */
@RestController
@RequestMapping(path = "/api/v1/decisions")
@Tag(name = "Decisions", description = "The decision register")
class DecisionController {

    private static final List<String> CSV_COLUMNS = List.of("reference", "kind", "municipality", "focusArea",
            "title", "outcome", "instrument", "conditions", "rationale", "decidedAt", "effectiveDate",
            "evaluationDate", "grantedTotal", "grantedAmounts", "endDate", "endedAt", "version", "versionStatus",
            "change", "changedAt", "changeReason");

    private final Requests requests;
    private final Decisions decisions;
    private final RequestListQuery listQuery;
    private final ReferenceData referenceData;

    DecisionController(Requests requests, Decisions decisions, RequestListQuery listQuery,
                       ReferenceData referenceData) {
        this.requests = requests;
        this.decisions = decisions;
        this.listQuery = listQuery;
        this.referenceData = referenceData;
    }

    @GetMapping(produces = {"application/json", "text/csv"})
    @Operation(summary = "Taken decisions on the requests the caller may see; format=csv for publication (Woo)")
    ResponseEntity<?> list(@AuthenticationPrincipal DoorbraakUser user, @RequestParam Map<String, String> parameters) {
        RequestListQuery.Page query = listQuery.parse(parameters, "format");
        boolean csv = "csv".equals(parameters.get("format"));
        long total = requests.count(user, query.filter().within(Decisions.DECIDED_REQUESTS));
        List<RegisterEntry> items = new ArrayList<>();
        List<RegisterEntry> versions = new ArrayList<>();
        for (RequestRecord request : requests.list(user, query.filter().within(Decisions.DECIDED_REQUESTS), query.offset(), query.pageSize())) {
            decisions.onRequest(request.id()).ifPresent(decision -> {
                List<DecisionVersion> kept = decisions.versionsOn(request.id());
                items.add(item(request, decision, kept.isEmpty() ? null : kept.get(kept.size() - 1)));
                kept.forEach(version -> versions.add(item(request, decision, version)));
            });
        }
        if (csv) {
            StringBuilder body = new StringBuilder();
            Csv.appendRow(body, CSV_COLUMNS);
            for (RegisterEntry version : versions) {
                Csv.appendRow(body, version.cells());
            }
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment("besluiten.csv"))
                    .header("X-Total-Count", Long.toString(total))
                    .body(body.toString());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new RegisterPage(items, query.page(),
                query.pageSize(), total, query.links("/api/v1/decisions", total)));
    }

    /** A page of the decision register. */
    record RegisterPage(List<RegisterEntry> items, int page, int pageSize, long total, Map<String, String> _links) {
    }

    /**
     * One decision (a version of it, in the CSV) as the register publishes it; the CSV has the same
     * columns in this order. {@code decidedAt} is when the decision was first taken, {@code changedAt}
     * when this version was made.
     */
    record RegisterEntry(String reference, String kind, String municipality, String focusArea, String title,
                         String outcome, String instrument, String conditions, String rationale,
                         OffsetDateTime decidedAt, LocalDate effectiveDate, LocalDate evaluationDate,
                         BigDecimal grantedTotal, Map<String, BigDecimal> grantedAmounts, LocalDate endDate,
                         OffsetDateTime endedAt, Integer version, String versionStatus, String change,
                         OffsetDateTime changedAt, String changeReason) {

        /** The CSV row; amounts per ministry as "ocw=2400000.00; szw=800000.00". */
        List<String> cells() {
            // Arrays.asList keeps the nulls of what a decision does not have
            return java.util.Arrays.asList(reference, kind, municipality, focusArea, title, outcome, instrument,
                    conditions, rationale, decidedAt, effectiveDate, evaluationDate, grantedTotal, grantedAmounts,
                    endDate, endedAt, version, versionStatus, change, changedAt, changeReason)
                    .stream().map(RegisterEntry::cell).toList();
        }

        private static String cell(Object value) {
            if (value instanceof Map<?, ?> map) {
                List<String> parts = new ArrayList<>();
                map.forEach((key, amount) -> parts.add(key + "=" + amount));
                return String.join("; ", parts);
            }
            return value == null ? null : value.toString();
        }
    }

    /** The decision as this version has it; without a kept version (none yet), the register's row. */
    private RegisterEntry item(RequestRecord request, DecisionRecord decision, DecisionVersion version) {
        List<GrantedLine> lines = version == null ? decisions.linesOf(decision) : version.grantedLines();
        // the pooled amount per ministry, as the register keeps it (exact euros)
        Map<String, BigDecimal> granted = new LinkedHashMap<>();
        lines.forEach(line -> granted.put(line.ministryCode(), line.grantedAmount()));
        String outcome = version == null ? decision.outcome() : version.outcome();
        String instrument = version == null ? decision.instrument() : version.instrument();
        return new RegisterEntry(request.reference(), request.kind(),
                referenceData.municipality(request.municipalityCode()).map(m -> m.name()).orElse(request.municipalityCode()),
                referenceData.focusArea(request.focusAreaCode()).map(f -> f.name()).orElse(request.focusAreaCode()),
                request.title(), Vocabulary.labelOf(DecisionOutcome.class, outcome), Instruments.label(instrument),
                version == null ? decision.conditions() : version.conditions(),
                version == null ? decision.rationale() : version.rationale(), decision.decidedAt(),
                version == null ? decision.effectiveDate() : version.effectiveDate(),
                version == null ? decision.evaluationDate() : version.evaluationDate(),
                lines.isEmpty() ? null : Amounts.sum(granted.values()), lines.isEmpty() ? null : granted,
                decision.endDate(), decision.endedAt(), version == null ? null : version.version(),
                version == null ? null : version.status(),
                version == null ? null : version.changeLabel(), version == null ? null : version.changedAt(),
                version == null ? null : version.reason());
    }
}
