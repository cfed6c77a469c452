package nl.doorbraak.request;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The requests on one national rule, for finding recurring obstacles: the catalogue entry and
 * article key a request names, and the requests on the same entry and article that are past
 * intake (routed to a ministry) and still alive (neither withdrawn nor lapsed).
 */
@Repository
public class RequestsOnRule {

    /** The rule a request names: a catalogue entry and, when given, the article as a key ("19a en 22a"). */
    public record RuleOf(String nationalRuleId, String articleKey) {
    }

    private static final String COLUMNS = """
            id, reference, kind, municipality_code, focus_area_code, title, payload, status, urgency, contact_email,
            submitted_by, submitted_at, updated_at, closed_at, process_instance_id, version""";

    private final JdbcClient jdbc;

    RequestsOnRule(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The catalogue entry and article of the request; empty when it names no catalogue entry. */
    public Optional<RuleOf> ruleOf(UUID requestId) {
        return jdbc.sql("SELECT national_rule_id, rule_article FROM request WHERE id = ? AND national_rule_id IS NOT NULL")
                .param(requestId).query((rs, row) -> new RuleOf(rs.getString(1), rs.getString(2))).optional();
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
