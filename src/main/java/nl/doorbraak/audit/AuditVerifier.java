package nl.doorbraak.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks that the audit trail is intact (docs/audit.md, "Verification"): for every chain in
 * scope, from its first entry, that sequences run 1, 2, 3, … without gaps, that each entry links
 * to the hash of the one before (the first to 64 zeros), that each entry's hash is the hash of
 * its contents, and that the chain ends where its head says; then that the seals form an intact
 * chain and that every head a seal fixed for a chain in scope still exists with that hash.
 *
 * <p>Entries are streamed in chain and sequence order with a fetch size, so memory stays
 * constant however long the trail; everything is read in one read-only REPEATABLE READ
 * transaction, so that writers appending meanwhile never look like tampering. The first broken
 * link is reported, in chain order (entries before seals), and checking goes on to count them.
 */
@Component
public class AuditVerifier {

    static final String HASH_CHANGED = "Hash klopt niet: de inhoud van deze regel is gewijzigd";
    static final String LINK_BROKEN = "Verwijzing naar de vorige regel klopt niet";

    private static final int FETCH_SIZE = 1_000;
    private static final int HEAD_BATCH = 200;
    private static final String ENTRY_COLUMNS = """
            e.id, e.chain, e.sequence, e.occurred_at, e.source, e.application, e.user_id, e.user_display, e.action,
            e.action_display, e.result, e.resource_type, e.resource_id, e.resource_display, e.explanation, e.changes,
            e.trace_id, e.prev_hash, e.hash""";

    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;
    private final ObjectMapper json = new ObjectMapper();

    AuditVerifier(DataSource dataSource, PlatformTransactionManager transactionManager) {
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(FETCH_SIZE);
        this.jdbc = JdbcClient.create(streaming);
        this.snapshot = new TransactionTemplate(transactionManager);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    public VerificationReport verify(VerificationScope scope) {
        long started = System.nanoTime();
        Check check = snapshot.execute(status -> {
            Check running = new Check(scope);
            verifyEntries(running);
            verifyEmptyChains(running);
            verifySeals(running);
            return running;
        });
        return new VerificationReport(scope, check.problems == 0, check.chains, check.entries, check.seals,
                check.sealedHeads, check.problems, check.first, Instant.now(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** An entry as stored, with the id it has in {@code audit_event}. */
    static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getString("chain"), rs.getLong("sequence"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("source"),
                rs.getString("application"), rs.getString("user_id"), rs.getString("user_display"),
                rs.getString("action"), rs.getString("action_display"), rs.getString("result"),
                rs.getString("resource_type"), rs.getString("resource_id"), rs.getString("resource_display"),
                rs.getString("explanation"), rs.getString("changes"), rs.getString("trace_id"),
                rs.getString("prev_hash"), rs.getString("hash"));
    }

    // ---- entries

    private void verifyEntries(Check check) {
        VerificationScope scope = check.scope;
        String sql = "SELECT " + ENTRY_COLUMNS + ", h.sequence AS head_sequence, h.hash AS head_hash "
                + "FROM audit_event e LEFT JOIN audit_chain_head h ON h.chain = e.chain ";
        List<Object> params = new ArrayList<>();
        switch (scope.kind()) {
            case ALL -> { }
            case CHAIN -> {
                sql += "WHERE e.chain = ? ";
                params.add(scope.chain());
            }
            case PERIOD -> {
                sql += "WHERE e.chain IN (SELECT DISTINCT p.chain FROM audit_event p WHERE "
                        + periodCondition("p.occurred_at", scope, params) + ") ";
            }
        }
        sql += "ORDER BY e.chain, e.sequence";
        try (Stream<Row> rows = jdbc.sql(sql).params(params).query(AuditVerifier::row).stream();
             BatchHashing hashing = new BatchHashing(check::entry)) {
            rows.forEach(hashing::add);
            hashing.finish();
        }
        check.endOfChain();
    }

    /** Chains whose head says they have entries but of which no entry is left at all. */
    private void verifyEmptyChains(Check check) {
        if (check.scope.kind() == VerificationScope.Kind.PERIOD) {
            return; // a chain without entries has none in any period
        }
        String sql = "SELECT h.chain, h.sequence FROM audit_chain_head h WHERE h.sequence > 0 "
                + "AND NOT EXISTS (SELECT 1 FROM audit_event e WHERE e.chain = h.chain)";
        List<Object> params = new ArrayList<>();
        if (check.scope.kind() == VerificationScope.Kind.CHAIN) {
            sql += " AND h.chain = ?";
            params.add(check.scope.chain());
        }
        sql += " ORDER BY h.chain";
        jdbc.sql(sql).params(params).query((rs, row) -> {
            check.chains++;
            check.problem(new BrokenLink(rs.getString("chain"), 1L, null, null,
                    "Keten is ingekort: er is geen regel meer, kop verwijst naar " + rs.getLong("sequence")));
            return null;
        }).list();
    }

    private static String periodCondition(String column, VerificationScope scope, List<Object> params) {
        List<String> conditions = new ArrayList<>();
        if (scope.from() != null) {
            conditions.add(column + " >= ?");
            params.add(scope.from().atOffset(ZoneOffset.UTC));
        }
        if (scope.to() != null) {
            conditions.add(column + " < ?");
            params.add(scope.to().atOffset(ZoneOffset.UTC));
        }
        return conditions.isEmpty() ? "1 = 1" : String.join(" AND ", conditions);
    }

    /** An entry as read for verification, with the head of its chain. */
    record Row(AuditEntry entry, Long headSequence, String headHash) {
    }

    /** By column position: looking each of 21 columns up by name was a measurable share of a verification. */
    private static Row row(ResultSet rs, int row) throws SQLException {
        AuditEntry entry = new AuditEntry(rs.getLong(1), rs.getString(2), rs.getLong(3),
                rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17),
                rs.getString(18), rs.getString(19));
        long headSequence = rs.getLong(20);
        return new Row(entry, rs.wasNull() ? null : headSequence, rs.getString(21));
    }

    // ---- seals

    private record SealRow(long sequence, Instant sealedAt, String heads, String prevHash, String hash) {
    }

    private record Sealed(long seal, String chain, long sequence, String hash) {
    }

    private void verifySeals(Check check) {
        long[] last = {0};
        String[] previousHash = {AuditHashes.GENESIS};
        try (Stream<SealRow> seals = jdbc.sql("SELECT sequence, sealed_at, heads, prev_hash, hash FROM audit_seal "
                + "ORDER BY sequence").query((rs, row) -> new SealRow(rs.getLong("sequence"),
                rs.getObject("sealed_at", OffsetDateTime.class).toInstant(), rs.getString("heads"),
                rs.getString("prev_hash"), rs.getString("hash"))).stream()) {
            seals.forEach(seal -> {
                check.seals++;
                long expected = last[0] + 1;
                if (seal.sequence() != expected) {
                    check.problem(new BrokenLink(null, null, null, expected, "Zegel ontbreekt: volgnummer "
                            + expected + " verwacht, " + seal.sequence() + " gevonden"));
                } else if (!seal.prevHash().equals(previousHash[0])) {
                    check.problem(new BrokenLink(null, null, null, seal.sequence(),
                            "Zegel " + seal.sequence() + ": verwijzing naar het vorige zegel klopt niet"));
                }
                last[0] = seal.sequence();
                previousHash[0] = seal.hash();
                List<Map<String, Object>> heads = heads(seal.heads());
                if (heads == null) {
                    check.problem(new BrokenLink(null, null, null, seal.sequence(),
                            "Zegel " + seal.sequence() + " is onleesbaar: de inhoud is gewijzigd"));
                    return;
                }
                if (!AuditSeals.hash(seal.prevHash(), seal.sequence(), seal.sealedAt(), heads).equals(seal.hash())) {
                    check.problem(new BrokenLink(null, null, null, seal.sequence(),
                            "Zegel " + seal.sequence() + ": hash klopt niet, de inhoud van het zegel is gewijzigd"));
                }
                List<Sealed> inScope = new ArrayList<>();
                for (Map<String, Object> head : heads) {
                    Sealed sealed = sealed(seal.sequence(), head);
                    if (sealed == null) {
                        check.problem(new BrokenLink(null, null, null, seal.sequence(),
                                "Zegel " + seal.sequence() + " is onleesbaar: de inhoud is gewijzigd"));
                    } else if (check.inScope(sealed.chain())) {
                        inScope.add(sealed);
                    }
                }
                for (int from = 0; from < inScope.size(); from += HEAD_BATCH) {
                    verifySealedHeads(check, inScope.subList(from, Math.min(inScope.size(), from + HEAD_BATCH)));
                }
            });
        }
        Long tracked = jdbc.sql("SELECT MAX(seal_sequence) FROM audit_sealed_head").query(Long.class).optional()
                .orElse(null);
        if (tracked != null && tracked > last[0]) {
            check.problem(new BrokenLink(null, null, null, last[0] + 1, "Zegels ontbreken: laatste zegel " + last[0]
                    + ", het zegelen was al bij zegel " + tracked));
        }
    }

    private void verifySealedHeads(Check check, List<Sealed> batch) {
        StringBuilder sql = new StringBuilder("SELECT id, chain, sequence, hash FROM audit_event WHERE ");
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            sql.append(i == 0 ? "" : " OR ").append("(chain = ? AND sequence = ?)");
            params.add(batch.get(i).chain());
            params.add(batch.get(i).sequence());
        }
        Map<String, Object[]> found = new HashMap<>();
        jdbc.sql(sql.toString()).params(params).query((rs, row) -> found.put(
                rs.getString("chain") + '\n' + rs.getLong("sequence"),
                new Object[] {rs.getLong("id"), rs.getString("hash")})).list();
        for (Sealed sealed : batch) {
            check.sealedHeads++;
            Object[] entry = found.get(sealed.chain() + '\n' + sealed.sequence());
            if (entry == null || !sealed.hash().equals(entry[1])) {
                check.problem(new BrokenLink(sealed.chain(), sealed.sequence(), entry == null ? null : (Long) entry[0],
                        sealed.seal(), "Zegel " + sealed.seal()
                        + " verwijst naar een regel die niet (meer) bestaat of is gewijzigd"));
            }
        }
    }

    private List<Map<String, Object>> heads(String heads) {
        try {
            return json.readValue(heads, new TypeReference<List<Map<String, Object>>>() { });
        } catch (Exception unreadable) {
            return null;
        }
    }

    private static Sealed sealed(long seal, Map<String, Object> head) {
        if (head == null || !(head.get("chain") instanceof String chain) || !(head.get("hash") instanceof String hash)
                || !(head.get("sequence") instanceof Integer || head.get("sequence") instanceof Long)) {
            return null;
        }
        return new Sealed(seal, chain, ((Number) head.get("sequence")).longValue(), hash);
    }

    // ---- the running check

    private static final class Check {
        private final VerificationScope scope;
        private final Set<String> chainsSeen;
        private long chains;
        private long entries;
        private long seals;
        private long sealedHeads;
        private long problems;
        private BrokenLink first;

        private String chain;
        private long expected;
        private String previousHash;
        private long lastSequence;
        private long lastId;
        private Long headSequence;
        private String headHash;

        Check(VerificationScope scope) {
            this.scope = scope;
            this.chainsSeen = scope.kind() == VerificationScope.Kind.PERIOD ? new HashSet<>() : null;
        }

        void problem(BrokenLink link) {
            problems++;
            if (first == null) {
                first = link;
            }
        }

        boolean inScope(String sealedChain) {
            return switch (scope.kind()) {
                case ALL -> true;
                case CHAIN -> scope.chain().equals(sealedChain);
                case PERIOD -> chainsSeen.contains(sealedChain);
            };
        }

        void entry(Row row, boolean hashMatches) {
            AuditEntry entry = row.entry();
            if (!entry.chain().equals(chain)) {
                endOfChain();
                chain = entry.chain();
                chains++;
                if (chainsSeen != null) {
                    chainsSeen.add(chain);
                }
                expected = 1;
                previousHash = AuditHashes.GENESIS;
                headSequence = row.headSequence();
                headHash = row.headHash();
            }
            entries++;
            if (entry.sequence() != expected) {
                problem(new BrokenLink(chain, expected, entry.id(), null, (entry.sequence() > expected
                        ? "Regel ontbreekt: volgnummer " : "Volgorde klopt niet: volgnummer ") + expected
                        + " verwacht, " + entry.sequence() + " gevonden"));
            } else if (!previousHash.equals(entry.prevHash())) {
                problem(new BrokenLink(chain, entry.sequence(), entry.id(), null, LINK_BROKEN));
            }
            if (!hashMatches) {
                problem(new BrokenLink(chain, entry.sequence(), entry.id(), null, HASH_CHANGED));
            }
            expected = entry.sequence() + 1;
            previousHash = entry.hash();
            lastSequence = entry.sequence();
            lastId = entry.id();
        }

        /** The chain must end where its head says. */
        void endOfChain() {
            if (chain == null) {
                return;
            }
            if (headSequence == null) {
                problem(new BrokenLink(chain, lastSequence, lastId, null, "Kop van de keten ontbreekt"));
            } else if (lastSequence < headSequence) {
                problem(new BrokenLink(chain, lastSequence + 1, null, null, "Keten is ingekort: laatste regel "
                        + lastSequence + ", kop verwijst naar " + headSequence));
            } else if (lastSequence > headSequence) {
                problem(new BrokenLink(chain, headSequence + 1, null, null, "Kop van de keten loopt achter: laatste "
                        + "regel " + lastSequence + ", kop verwijst naar " + headSequence));
            } else if (!previousHash.equals(headHash)) {
                problem(new BrokenLink(chain, lastSequence, lastId, null,
                        "Kop van de keten klopt niet met de laatste regel"));
            }
            chain = null;
        }
    }
}
