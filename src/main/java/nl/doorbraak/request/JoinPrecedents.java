package nl.doorbraak.request;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The link of a join request to its precedent, and the rule a precedent is about, in the case file table. */
@Repository
public class JoinPrecedents {

    /** The rule a request is about as recorded (catalogue entry, name in words, article key). */
    public record RecordedRule(String nationalRuleId, String regulation, String ruleArticle) {
    }

    private final JdbcClient jdbc;

    JoinPrecedents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<RecordedRule> ruleOf(UUID requestId) {
        return jdbc.sql("SELECT national_rule_id, regulation, rule_article FROM request WHERE id = ?").param(requestId)
                .query(RecordedRule.class).optional();
    }

    void link(UUID requestId, UUID precedentId) {
        jdbc.sql("UPDATE request SET precedent_request_id = ? WHERE id = ?").params(precedentId, requestId).update();
    }

    /** The request a join request asks to join. */
    public Optional<UUID> precedentOf(UUID requestId) {
        return jdbc.sql("SELECT precedent_request_id FROM request WHERE id = ?").param(requestId)
                .query(UUID.class).list().stream().filter(java.util.Objects::nonNull).findFirst();
    }
}
