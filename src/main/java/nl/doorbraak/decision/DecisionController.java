package nl.doorbraak.decision;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
            "evaluationDate", "grantedTotal", "grantedAmounts");

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
        List<Map<String, Object>> items = new ArrayList<>();
        for (RequestRecord request : requests.list(user, query.filter().within(Decisions.DECIDED_REQUESTS), query.offset(), query.pageSize())) {
            decisions.onRequest(request.id()).ifPresent(decision -> items.add(item(request, decision)));
        }
        if (csv) {
            StringBuilder body = new StringBuilder();
            Csv.appendRow(body, CSV_COLUMNS);
            for (Map<String, Object> item : items) {
                List<String> cells = new ArrayList<>();
                CSV_COLUMNS.forEach(column -> cells.add(cell(item.get(column))));
                Csv.appendRow(body, cells);
            }
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"besluiten.csv\"")
                    .header("X-Total-Count", Long.toString(total))
                    .body(body.toString());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("items", items);
        result.put("page", query.page());
        result.put("pageSize", query.pageSize());
        result.put("total", total);
        result.put("_links", query.links("/api/v1/decisions", total));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(result);
    }

    /** A cell of the published register; amounts per ministry as "ocw=2400000.00; szw=800000.00". */
    private static String cell(Object value) {
        if (value instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            map.forEach((key, amount) -> parts.add(key + "=" + amount));
            return String.join("; ", parts);
        }
        return value == null ? null : value.toString();
    }

    private Map<String, Object> item(RequestRecord request, DecisionRecord decision) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("reference", request.reference());
        item.put("kind", request.kind());
        item.put("municipality", referenceData.municipality(request.municipalityCode()).map(m -> m.name())
                .orElse(request.municipalityCode()));
        item.put("focusArea", referenceData.focusArea(request.focusAreaCode()).map(f -> f.name())
                .orElse(request.focusAreaCode()));
        item.put("title", request.title());
        item.put("outcome", Vocabulary.labelOf(DecisionOutcome.class, decision.outcome()));
        item.put("instrument", Instruments.label(decision.instrument()));
        item.put("conditions", decision.conditions());
        item.put("rationale", decision.rationale());
        item.put("decidedAt", decision.decidedAt());
        item.put("effectiveDate", decision.effectiveDate());
        item.put("evaluationDate", decision.evaluationDate());
        List<GrantedLine> lines = decisions.linesOf(decision);
        if (!lines.isEmpty()) {
            // the pooled amount per ministry, as the register keeps it (exact euros)
            Map<String, BigDecimal> granted = new LinkedHashMap<>();
            lines.forEach(line -> granted.put(line.ministryCode(), line.grantedAmount()));
            item.put("grantedAmounts", granted);
            item.put("grantedTotal", Amounts.sum(granted.values()));
        }
        return item;
    }
}
