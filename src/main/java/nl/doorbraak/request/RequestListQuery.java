package nl.doorbraak.request;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

import nl.doorbraak.platform.validation.Values;
import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.platform.validation.Vocabulary;
import nl.doorbraak.platform.validation.InputSchema;
import nl.doorbraak.catalogue.NationalRules;
import nl.doorbraak.reference.ReferenceData;

/**
 * The query parameters of a list of requests (or decisions), checked like any other input:
 * every error at once, unknown parameters refused. Dates are whole days in Dutch time.
 */
@Component
public class RequestListQuery {

    /** A checked query: the filter, the page, and the parameters to repeat in paging links. */
    public record Page(RequestFilter filter, int page, int pageSize, Map<String, String> parameters) {

        public long offset() {
            return (long) (page - 1) * pageSize;
        }

        /** A link to another page of the same list. */
        public String link(String path, int otherPage) {
            StringJoiner query = new StringJoiner("&", path + "?", "");
            parameters.forEach((key, value) -> query.add(key + "=" + UriUtils.encodeQueryParam(value, "UTF-8")));
            query.add("page=" + otherPage);
            query.add("pageSize=" + pageSize);
            return query.toString();
        }

        /** self, and prev/next where they exist. */
        public Map<String, String> links(String path, long total) {
            Map<String, String> links = new LinkedHashMap<>();
            links.put("self", link(path, page));
            if (page > 1) {
                links.put("prev", link(path, page - 1));
            }
            if ((long) page * pageSize < total) {
                links.put("next", link(path, page + 1));
            }
            return links;
        }
    }

    private final ReferenceData referenceData;
    private final NationalRules nationalRules;

    RequestListQuery(ReferenceData referenceData, NationalRules nationalRules) {
        this.referenceData = referenceData;
        this.nationalRules = nationalRules;
    }

    /** Checks the parameters; extra keys the caller may pass besides the filter are allowed ones. */
    public Page parse(Map<String, String> parameters, String... otherAllowed) {
        InputSchema.Builder schema = InputSchema.builder()
                .integer("page", "page", false, 1, 1_000_000)
                .integer("pageSize", "pageSize", false, 1, 100)
                .choice("status", "status", false, RequestListQuery::statuses)
                .choice("kind", "kind", false, () -> java.util.Arrays.stream(RequestKind.values()).collect(
                        java.util.stream.Collectors.toMap(RequestKind::code, RequestKind::label)))
                .choice("focusArea", "focusArea", false, () -> codes(referenceData.focusAreas().stream()
                        .map(area -> area.code()).toList()))
                .choice("municipality", "municipality", false, () -> codes(referenceData.municipalities().stream()
                        .map(municipality -> municipality.code()).toList()))
                .choice("ministry", "ministry", false, () -> codes(referenceData.ministries().stream()
                        .map(ministry -> ministry.code()).toList()))
                .choice("nationalRule", "nationalRule", false, nationalRules::choices)
                .date("submittedFrom", "submittedFrom", false)
                .date("submittedTo", "submittedTo", false)
                .text("q", "q", false, 200)
                .choice("sort", "sort", false, () -> codes(RequestFilter.SORTS.keySet().stream().sorted().toList()));
        for (String other : otherAllowed) {
            schema.text(other, other, false, 50);
        }
        Values values = schema.check(RequestListQuery::fromNotAfterTo).build().validateQuery(parameters);

        Map<String, String> repeated = new LinkedHashMap<>();
        parameters.forEach((key, value) -> {
            if (!key.equals("page") && !key.equals("pageSize") && values.has(key)) {
                repeated.put(key, value);
            }
        });
        LocalDate from = (LocalDate) values.get("submittedFrom");
        LocalDate to = (LocalDate) values.get("submittedTo");
        RequestFilter filter = new RequestFilter((String) values.get("status"), (String) values.get("kind"),
                (String) values.get("focusArea"), (String) values.get("municipality"), (String) values.get("ministry"),
                from == null ? null : from.atStartOfDay(CaseClock.DUTCH_TIME).toOffsetDateTime(),
                to == null ? null : to.plusDays(1).atStartOfDay(CaseClock.DUTCH_TIME).toOffsetDateTime(),
                (String) values.get("q"), null, (String) values.get("sort"), (String) values.get("nationalRule"));
        int page = values.get("page") == null ? 1 : ((Long) values.get("page")).intValue();
        int pageSize = values.get("pageSize") == null ? 20 : ((Long) values.get("pageSize")).intValue();
        return new Page(filter, page, pageSize, repeated);
    }

    private static java.util.Optional<nl.doorbraak.platform.validation.FieldError> fromNotAfterTo(Values values) {
        if (values.get("submittedFrom") instanceof LocalDate from && values.get("submittedTo") instanceof LocalDate to
                && from.isAfter(to)) {
            return java.util.Optional.of(new nl.doorbraak.platform.validation.FieldError("submittedTo",
                    "submittedTo mag niet voor submittedFrom liggen."));
        }
        return java.util.Optional.empty();
    }

    /** The statuses a list may be filtered on, with their Dutch labels, in the order a case passes them. */
    public static Map<String, String> statuses() {
        return Vocabulary.labels(RequestStatus.class);
    }

    private static Map<String, String> codes(java.util.List<String> codes) {
        Map<String, String> map = new LinkedHashMap<>();
        codes.forEach(code -> map.put(code, code));
        return map;
    }
}
