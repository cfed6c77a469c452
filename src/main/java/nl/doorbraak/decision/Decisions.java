package nl.doorbraak.decision;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.doorbraak.request.DecisionLookup;
import nl.doorbraak.request.DecisionSummary;
import nl.doorbraak.request.RuleChangeSchema;

/** The decision register. */
@Repository
public class Decisions implements DecisionLookup {

    static final Map<String, String> OUTCOMES = Map.of(
            "granted", "Toegekend", "partly-granted", "Deels toegekend", "rejected", "Afgewezen");

    private static final String COLUMNS = """
            id, request_id, outcome, instrument, conditions, rationale, effective_date, evaluation_date, decided_by,
            decided_at, evaluation_report, evaluation_delivered_at, evaluation_conclusion, evaluation_assessed_at""";

    private final JdbcClient jdbc;

    Decisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(DecisionRecord decision) {
        jdbc.sql("""
                INSERT INTO decision (id, request_id, outcome, instrument, conditions, rationale, effective_date,
                                      evaluation_date, decided_by, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(decision.id(), decision.requestId(), decision.outcome(), decision.instrument(),
                        decision.conditions(), decision.rationale(), decision.effectiveDate(),
                        decision.evaluationDate(), decision.decidedBy(), decision.decidedAt())
                .update();
    }

    void evaluationDelivered(UUID requestId, String report, String deliveredBy) {
        jdbc.sql("""
                UPDATE decision SET evaluation_report = ?, evaluation_delivered_at = ?, evaluation_delivered_by = ?
                WHERE request_id = ?""")
                .params(report, now(), deliveredBy, requestId).update();
    }

    void evaluationAssessed(UUID requestId, String conclusion, String note, String assessedBy) {
        jdbc.sql("""
                UPDATE decision SET evaluation_conclusion = ?, evaluation_note = ?, evaluation_assessed_at = ?,
                                    evaluation_assessed_by = ?
                WHERE request_id = ?""")
                .params(conclusion, note, now(), assessedBy, requestId).update();
    }

    public Optional<DecisionRecord> onRequest(UUID requestId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM decision WHERE request_id = ?").param(requestId)
                .query(DecisionRecord.class).optional();
    }

    @Override
    public Optional<DecisionSummary> decisionOn(UUID requestId) {
        return onRequest(requestId).map(decision -> new DecisionSummary(decision.outcome(),
                OUTCOMES.getOrDefault(decision.outcome(), decision.outcome()), decision.instrument(),
                decision.instrument() == null ? null
                        : RuleChangeSchema.INSTRUMENTS.getOrDefault(decision.instrument(), decision.instrument()),
                decision.conditions(), decision.rationale(), decision.effectiveDate(), decision.evaluationDate(),
                decision.decidedAt()));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
