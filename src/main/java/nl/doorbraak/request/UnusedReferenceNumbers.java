package nl.doorbraak.request;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import nl.doorbraak.audit.AuditAction;
import nl.doorbraak.audit.AuditTrail;
import nl.doorbraak.platform.CaseClock;

/**
 * The register of reference numbers has no silent gaps: a number that never became a request is
 * in {@code unused_reference_number} and on the system chain of the audit trail. A submission that
 * fails after taking its number records it when its transaction has rolled back; a number lost
 * without that chance (the process was killed mid-submission, the database went away) is found
 * as a gap below a request that was submitted long enough ago that no submission can still be
 * running with the missing number.
 */
@Component
class UnusedReferenceNumbers {

    private static final Logger log = LoggerFactory.getLogger(UnusedReferenceNumbers.class);

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final TransactionTemplate newTransaction;
    private final Duration settled;

    UnusedReferenceNumbers(JdbcClient jdbc, AuditTrail audit, PlatformTransactionManager transactions,
                           @Value("${doorbraak.reference-numbers.settled-after:PT10M}") Duration settled) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.settled = settled;
    }

    /** After a rolled-back submission: its number will never be used. */
    void recordFailedSubmission(long number, String reference) {
        try {
            record(number, reference, "Indienen mislukt; de inzending is teruggedraaid en niet opgeslagen.");
        } catch (RuntimeException e) {
            // the database may be the reason the submission failed; the next gap scan records the number
            log.warn("Could not record unused reference number {} now; the gap scan will", reference, e);
        }
    }

    /**
     * Records every number missing below a request submitted more than {@code settled-after} ago
     * that is not recorded yet; returns how many it recorded.
     */
    @Scheduled(fixedDelayString = "${doorbraak.reference-numbers.scan-interval:PT1H}",
            initialDelayString = "${doorbraak.reference-numbers.scan-delay:PT5M}")
    int recordGaps() {
        OffsetDateTime before = CaseClock.now().minus(settled);
        List<Gap> gaps = jdbc.sql("""
                SELECT previous + 1 AS first, number - 1 AS last, reference FROM (
                    SELECT number, reference, submitted_at,
                           COALESCE(LAG(number) OVER (ORDER BY number), 0) AS previous
                    FROM (SELECT CAST(SUBSTRING(reference, 11) AS BIGINT) AS number, reference, submitted_at
                          FROM request
                          UNION ALL
                          SELECT number, reference, NULL FROM unused_reference_number) taken
                ) numbered
                WHERE number - previous > 1 AND submitted_at < ?
                ORDER BY number""")
                .param(before)
                .query((rs, row) -> new Gap(rs.getLong("first"), rs.getLong("last"), rs.getString("reference")))
                .list();
        int recorded = 0;
        for (Gap gap : gaps) {
            int year = Integer.parseInt(gap.after().substring(5, 9));
            for (long number = gap.first(); number <= gap.last(); number++) {
                try {
                    record(number, ReferenceNumbers.format(year, number), "Niet gebruikt: het indienen werd "
                            + "onderbroken voordat het verzoek was opgeslagen (gevonden als gat vóór " + gap.after() + ").");
                    recorded++;
                } catch (DuplicateKeyException recordedMeanwhile) {
                    // another instance (or the failed submission itself) recorded it a moment ago
                }
            }
        }
        return recorded;
    }

    private record Gap(long first, long last, String after) {
    }

    private void record(long number, String reference, String reason) {
        newTransaction.executeWithoutResult(status -> {
            jdbc.sql("INSERT INTO unused_reference_number (number, reference, reason, recorded_at) VALUES (?, ?, ?, ?)")
                    .params(number, reference, reason, CaseClock.now()).update();
            audit.system()
                    .action(AuditAction.REFERENCE_NUMBER_UNUSED, "Referentienummer niet gebruikt")
                    .resource("reference-number", reference, reference)
                    .explanation(reason)
                    .failed()
                    .record();
        });
    }
}
