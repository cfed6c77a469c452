package nl.doorbraak.request;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The national rule a request is about as the case file holds it now: the catalogue entry (from
 * the submission, or linked at intake) and the article as a comparable key
 * ({@code NationalRules.articleKey}). Empty for a request not linked to the catalogue. And the
 * requests on one rule, for finding recurring obstacles: those on the same entry and article that
 * are past intake (routed to a ministry) and still alive (neither withdrawn nor lapsed).
 */
@Repository
public class RequestRules {

    /** The catalogue id and article key ("19a en 22a", or null) of a request. */
    public record RequestRule(String nationalRule, String articleKey) {
    }

    private static final String COLUMNS = """
            id, reference, kind, municipality_code, focus_area_code, title, payload, status, urgency, contact_email,
            submitted_by, submitted_at, updated_at, closed_at, process_instance_id, version""";

    private final JdbcClient jdbc;

    RequestRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<RequestRule> of(UUID requestId) {
        return jdbc.sql("SELECT national_rule_id, rule_article FROM request WHERE id = ? AND national_rule_id IS NOT NULL")
                .param(requestId)
                .query((rs, row) -> new RequestRule(rs.getString(1), rs.getString(2)))
                .optional();
    }

    /**
     * The routed, living requests on the entry with exactly this article key (none: those that
     * name no article), oldest first.
     */
    public List<RequestRecord> routedOn(String nationalRuleId, String articleKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM request WHERE national_rule_id = :rule"
                        + (articleKey == null ? " AND rule_article IS NULL" : " AND rule_article = :article")
                        + " AND status NOT IN ('withdrawn', 'lapsed')"
                        + " AND EXISTS (SELECT 1 FROM request_ministry r WHERE r.request_id = request.id)"
                        + " ORDER BY submitted_at, reference")
                .param("rule", nationalRuleId).param("article", articleKey == null ? "" : articleKey)
                .query(RequestRecord.class).list();
    }
}
