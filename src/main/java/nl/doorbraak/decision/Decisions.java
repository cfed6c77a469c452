package nl.doorbraak.decision;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.doorbraak.platform.validation.Vocabulary;
import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.request.BudgetLine;
import nl.doorbraak.request.BudgetLines;
import nl.doorbraak.request.Instruments;

/** The decision register. */
@Repository
public class Decisions {

    private static final String COLUMNS = """
            id, request_id, outcome, instrument, conditions, rationale, effective_date, evaluation_date, decided_by,
            decided_at, evaluation_report, evaluation_delivered_at, evaluation_conclusion, evaluation_assessed_at,
            co_sign_outcome, co_sign_note, co_signed_by, co_signed_at, end_date, ended_at, end_reason""";

    /** The requests that have a decision, as a subquery for a list of requests ({@code RequestFilter.within}). */
    public static final String DECIDED_REQUESTS = "SELECT request_id FROM decision";

    private final JdbcClient jdbc;
    private final BudgetLines budgetLines;

    Decisions(JdbcClient jdbc, BudgetLines budgetLines) {
        this.jdbc = jdbc;
        this.budgetLines = budgetLines;
    }

    void insert(DecisionRecord decision) {
        jdbc.sql("""
                INSERT INTO decision (id, request_id, outcome, instrument, conditions, rationale, effective_date,
                                      evaluation_date, decided_by, decided_at, co_sign_outcome, co_sign_note,
                                      co_signed_by, co_signed_at, end_date)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(decision.id(), decision.requestId(), decision.outcome(), decision.instrument(),
                        decision.conditions(), decision.rationale(), decision.effectiveDate(),
                        decision.evaluationDate(), decision.decidedBy(), decision.decidedAt(), decision.coSignOutcome(),
                        decision.coSignNote(), decision.coSignedBy(), decision.coSignedAt(), decision.endDate())
                .update();
    }

    void insertLines(UUID decisionId, List<GrantedLine> lines) {
        for (GrantedLine line : lines) {
            jdbc.sql("""
                    INSERT INTO decision_budget_line (decision_id, ministry_code, regulation_code, requested_amount,
                                                      granted_amount)
                    VALUES (?, ?, ?, ?, ?)""")
                    .params(decisionId, line.ministryCode(), line.regulationCode(), line.requestedAmount(),
                            line.grantedAmount())
                    .update();
        }
    }

    /** What was granted per budget line, in the order of the request's lines; empty for a rule change. */
    public List<GrantedLine> linesOf(DecisionRecord decision) {
        List<String> order = budgetLines.of(decision.requestId()).stream().map(BudgetLine::ministryCode).toList();
        return jdbc.sql("""
                SELECT ministry_code, regulation_code, requested_amount, granted_amount
                FROM decision_budget_line WHERE decision_id = ?""")
                .param(decision.id()).query(GrantedLine.class).list().stream()
                .sorted(java.util.Comparator.comparingInt(line -> order.indexOf(line.ministryCode())))
                .toList();
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

    /**
     * An evaluation continued the term: the new end date and the next evaluation date, and the
     * change as a row of its own in decision_term_change (the decision row keeps only the current term).
     */
    void extendTerm(DecisionRecord decision, java.time.LocalDate newEnd, java.time.LocalDate nextEvaluation,
                    String note, String by) {
        jdbc.sql("UPDATE decision SET end_date = ?, evaluation_date = ? WHERE id = ?")
                .params(newEnd, nextEvaluation, decision.id()).update();
        termChanged(decision, "extended", newEnd, nextEvaluation, note, by);
    }

    /** The term ended: at its end date ({@code end-date}) or because an evaluation stopped it ({@code stopped}). */
    void endTerm(DecisionRecord decision, String reason, String note, String by) {
        jdbc.sql("UPDATE decision SET ended_at = ?, end_reason = ? WHERE id = ?")
                .params(now(), reason, decision.id()).update();
        termChanged(decision, reason, decision.endDate(), null, note, by);
    }

    private void termChanged(DecisionRecord decision, String effect, java.time.LocalDate newEnd,
                             java.time.LocalDate nextEvaluation, String note, String by) {
        jdbc.sql("""
                INSERT INTO decision_term_change (id, decision_id, effect, old_end_date, new_end_date,
                                                  next_evaluation_date, note, changed_by, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), decision.id(), effect, decision.endDate(), newEnd, nextEvaluation, note,
                        by, now())
                .update();
    }

    public Optional<DecisionRecord> onRequest(UUID requestId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM decision WHERE request_id = ?").param(requestId)
                .query(DecisionRecord.class).optional();
    }

    /** The decisions that granted one of these instruments, in full or in part, newest first. */
    public List<DecisionRecord> granted(java.util.Collection<String> instruments) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM decision WHERE outcome IN ('granted', 'partly-granted') "
                        + "AND instrument IN (:instruments) ORDER BY decided_at DESC")
                .param("instruments", List.copyOf(instruments)).query(DecisionRecord.class).list();
    }

    public Optional<DecisionSummary> decisionOn(UUID requestId) {
        return onRequest(requestId).map(decision -> new DecisionSummary(decision.outcome(),
                Vocabulary.labelOf(DecisionOutcome.class, decision.outcome()), decision.instrument(),
                Instruments.label(decision.instrument()),
                decision.conditions(), decision.rationale(), decision.effectiveDate(), decision.evaluationDate(),
                decision.decidedAt(), linesOf(decision), decision.coSignOutcome(), decision.coSignNote(),
                decision.endDate(), decision.endedAt()));
    }

    private static OffsetDateTime now() {
        return CaseClock.now();
    }
}
