package nl.doorbraak.audit;

import java.util.List;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import nl.doorbraak.platform.NotFoundException;
import nl.doorbraak.security.DoorbraakUser;

/**
 * Reading and verifying the audit trail, as every channel (the API, the web pages) does it: who
 * may, "record the read, then read" (a read that cannot be recorded does not happen, and the read
 * is one of the lines it shows), and "verify, then record".
 */
@Service
public class AuditedReads {

    /**
     * One page of a case's trail, read in one snapshot after the read was recorded, so every number
     * agrees: how many entries the chain has, which of them the page holds, and (when asked for)
     * the verification of exactly that chain.
     *
     * @param page the page read: the one asked for (for a page to show, the last when asked for one beyond it)
     */
    public record TrailPage(long total, int page, int pageSize, List<AuditEntry> entries,
                            Optional<VerificationReport> verification) {

        /** The number of the first entry on the page (1-based); the last is {@code first + entries - 1}. */
        public long first() {
            return (long) (page - 1) * pageSize + 1;
        }
    }

    private final AuditQueries queries;
    private final AuditVerifier verifier;
    private final AuditTrail audit;
    private final TransactionTemplate snapshot;

    AuditedReads(AuditQueries queries, AuditVerifier verifier, AuditTrail audit,
                 PlatformTransactionManager transactions) {
        this.queries = queries;
        this.verifier = verifier;
        this.audit = audit;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** Auditors and the programme office read, verify and export the audit trail; nobody else. */
    public static void requireReader(DoorbraakUser user) {
        if (user == null || !user.isAuditorOrProgrammeOffice()) {
            throw new AccessDeniedException("Only auditors and the programme office read the audit trail");
        }
    }

    /** Records that the user reads the case's trail, then reads one page of it (empty beyond the last). */
    public TrailPage readTrail(DoorbraakUser user, String reference, int page, int pageSize) {
        return read(user, reference, page, pageSize, false);
    }

    /**
     * As {@link #readTrail}, for a page a person looks at: the last page when asked for one beyond
     * it, and the case's chain verified in the same snapshot.
     */
    public TrailPage readAndVerifyTrail(DoorbraakUser user, String reference, int page, int pageSize) {
        TrailPage trail = read(user, reference, page, pageSize, true);
        recordVerification(user, VerificationScope.chain(reference), trail.verification().orElseThrow());
        return trail;
    }

    /** Verifies what the scope covers, then records the verification and its outcome on the system chain. */
    public VerificationReport verify(DoorbraakUser user, VerificationScope scope) {
        VerificationReport report = verifier.verify(scope);
        recordVerification(user, scope, report);
        return report;
    }

    private TrailPage read(DoorbraakUser user, String reference, int requestedPage, int pageSize, boolean verify) {
        requireReader(user);
        if (AuditTrail.SYSTEM.equals(reference) || !queries.chainExists(reference)) {
            throw new NotFoundException("Van verzoek '" + reference + "' is geen audittrail bekend.");
        }
        audit.about(reference).by(user.id())
                .action(AuditAction.AUDIT_TRAIL_READ, "Audittrail ingezien")
                .resource("audit-trail", reference, reference)
                .record();
        return snapshot.execute(status -> {
            long total = queries.count(reference);
            int page = verify ? (int) Math.min(requestedPage, Math.max(1, (total + pageSize - 1) / pageSize))
                    : requestedPage;
            List<AuditEntry> entries = queries.page(reference, (long) (page - 1) * pageSize, pageSize);
            return new TrailPage(total, page, pageSize, entries,
                    verify ? Optional.of(verifier.verify(VerificationScope.chain(reference))) : Optional.empty());
        });
    }

    private void recordVerification(DoorbraakUser user, VerificationScope scope, VerificationReport report) {
        audit.system().by(user.id())
                .action(AuditAction.AUDIT_VERIFIED, "Audittrail geverifieerd")
                .resource("audit-trail", scope.id(), scope.display())
                .changes(null, summary(report))
                .record();
    }

    private static VerificationSummary summary(VerificationReport report) {
        return new VerificationSummary(report.ok(), report.chainsChecked(), report.entriesChecked(),
                report.sealsChecked(), report.sealedHeadsChecked(), report.problemsFound(), report.firstBrokenLink());
    }

    /** What the audit entry of a verification records of its outcome. */
    private record VerificationSummary(boolean ok, long chainsChecked, long entriesChecked, long sealsChecked,
                                       long sealedHeadsChecked, long problemsFound, BrokenLink firstBrokenLink) {
    }
}
