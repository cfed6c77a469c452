package nl.doorbraak.casedeadline;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.doorbraak.platform.CaseClock;

/** The case deadline table and its history. */
@Repository
class CaseDeadlineStore {

    private static final String COLUMNS = """
            request_id, period_days, max_extension_days, started_on, original_due_on, due_on, suspended_since,
            suspension_reason, suspended_automatically, extended_on, extension_reason, closed_at, outcome, exceeded_by,
            passed_noticed_at, version""";

    /** One line of a deadline's history. */
    record Change(UUID id, UUID requestId, String changeKind, OffsetDateTime occurredAt, String changedBy,
                  String reason, LocalDate dueOn, Integer workingDays) {
    }

    private final JdbcClient jdbc;

    CaseDeadlineStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(CaseDeadline deadline) {
        jdbc.sql("INSERT INTO case_deadline (request_id, period_days, max_extension_days, started_on, original_due_on, "
                        + "due_on) VALUES (?, ?, ?, ?, ?, ?)")
                .params(deadline.requestId(), deadline.periodDays(), deadline.maxExtensionDays(), deadline.startedOn(),
                        deadline.originalDueOn(), deadline.dueOn())
                .update();
    }

    Optional<CaseDeadline> find(UUID requestId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM case_deadline WHERE request_id = ?").param(requestId)
                .query(CaseDeadline.class).optional();
    }

    /** The deadline, locked until the transaction ends, so that two changes happen one after the other. */
    Optional<CaseDeadline> lock(UUID requestId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM case_deadline WHERE request_id = ? FOR UPDATE").param(requestId)
                .query(CaseDeadline.class).optional();
    }

    void suspend(UUID requestId, LocalDate since, String reason, boolean automatically) {
        jdbc.sql("""
                UPDATE case_deadline SET suspended_since = ?, suspension_reason = ?, suspended_automatically = ?,
                       version = version + 1
                WHERE request_id = ?""")
                .params(since, reason, automatically, requestId).update();
    }

    void resume(UUID requestId, LocalDate dueOn) {
        jdbc.sql("""
                UPDATE case_deadline SET due_on = ?, suspended_since = NULL, suspension_reason = NULL,
                       suspended_automatically = FALSE, version = version + 1
                WHERE request_id = ?""")
                .params(dueOn, requestId).update();
    }

    void extend(UUID requestId, LocalDate dueOn, String reason) {
        jdbc.sql("""
                UPDATE case_deadline SET due_on = ?, extended_on = ?, extension_reason = ?, version = version + 1
                WHERE request_id = ?""")
                .params(dueOn, CaseClock.dutchNow().toLocalDate(), reason, requestId).update();
    }

    void close(UUID requestId, LocalDate dueOn, String outcome, Integer exceededBy) {
        jdbc.sql("""
                UPDATE case_deadline SET due_on = ?, suspended_since = NULL, suspension_reason = NULL,
                       suspended_automatically = FALSE, closed_at = ?, outcome = ?, exceeded_by = ?,
                       version = version + 1
                WHERE request_id = ?""")
                .params(dueOn, CaseClock.now(), outcome, exceededBy, requestId).update();
    }

    /** Open, running deadlines that passed before {@code today} and were not announced yet. */
    List<UUID> passedUnnoticed(LocalDate today) {
        return jdbc.sql("""
                SELECT request_id FROM case_deadline
                WHERE closed_at IS NULL AND suspended_since IS NULL AND passed_noticed_at IS NULL AND due_on < ?
                ORDER BY due_on, request_id""")
                .param(today).query(UUID.class).list();
    }

    /** Claims the announcement of a passed deadline; false when another run claimed it first. */
    boolean claimPassedNotice(UUID requestId) {
        return jdbc.sql("UPDATE case_deadline SET passed_noticed_at = ? WHERE request_id = ? AND passed_noticed_at IS NULL")
                .params(CaseClock.now(), requestId).update() == 1;
    }

    /** The requests whose deadline passed and runs on: open, not suspended, due before {@code today}. */
    List<UUID> overdue(LocalDate today) {
        return jdbc.sql("""
                SELECT request_id FROM case_deadline
                WHERE closed_at IS NULL AND due_on < ? AND (suspended_since IS NULL OR suspended_since > due_on)""")
                .param(today).query(UUID.class).list();
    }

    void record(UUID requestId, DeadlineChange change, String changedBy, String reason, LocalDate dueOn,
                Integer workingDays) {
        jdbc.sql("""
                INSERT INTO case_deadline_change (id, request_id, sequence, change_kind, occurred_at, changed_by, reason,
                                                  due_on, working_days)
                VALUES (?, ?, (SELECT COUNT(*) + 1 FROM case_deadline_change WHERE request_id = ?), ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), requestId, requestId, change.code(), CaseClock.now(), changedBy, reason, dueOn,
                        workingDays)
                .update();
    }

    List<Change> history(UUID requestId) {
        return jdbc.sql("""
                SELECT id, request_id, change_kind, occurred_at, changed_by, reason, due_on, working_days
                FROM case_deadline_change WHERE request_id = ? ORDER BY sequence""")
                .param(requestId).query(Change.class).list();
    }
}
