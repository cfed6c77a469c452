package nl.doorbraak.audit;

import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.submit;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import nl.doorbraak.audit.AuditSeals.Seal;
import nl.doorbraak.audit.AuditSeals.SealedHead;
import nl.doorbraak.support.Http;
import nl.doorbraak.support.PostgresIntegrationTest;

/**
 * The periodic seal: it chains the heads of the chains that moved since the previous seal, seals
 * nothing when nothing moved, and fixes a head so that a chain rewritten below it — every hash
 * recomputed, so that the chain itself looks intact — is still caught. Cases here are submitted
 * by Roosendaal (1674); every chain tampered with is put back afterwards.
 */
@PostgresIntegrationTest
class AuditSealTests {

    static final String ROOSENDAAL = "roosendaal";
    static final String ROOSENDAAL_AREA = "roosendaal-stad";
    static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    static final String SEAL_BROKEN = " verwijst naar een regel die niet (meer) bestaat of is gewijzigd";

    @LocalServerPort
    int port;
    @Autowired
    AuditSeals seals;
    @Autowired
    AuditVerifier verifier;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aSealChainsTheHeadsOfTheChainsThatMovedSinceThePreviousSeal() {
        seals.seal();
        String earlier = newCase();
        Seal first = seals.seal().orElseThrow();
        assertThat(first.heads()).contains(head(earlier));

        String later = newCase();
        Seal second = seals.seal().orElseThrow();

        assertThat(second.sequence()).isEqualTo(first.sequence() + 1);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(second.heads()).contains(head(later));
        assertThat(second.heads()).extracting(SealedHead::chain).doesNotContain(earlier);
        assertThat(second.heads()).isSortedAccordingTo(Comparator.comparing(SealedHead::chain));

        // as stored, and hashed exactly as docs/audit.md spells it out
        var stored = jdbc.sql("SELECT sealed_at, heads, prev_hash, hash FROM audit_seal WHERE sequence = ?")
                .param(second.sequence()).query().singleRow();
        StringBuilder heads = new StringBuilder("[");
        for (SealedHead head : second.heads()) {
            heads.append(heads.length() > 1 ? "," : "").append("{\"chain\":\"").append(head.chain())
                    .append("\",\"hash\":\"").append(head.hash()).append("\",\"sequence\":").append(head.sequence())
                    .append('}');
        }
        heads.append(']');
        assertThat(stored.get("heads")).isEqualTo(heads.toString());
        assertThat(stored.get("prev_hash")).isEqualTo(first.hash());
        String canonical = "{\"heads\":" + heads + ",\"sealedAt\":\"" + MICROS.format(second.sealedAt())
                + "\",\"sequence\":" + second.sequence() + "}";
        assertThat(stored.get("hash")).isEqualTo(second.hash()).isEqualTo(AuditHashes.hash(first.hash(), canonical));
    }

    @Test
    void aSecondSealRightAfterSealsNothing() {
        newCase();
        seals.seal().orElseThrow();
        long last = lastSeal();

        assertThat(seals.seal()).isEmpty();
        assertThat(lastSeal()).isEqualTo(last);
    }

    @Test
    void theScheduledSealSkipsWhenSealingIsSwitchedOff() {
        seals.seal();
        long last = lastSeal();
        String reference = newCase();

        new AuditSeals(jdbc, transactionManager, false, Duration.ofHours(1)).sealPeriodically();
        assertThat(lastSeal()).isEqualTo(last);

        new AuditSeals(jdbc, transactionManager, true, Duration.ofHours(1)).sealPeriodically();
        assertThat(lastSeal()).isEqualTo(last + 1);
        assertThat(jdbc.sql("SELECT heads FROM audit_seal WHERE sequence = ?").param(last + 1).query(String.class)
                .single()).contains("\"chain\":\"" + reference + "\"");
    }

    @Test
    void aChainRewrittenConsistentlyBelowASealedHeadIsCaughtByTheSeal() {
        String reference = newCase();
        Seal seal = seals.seal().orElseThrow();
        List<AuditEntry> entries = AuditDatabase.entries(reference);
        AuditEntry last = entries.get(entries.size() - 1);
        assertThat(seal.heads()).contains(new SealedHead(reference, last.sequence(), last.hash()));
        AuditDatabase.Snapshot original = AuditDatabase.snapshot(reference);
        try {
            // who did the middle entry is changed, and every hash from there on recomputed, the head's too
            List<AuditEntry> rewritten = new ArrayList<>();
            int from = entries.size() / 2;
            String previous = entries.get(from - 1).hash();
            for (int i = from; i < entries.size(); i++) {
                AuditEntry e = entries.get(i);
                AuditEntry changed = new AuditEntry(e.id(), e.chain(), e.sequence(), e.occurredAt(), e.source(),
                        e.application(), i == from ? "someone-else" : e.userId(), e.userDisplay(), e.action(),
                        e.actionDisplay(), e.result(), e.resourceType(), e.resourceId(), e.resourceDisplay(),
                        e.explanation(), e.changes(), e.traceId(), previous, null);
                previous = AuditHashes.hash(changed);
                rewritten.add(new AuditEntry(e.id(), e.chain(), e.sequence(), e.occurredAt(), e.source(),
                        e.application(), changed.userId(), e.userDisplay(), e.action(), e.actionDisplay(), e.result(),
                        e.resourceType(), e.resourceId(), e.resourceDisplay(), e.explanation(), e.changes(),
                        e.traceId(), changed.prevHash(), previous));
            }
            String newHead = previous;
            AuditDatabase.tamper(db -> {
                for (AuditEntry e : rewritten) {
                    db.sql("UPDATE audit_event SET user_id = ?, prev_hash = ?, hash = ? WHERE id = ?")
                            .params(e.userId(), e.prevHash(), e.hash(), e.id()).update();
                }
                db.sql("UPDATE audit_chain_head SET hash = ? WHERE chain = ?").params(newHead, reference).update();
            });
            assertThat(AuditDatabase.entries(reference)).as("consistent: every hash recomputes")
                    .allSatisfy(e -> assertThat(AuditHashes.hash(e)).isEqualTo(e.hash()));

            VerificationReport report = verifier.verify(VerificationScope.chain(reference));

            assertThat(report.ok()).isFalse();
            assertThat(report.problemsFound()).as("the chain itself looks intact: %s", report).isEqualTo(1);
            assertThat(report.firstBrokenLink()).isEqualTo(new BrokenLink(reference, last.sequence(), last.id(),
                    seal.sequence(), "Zegel " + seal.sequence() + SEAL_BROKEN));
        } finally {
            AuditDatabase.restore(original);
        }
        assertThat(verifier.verify(VerificationScope.chain(reference)).ok()).isTrue();
    }

    @Test
    void aChainCutShortBelowASealedHeadWithItsHeadMovedBackIsCaughtByTheSeal() {
        String reference = newCase();
        Seal seal = seals.seal().orElseThrow();
        List<AuditEntry> entries = AuditDatabase.entries(reference);
        AuditEntry last = entries.get(entries.size() - 1);
        AuditEntry newLast = entries.get(entries.size() - 3);
        AuditDatabase.Snapshot original = AuditDatabase.snapshot(reference);
        try {
            AuditDatabase.tamper(db -> {
                db.sql("DELETE FROM audit_event WHERE chain = ? AND sequence > ?")
                        .params(reference, newLast.sequence()).update();
                db.sql("UPDATE audit_chain_head SET sequence = ?, hash = ? WHERE chain = ?")
                        .params(newLast.sequence(), newLast.hash(), reference).update();
            });

            VerificationReport report = verifier.verify(VerificationScope.chain(reference));

            assertThat(report.entriesChecked()).isEqualTo(entries.size() - 2);
            assertThat(report.problemsFound()).as("the chain itself looks intact: %s", report).isEqualTo(1);
            assertThat(report.firstBrokenLink()).isEqualTo(new BrokenLink(reference, last.sequence(), null,
                    seal.sequence(), "Zegel " + seal.sequence() + SEAL_BROKEN));
        } finally {
            AuditDatabase.restore(original);
        }
        assertThat(verifier.verify(VerificationScope.chain(reference)).ok()).isTrue();
    }

    @Test
    void anAlteredSealIsReportedAndSealsCannotBeChangedByTheApplication() {
        String reference = newCase();
        Seal seal = seals.seal().orElseThrow();

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_seal SET heads = '[]' WHERE sequence = ?")
                .param(seal.sequence()).update()).isInstanceOf(DataAccessException.class).rootCause()
                .hasMessageContaining("The audit trail is append-only: UPDATE on audit_seal is not allowed");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_seal WHERE sequence = ?").param(seal.sequence())
                .update()).isInstanceOf(DataAccessException.class).rootCause()
                .hasMessageContaining("The audit trail is append-only: DELETE on audit_seal is not allowed");

        Object sealedAt = jdbc.sql("SELECT sealed_at FROM audit_seal WHERE sequence = ?").param(seal.sequence())
                .query().singleValue();
        try {
            AuditDatabase.tamper(db -> db.sql("UPDATE audit_seal SET sealed_at = sealed_at - INTERVAL '1 hour' "
                    + "WHERE sequence = ?").param(seal.sequence()).update());

            VerificationReport report = verifier.verify(VerificationScope.chain(reference));

            assertThat(report.ok()).isFalse();
            assertThat(report.firstBrokenLink()).isEqualTo(new BrokenLink(null, null, null, seal.sequence(),
                    "Zegel " + seal.sequence() + ": hash klopt niet, de inhoud van het zegel is gewijzigd"));
        } finally {
            AuditDatabase.tamper(db -> db.sql("UPDATE audit_seal SET sealed_at = ? WHERE sequence = ?")
                    .params(sealedAt, seal.sequence()).update());
        }
        assertThat(verifier.verify(VerificationScope.chain(reference)).ok()).isTrue();
    }

    // ------------------------------------------------------------------ helpers

    private String newCase() {
        String reference = submit(http, ROOSENDAAL, ruleChange(ROOSENDAAL_AREA, uniqueEmail(ROOSENDAAL)));
        assertThat(AuditDatabase.entries(reference)).hasSizeGreaterThanOrEqualTo(6);
        return reference;
    }

    private SealedHead head(String chain) {
        return jdbc.sql("SELECT chain, sequence, hash FROM audit_chain_head WHERE chain = ?").param(chain)
                .query((rs, row) -> new SealedHead(rs.getString("chain"), rs.getLong("sequence"), rs.getString("hash")))
                .single();
    }

    private long lastSeal() {
        return jdbc.sql("SELECT COALESCE(MAX(sequence), 0) FROM audit_seal").query(Long.class).single();
    }
}
