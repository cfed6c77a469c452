package nl.doorbraak.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import nl.doorbraak.audit.AuditAction;
import nl.doorbraak.audit.AuditTrail;
import nl.doorbraak.platform.CaseClock;

/**
 * At the end of every period the full report is stored as it was generated, unchangeable (in
 * PostgreSQL a trigger refuses updates and deletes), and its SHA-256 goes into the audit trail,
 * so that what was sent to parliament can always be shown and checked. With several instances
 * the first one stores it; the others find it stored.
 */
@Service
class StoredProgressReports {

    private static final Logger log = LoggerFactory.getLogger(StoredProgressReports.class);

    /** A stored report: its content exactly as stored, and the hash of that content. */
    record StoredReport(String period, LocalDate firstDay, LocalDate lastDay, OffsetDateTime generatedAt,
                        String content, String contentHash) {
    }

    private final ProgressReports reports;
    private final JdbcClient jdbc;
    private final ObjectMapper objectMapper;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final String periodKind;

    StoredProgressReports(ProgressReports reports, JdbcClient jdbc, ObjectMapper objectMapper, AuditTrail audit,
                          PlatformTransactionManager transactionManager,
                          @Value("${doorbraak.report.period:half-year}") String periodKind) {
        this.reports = reports;
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactionManager);
        this.periodKind = periodKind;
    }

    /** Runs just after a period ends (by default 00:05 on 1 January and 1 July, Dutch time). */
    @Scheduled(cron = "${doorbraak.report.store-cron:0 5 0 1 1,7 *}", zone = "Europe/Amsterdam")
    void storeThePeriodThatEnded() {
        try {
            storeThePeriodBefore(CaseClock.dutchNow().toLocalDate());
        } catch (RuntimeException e) {
            log.error("Storing the progress report failed; store it again with the same period", e);
        }
    }

    /** Stores the report of the period that ended just before the given day, unless it is stored already. */
    StoredReport storeThePeriodBefore(LocalDate day) {
        ReportPeriod period = "year".equals(periodKind)
                ? ReportPeriod.parse(String.valueOf(day.getYear() - 1), null, null)
                : ReportPeriod.halfYearBefore(day);
        return store(period);
    }

    StoredReport store(ReportPeriod period) {
        Optional<StoredReport> existing = find(period.label());
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            return transaction.execute(status -> insert(period));
        } catch (DuplicateKeyException anotherInstanceWasFirst) {
            return find(period.label()).orElseThrow();
        }
    }

    private StoredReport insert(ReportPeriod period) {
        ProgressReport report = reports.build(period, null);
        String content = json(report);
        String hash = sha256(content);
        OffsetDateTime generatedAt = CaseClock.now();
        jdbc.sql("""
                INSERT INTO progress_report (period, first_day, last_day, generated_at, content, content_hash)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(period.label(), period.firstDay(), period.lastDay(), generatedAt, content, hash).update();
        audit.system().by("system")
                .action(AuditAction.PROGRESS_REPORT_STORED, "Voortgangsrapportage " + period.dutchLabel() + " vastgelegd")
                .resource("progress-report", period.label(), "Voortgangsrapportage " + period.dutchLabel())
                .changes(null, Map.of("period", period.label(), "contentHash", hash,
                        "length", content.getBytes(StandardCharsets.UTF_8).length))
                .record();
        log.info("Progress report {} stored, SHA-256 {}", period.label(), hash);
        return new StoredReport(period.label(), period.firstDay(), period.lastDay(), generatedAt, content, hash);
    }

    Optional<StoredReport> find(String period) {
        return jdbc.sql("SELECT period, first_day, last_day, generated_at, content, content_hash FROM progress_report "
                + "WHERE period = ?").param(period).query(StoredReport.class).optional();
    }

    List<StoredReport> list() {
        return jdbc.sql("SELECT period, first_day, last_day, generated_at, '' AS content, content_hash "
                + "FROM progress_report ORDER BY first_day DESC").query(StoredReport.class).list();
    }

    String json(ProgressReport report) {
        try {
            return objectMapper.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A report is always serialisable", e);
        }
    }

    static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
