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
 * contact, no submitter), ready to publish under the Woo.
 */
@RestController
@RequestMapping(path = "/api/v1/decisions")
@Tag(name = "Decisions", description = "The decision register")
class DecisionController {

    private static final List<String> CSV_COLUMNS = List.of("reference", "kind", "municipality", "focusArea",
            "title", "outcome", "instrument", "conditions", "rationale", "decidedAt", "effectiveDate",
            "evaluationDate", "grantedTotal", "grantedAmounts", "endDate", "endedAt");

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
        for (RequestRecord request : requests.list(user, query.filter().within(Decisions.DECIDED_REQUESTS), query.offset(), query.pageSize())) {
            decisions.onRequest(request.id()).ifPresent(decision -> items.add(item(request, decision)));
        }
        if (csv) {
            StringBuilder body = new StringBuilder();
            Csv.appendRow(body, CSV_COLUMNS);
            for (RegisterEntry item : items) {
                Csv.appendRow(body, item.cells());
            }
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"besluiten.csv\"")
                    .header("X-Total-Count", Long.toString(total))
                    .body(body.toString());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new RegisterPage(items, query.page(),
                query.pageSize(), total, query.links("/api/v1/decisions", total)));
    }

    /** A page of the decision register. */
    record RegisterPage(List<RegisterEntry> items, int page, int pageSize, long total, Map<String, String> _links) {
    }

    /** One decision as the register publishes it; the CSV has the same columns in this order. */
    record RegisterEntry(String reference, String kind, String municipality, String focusArea, String title,
                         String outcome, String instrument, String conditions, String rationale,
                         OffsetDateTime decidedAt, LocalDate effectiveDate, LocalDate evaluationDate,
                         BigDecimal grantedTotal, Map<String, BigDecimal> grantedAmounts, LocalDate endDate,
                         OffsetDateTime endedAt) {

        /** The CSV row; amounts per ministry as "ocw=2400000.00; szw=800000.00". */
        List<String> cells() {
            // Arrays.asList keeps the nulls of what a decision does not have
            return java.util.Arrays.asList(reference, kind, municipality, focusArea, title, outcome, instrument,
                    conditions, rationale, decidedAt, effectiveDate, evaluationDate, grantedTotal, grantedAmounts,
                    endDate, endedAt)
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

    private RegisterEntry item(RequestRecord request, DecisionRecord decision) {
        List<GrantedLine> lines = decisions.linesOf(decision);
        // the pooled amount per ministry, as the register keeps it (exact euros)
        Map<String, BigDecimal> granted = new LinkedHashMap<>();
        lines.forEach(line -> granted.put(line.ministryCode(), line.grantedAmount()));
        return new RegisterEntry(request.reference(), request.kind(),
                referenceData.municipality(request.municipalityCode()).map(m -> m.name()).orElse(request.municipalityCode()),
                referenceData.focusArea(request.focusAreaCode()).map(f -> f.name()).orElse(request.focusAreaCode()),
                request.title(), Vocabulary.labelOf(DecisionOutcome.class, decision.outcome()),
                Instruments.label(decision.instrument()), decision.conditions(), decision.rationale(),
                decision.decidedAt(), decision.effectiveDate(), decision.evaluationDate(),
                lines.isEmpty() ? null : Amounts.sum(granted.values()), lines.isEmpty() ? null : granted,
                decision.endDate(), decision.endedAt());
    }
}
