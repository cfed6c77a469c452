package nl.doorbraak.request;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Which requests a list shows, on top of what the caller may see at all. Every part is optional;
 * {@code sort} is one of {@link #SORTS}; {@code nationalRule} is the catalogue entry the requests
 * are linked to.
 */
public record RequestFilter(String status, String kind, String focusArea, String municipality, String ministry,
                            OffsetDateTime submittedFrom, OffsetDateTime submittedTo, String text, String within,
                            String sort, String nationalRule) {

    /** The sort orders a caller may ask for, and their SQL. */
    public static final Map<String, String> SORTS = Map.of(
            "-submittedAt", "submitted_at DESC, reference DESC",
            "submittedAt", "submitted_at ASC, reference ASC",
            "reference", "reference ASC",
            "-reference", "reference DESC",
            "status", "status ASC, submitted_at DESC",
            "title", "title ASC, reference ASC");

    public static RequestFilter all() {
        return new RequestFilter(null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * Only the requests whose id the subquery selects: how another module narrows a list by its own
     * data (the decision register lists only the requests it has a decision on) without this module
     * reading its tables.
     */
    public RequestFilter within(String requestIdsSubquery) {
        return new RequestFilter(status, kind, focusArea, municipality, ministry, submittedFrom, submittedTo, text,
                requestIdsSubquery, sort, nationalRule);
    }

    /** The SQL conditions of this filter, each starting with AND; their values go into params. */
    String conditions(MapSqlParameterSource params) {
        StringBuilder sql = new StringBuilder();
        if (status != null) {
            sql.append(" AND status = :status");
            params.addValue("status", status);
        }
        if (kind != null) {
            sql.append(" AND kind = :kind");
            params.addValue("kind", kind);
        }
        if (focusArea != null) {
            sql.append(" AND focus_area_code = :focusArea");
            params.addValue("focusArea", focusArea);
        }
        if (municipality != null) {
            sql.append(" AND municipality_code = :filterMunicipality");
            params.addValue("filterMunicipality", municipality);
        }
        if (ministry != null) {
            sql.append(" AND id IN (SELECT request_id FROM request_ministry WHERE ministry_code = :filterMinistry)");
            params.addValue("filterMinistry", ministry);
        }
        if (submittedFrom != null) {
            sql.append(" AND submitted_at >= :submittedFrom");
            params.addValue("submittedFrom", submittedFrom);
        }
        if (submittedTo != null) {
            sql.append(" AND submitted_at < :submittedTo");
            params.addValue("submittedTo", submittedTo);
        }
        if (text != null) {
            sql.append(" AND LOWER(title) LIKE :text ESCAPE '\\'");
            params.addValue("text", "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        if (nationalRule != null) {
            sql.append(" AND national_rule_id = :filterNationalRule");
            params.addValue("filterNationalRule", nationalRule);
        }
        if (within != null) {
            sql.append(" AND id IN (").append(within).append(")");
        }
        return sql.toString();
    }

    String orderBy() {
        return SORTS.getOrDefault(sort == null ? "-submittedAt" : sort, SORTS.get("-submittedAt"));
    }
}
