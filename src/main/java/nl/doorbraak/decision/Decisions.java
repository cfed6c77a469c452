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
        // a revoked decision grants nothing any more
        return jdbc.sql("SELECT " + COLUMNS + " FROM decision WHERE outcome IN ('granted', 'partly-granted') "
                        + "AND instrument IN (:instruments) AND revoked_at IS NULL ORDER BY decided_at DESC")
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

    /** Where a decision stands: its version now, and when it was revoked (null while it holds). */
    record State(UUID id, int version, OffsetDateTime revokedAt) {
    }

    Optional<State> stateOn(UUID requestId) {
        return jdbc.sql("SELECT id, version, revoked_at FROM decision WHERE request_id = ?").param(requestId)
                .query(State.class).optional();
    }

    /** Keeps a version of the decision: the whole decision as it stands from this version on. */
    void insertVersion(DecisionRecord decision, int version, DecisionChange change, List<GrantedLine> lines,
                       String changedBy, OffsetDateTime changedAt, String reason) {
        jdbc.sql("""
                INSERT INTO decision_version (decision_id, version, change_kind, outcome, instrument, conditions,
                                              rationale, effective_date, evaluation_date, changed_by, changed_at, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(decision.id(), version, change.code(), decision.outcome(), decision.instrument(),
                        decision.conditions(), decision.rationale(), decision.effectiveDate(),
                        decision.evaluationDate(), changedBy, changedAt, reason)
                .update();
        for (GrantedLine line : lines) {
            jdbc.sql("""
                    INSERT INTO decision_version_budget_line (decision_id, version, ministry_code, regulation_code,
                                                              requested_amount, granted_amount)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(decision.id(), version, line.ministryCode(), line.regulationCode(),
                            line.requestedAmount(), line.grantedAmount())
                    .update();
        }
    }

    /**
     * The amended decision replaces the current one, if that is still the version the director
     * amended; false when a colleague changed or revoked it in between.
     */
    boolean amend(DecisionRecord amended, int expectedVersion, List<GrantedLine> lines) {
        int changed = jdbc.sql("""
                UPDATE decision SET outcome = ?, instrument = ?, conditions = ?, rationale = ?, effective_date = ?,
                                    evaluation_date = ?, version = version + 1
                WHERE id = ? AND version = ? AND revoked_at IS NULL""")
                .params(amended.outcome(), amended.instrument(), amended.conditions(), amended.rationale(),
                        amended.effectiveDate(), amended.evaluationDate(), amended.id(), expectedVersion)
                .update();
        if (changed == 1) {
            jdbc.sql("DELETE FROM decision_budget_line WHERE decision_id = ?").param(amended.id()).update();
            insertLines(amended.id(), lines);
        }
        return changed == 1;
    }

    /** Revokes the decision at this version; false when a colleague changed or revoked it in between. */
    boolean revoke(UUID decisionId, int expectedVersion, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE decision SET revoked_at = ?, version = version + 1
                WHERE id = ? AND version = ? AND revoked_at IS NULL""")
                .params(at, decisionId, expectedVersion).update() == 1;
    }

    /** Every version of the decision on a request, oldest first; empty before the decision. */
    public List<DecisionVersion> versionsOn(UUID requestId) {
        Optional<State> state = stateOn(requestId);
        if (state.isEmpty()) {
            return List.of();
        }
        UUID decisionId = state.get().id();
        int current = state.get().version();
        List<String> order = budgetLines.of(requestId).stream().map(BudgetLine::ministryCode).toList();
        return jdbc.sql("""
                SELECT version, change_kind, outcome, instrument, conditions, rationale, effective_date, evaluation_date,
                       changed_by, changed_at, reason
                FROM decision_version WHERE decision_id = ? ORDER BY version""")
                .param(decisionId)
                .query((rs, row) -> {
                    int version = rs.getInt("version");
                    String change = rs.getString("change_kind");
                    String outcome = rs.getString("outcome");
                    String instrument = rs.getString("instrument");
                    String status = version < current ? DecisionVersion.SUPERSEDED
                            : DecisionChange.REVOKED.is(change) ? DecisionVersion.REVOKED : DecisionVersion.IN_FORCE;
                    return new DecisionVersion(version, change, Vocabulary.labelOf(DecisionChange.class, change), status,
                            outcome, Vocabulary.labelOf(DecisionOutcome.class, outcome), instrument,
                            instrument == null ? null : Instruments.label(instrument), rs.getString("conditions"),
                            rs.getString("rationale"), rs.getObject("effective_date", java.time.LocalDate.class),
                            rs.getObject("evaluation_date", java.time.LocalDate.class), null,
                            rs.getString("changed_by"), rs.getObject("changed_at", OffsetDateTime.class),
                            rs.getString("reason"));
                })
                .list().stream()
                .map(version -> new DecisionVersion(version.version(), version.change(), version.changeLabel(),
                        version.status(), version.outcome(), version.outcomeLabel(), version.instrument(),
                        version.instrumentLabel(), version.conditions(), version.rationale(), version.effectiveDate(),
                        version.evaluationDate(), versionLines(decisionId, version.version(), order),
                        version.changedBy(), version.changedAt(), version.reason()))
                .toList();
    }

    private List<GrantedLine> versionLines(UUID decisionId, int version, List<String> order) {
        return jdbc.sql("""
                SELECT ministry_code, regulation_code, requested_amount, granted_amount
                FROM decision_version_budget_line WHERE decision_id = ? AND version = ?""")
                .params(decisionId, version).query(GrantedLine.class).list().stream()
                .sorted(java.util.Comparator.comparingInt(line -> order.indexOf(line.ministryCode())))
                .toList();
    }

    private static OffsetDateTime now() {
        return CaseClock.now();
    }
}
