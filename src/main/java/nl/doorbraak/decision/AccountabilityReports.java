package nl.doorbraak.decision;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.doorbraak.platform.CaseClock;

/** The yearly accountability reports on pooled budgets and the programme office's check of each. */
@Repository
public class AccountabilityReports {

    /** One year's report as delivered and checked. */
    public record AccountabilityReport(int budgetYear, String report, BigDecimal spentAmount, String deliveredBy,
                                       OffsetDateTime deliveredAt, String conclusion, String note, String checkedBy,
                                       OffsetDateTime checkedAt) {
    }

    private final JdbcClient jdbc;

    AccountabilityReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a year's report; a report delivered again after a rejection replaces the earlier one and its check. */
    void delivered(UUID requestId, int budgetYear, String report, BigDecimal spentAmount, String deliveredBy) {
        int updated = jdbc.sql("""
                UPDATE accountability_report
                SET report = ?, spent_amount = ?, delivered_by = ?, delivered_at = ?, conclusion = NULL, note = NULL,
                    checked_by = NULL, checked_at = NULL
                WHERE request_id = ? AND budget_year = ?""")
                .params(report, spentAmount, deliveredBy, now(), requestId, budgetYear).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO accountability_report (id, request_id, budget_year, report, spent_amount, delivered_by,
                                                       delivered_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), requestId, budgetYear, report, spentAmount, deliveredBy, now()).update();
        }
    }

    void checked(UUID requestId, int budgetYear, String conclusion, String note, String checkedBy) {
        jdbc.sql("""
                UPDATE accountability_report SET conclusion = ?, note = ?, checked_by = ?, checked_at = ?
                WHERE request_id = ? AND budget_year = ?""")
                .params(conclusion, note, checkedBy, now(), requestId, budgetYear).update();
    }

    public List<AccountabilityReport> of(UUID requestId) {
        return jdbc.sql("""
                SELECT budget_year, report, spent_amount, delivered_by, delivered_at, conclusion, note, checked_by,
                       checked_at
                FROM accountability_report WHERE request_id = ? ORDER BY budget_year""")
                .param(requestId).query(AccountabilityReport.class).list();
    }

    private static OffsetDateTime now() {
        return CaseClock.now();
    }
}
