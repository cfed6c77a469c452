package nl.doorbraak.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The periodic seal (docs/audit.md, "Seals"): every {@code doorbraak.audit.seal-interval}
 * (default one hour) the heads of every chain whose head moved since the previous seal are put,
 * sorted by chain, into one new row of {@code audit_seal}, and the seals form a hash chain of
 * their own:
 *
 * <pre>
 * heads     = canonicalJson([{"chain":c,"hash":h,"sequence":n}, ...])            sorted by chain
 * seal.hash = sha256hex(prevHash + "\n" + canonicalJson({"heads":[...],"sealedAt":t,"sequence":s}))
 * </pre>
 *
 * where {@code prevHash} is the previous seal's hash (64 zeros for seal 1), {@code s} counts
 * 1, 2, 3, … and {@code t} is the seal time in UTC with six decimals, as for entries. A head
 * that the seal has fixed can no longer be rewritten unnoticed: verification checks that every
 * sealed (chain, sequence, hash) still exists in {@code audit_event}.
 *
 * <p>Which heads moved is decided by comparing each head with the one last sealed for its chain
 * ({@code audit_sealed_head}); {@code updated_at} only narrows the candidates, with a generous
 * overlap ({@code doorbraak.audit.seal-overlap}, default one hour) so that a writer whose
 * transaction committed just after the previous seal read the heads is never missed.
 * {@code doorbraak.audit.sealing-enabled=false} stops the scheduled job (not {@link #seal()}).
 */
@Component
public class AuditSeals {

    private static final Logger log = LoggerFactory.getLogger(AuditSeals.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final boolean enabled;
    private final Duration overlap;

    AuditSeals(JdbcClient jdbc, PlatformTransactionManager transactionManager,
               @Value("${doorbraak.audit.sealing-enabled:true}") boolean enabled,
               @Value("${doorbraak.audit.seal-overlap:PT1H}") Duration overlap) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.enabled = enabled;
        this.overlap = overlap;
    }

    /** One seal: its place in the chain of seals, the heads it fixes and its hashes. */
    public record Seal(long sequence, Instant sealedAt, List<SealedHead> heads, String prevHash, String hash) {
    }

    /** The head of one chain as a seal fixed it. */
    public record SealedHead(String chain, long sequence, String hash) {
    }

    @Scheduled(fixedDelayString = "${doorbraak.audit.seal-interval:PT1H}",
            initialDelayString = "${doorbraak.audit.seal-interval:PT1H}")
    void sealPeriodically() {
        if (!enabled) {
            return;
        }
        try {
            seal();
        } catch (RuntimeException e) {
            // the next period seals what this one could not: nothing is lost, only later fixed
            log.error("Sealing the audit trail failed; the next seal will include these heads", e);
        }
    }

    /**
     * Seals the heads of every chain that moved since the previous seal, in one transaction that
     * holds the seal lock; empty when no head moved.
     */
    public Optional<Seal> seal() {
        return transaction.execute(status -> sealLocked());
    }

    private Optional<Seal> sealLocked() {
        jdbc.sql("SELECT name FROM audit_seal_lock WHERE name = 'seal' FOR UPDATE").query(String.class).list();
        List<Previous> previous = jdbc.sql("SELECT sequence, sealed_at, hash FROM audit_seal ORDER BY sequence DESC "
                + "LIMIT 1").query((rs, row) -> new Previous(rs.getLong("sequence"),
                rs.getObject("sealed_at", OffsetDateTime.class).toInstant(), rs.getString("hash"))).list();
        String sql = """
                SELECT h.chain, h.sequence, h.hash, s.chain AS sealed_chain
                FROM audit_chain_head h LEFT JOIN audit_sealed_head s ON s.chain = h.chain
                WHERE h.sequence > 0 AND (s.chain IS NULL OR s.sequence <> h.sequence OR s.hash <> h.hash)""";
        List<Candidate> moved;
        if (previous.isEmpty()) {
            moved = jdbc.sql(sql).query(AuditSeals::candidate).list();
        } else {
            moved = jdbc.sql(sql + " AND h.updated_at > ?")
                    .param(previous.get(0).sealedAt().minus(overlap).atOffset(ZoneOffset.UTC))
                    .query(AuditSeals::candidate).list();
        }
        if (moved.isEmpty()) {
            return Optional.empty();
        }
        List<SealedHead> heads = moved.stream().map(Candidate::head)
                .sorted(Comparator.comparing(SealedHead::chain)).toList();
        long sequence = previous.isEmpty() ? 1 : previous.get(0).sequence() + 1;
        String prevHash = previous.isEmpty() ? AuditHashes.GENESIS : previous.get(0).hash();
        Instant sealedAt = AuditHashes.truncate(Instant.now());
        if (!previous.isEmpty() && !sealedAt.isAfter(previous.get(0).sealedAt())) {
            sealedAt = previous.get(0).sealedAt().plus(1, ChronoUnit.MICROS); // seal times only go forward
        }
        String hash = hash(prevHash, sequence, sealedAt, heads);
        jdbc.sql("INSERT INTO audit_seal (sequence, sealed_at, heads, prev_hash, hash) VALUES (?, ?, ?, ?, ?)")
                .params(sequence, sealedAt.atOffset(ZoneOffset.UTC), CanonicalJson.of(heads), prevHash, hash)
                .update();
        for (Candidate candidate : moved) {
            String update = candidate.sealedBefore()
                    ? "UPDATE audit_sealed_head SET sequence = ?, hash = ?, seal_sequence = ? WHERE chain = ?"
                    : "INSERT INTO audit_sealed_head (sequence, hash, seal_sequence, chain) VALUES (?, ?, ?, ?)";
            jdbc.sql(update).params(candidate.head().sequence(), candidate.head().hash(), sequence,
                    candidate.head().chain()).update();
        }
        log.info("Audit trail sealed: seal {} fixes the heads of {} chains", sequence, heads.size());
        return Optional.of(new Seal(sequence, sealedAt, heads, prevHash, hash));
    }

    /**
     * The hash of a seal: SHA-256 over the previous seal's hash, a newline and the canonical JSON
     * of {@code {"heads": [...], "sealedAt": ..., "sequence": ...}}.
     */
    static String hash(String prevHash, long sequence, Instant sealedAt, List<?> heads) {
        return AuditHashes.hash(prevHash, CanonicalJson.of(
                new SealContent(heads, AuditHashes.timestamp(sealedAt), sequence)));
    }

    /** What a seal's hash covers; each head is written as its chain, sequence and hash. */
    private record SealContent(List<?> heads, String sealedAt, long sequence) {
    }

    private static Candidate candidate(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Candidate(new SealedHead(rs.getString("chain"), rs.getLong("sequence"), rs.getString("hash")),
                rs.getString("sealed_chain") != null);
    }

    private record Previous(long sequence, Instant sealedAt, String hash) {
    }

    private record Candidate(SealedHead head, boolean sealedBefore) {
    }
}
