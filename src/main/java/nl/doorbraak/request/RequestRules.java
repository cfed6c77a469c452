package nl.doorbraak.request;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The national rule a request is about as the case file holds it now: the catalogue entry (from
 * the submission, or linked at intake) and the article as a comparable key
 * ({@code NationalRules.articleKey}). Empty for a request not linked to the catalogue.
 */
@Repository
public class RequestRules {

    /** The catalogue id and article key ("19a en 22a", or null) of a request. */
    public record RequestRule(String nationalRule, String articleKey) {
    }

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
}
