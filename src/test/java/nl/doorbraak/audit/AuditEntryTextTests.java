package nl.doorbraak.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The verifier's and the export's fast canonical JSON ({@link EntryText}) writes exactly what the
 * general path writes ({@link CanonicalJson}, {@link AuditHashes#hash(AuditEntry)},
 * {@link AuditEntry#exportLine()}), so that hashes verified and lines exported agree with the
 * writer and with docs/audit/AuditVerify.java; no Spring needed.
 */
class AuditEntryTextTests {

    /** Characters where an encoder or an escape could go wrong, and plain ones. */
    private static final String[] PIECES = {"a", "Z", "0", " ", "\"", "\\", "/", "\n", "\r", "\t", "\b", "\f",
            "\u0000", "\u001f", "\u007f", "é", "ë", "€", "\u2028", "\uffff", "😀", "\ud83d", "\ude00", "{\"new\":1}",
            "NPLV-2026-00042", "=SUM(A1)"};

    @Test
    void aTypicalEntryHashesAndExportsAsTheGeneralPath() {
        AuditEntry entry = entry(Instant.parse("2026-03-02T10:02:41.500000Z"), "NPLV-2026-00042", 2, "application",
                "rotterdam", "Indiener Rotterdam", "request-withdrawn", "Verzoek ingetrokken door de gemeente",
                "request", "42", "Kostendelersnorm \"buiten toepassing\"", "Opgelost in de wijk.\nZie C:\\stukken\t(bijlage)",
                "{\"new\":\"withdrawn\",\"old\":\"intake\"}", "3f1c9a52-6a47-4d0e-9a8e-2f7d0c1b5e6a");
        assertSame(entry);
    }

    @Test
    void everyMemberMayBeAbsent() {
        AuditEntry entry = entry(Instant.parse("2026-03-02T10:02:41Z"), "system", 1, "engine", null, null,
                "job-created", "Taak ingepland", "job", null, null, null, null, null);
        assertSame(entry);
        assertSame(new AuditEntry(0, null, 0, Instant.EPOCH.plusSeconds(86_400L * 365 * 1000), null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null));
    }

    @Test
    void timestampsKeepTheirMicrosecondsInEveryYearAFormatterWritesInFourDigits() {
        for (String at : new String[] {"2026-01-01T00:00:00Z", "2026-12-31T23:59:59.999999Z",
                "2028-02-29T12:00:00.000001Z", "1000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z",
                "0999-12-31T23:59:59Z", "0001-01-01T00:00:00Z"}) {
            assertSame(entry(Instant.parse(at), "c", 1, "engine", null, null, "a", "b", "t", null, null, null, null,
                    null));
        }
    }

    @Test
    void randomTextOfEveryKindHashesAndExportsAsTheGeneralPath() {
        Random random = new Random(42);
        for (int i = 0; i < 5_000; i++) {
            AuditEntry entry = new AuditEntry(i, text(random), random.nextInt(1_000_000),
                    Instant.ofEpochSecond(1_500_000_000L + random.nextInt(1_000_000_000), random.nextInt(1_000_000) * 1000),
                    text(random), text(random), text(random), text(random), text(random), text(random), text(random),
                    text(random), text(random), text(random), text(random), text(random), text(random), text(random),
                    text(random));
            assertSame(entry);
        }
    }

    @Test
    void aChangedOrMissingStoredHashDoesNotMatch() {
        AuditEntry entry = entry(Instant.parse("2026-03-02T10:02:41.5Z"), "c", 1, "engine", null, null, "a", "b", "t",
                null, null, null, null, null);
        String hash = AuditHashes.hash(entry);
        EntryText text = new EntryText();
        assertThat(text.hashMatches(withHash(entry, hash))).isTrue();
        assertThat(text.hashMatches(withHash(entry, hash.toUpperCase()))).isFalse();
        assertThat(text.hashMatches(withHash(entry, hash.substring(1) + "0"))).isFalse();
        assertThat(text.hashMatches(withHash(entry, hash.substring(1)))).isFalse();
        assertThat(text.hashMatches(withHash(entry, null))).isFalse();
    }

    private static void assertSame(AuditEntry unhashed) {
        EntryText text = new EntryText();
        String expected = AuditHashes.hash(unhashed);
        assertThat(text.hash(unhashed)).isEqualTo(expected);
        AuditEntry hashed = withHash(unhashed, expected);
        assertThat(text.hashMatches(hashed)).isTrue();
        StringBuilder line = new StringBuilder("before ");
        text.appendExportLine(hashed, line);
        assertThat(line.toString()).isEqualTo("before " + hashed.exportLine());
        assertThat(text.hash(unhashed)).as("the buffers are reused cleanly").isEqualTo(expected);
    }

    private static AuditEntry withHash(AuditEntry e, String hash) {
        return new AuditEntry(e.id(), e.chain(), e.sequence(), e.occurredAt(), e.source(), e.application(),
                e.userId(), e.userDisplay(), e.action(), e.actionDisplay(), e.result(), e.resourceType(),
                e.resourceId(), e.resourceDisplay(), e.explanation(), e.changes(), e.traceId(), e.prevHash(), hash);
    }

    private static AuditEntry entry(Instant at, String chain, long sequence, String source, String userId,
                                    String userDisplay, String action, String actionDisplay, String resourceType,
                                    String resourceId, String resourceDisplay, String explanation, String changes,
                                    String traceId) {
        return new AuditEntry(1, chain, sequence, at, source, "doorbraak", userId, userDisplay, action, actionDisplay,
                "success", resourceType, resourceId, resourceDisplay, explanation, changes, traceId,
                AuditHashes.GENESIS, null);
    }

    /** Null now and then, otherwise a few pieces. */
    private static String text(Random random) {
        if (random.nextInt(8) == 0) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(6); n > 0; n--) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }
}
