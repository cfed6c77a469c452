package nl.doorbraak.audit;

import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.submit;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.doorbraak.support.Http;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TestUsers;

/**
 * Tampering with the audit trail directly in the database, as only someone with the database
 * owner's rights can (the append-only trigger switched off), is reported at the exact entry:
 * an altered entry, a deleted one, two swapped, a chain cut short. Each tampering is done on a
 * case of its own, submitted by Dordrecht (0505), and undone afterwards, so that no other test
 * meets a broken chain; a case nobody touched still verifies intact. And the application's own
 * database user cannot change or remove audit rows at all.
 */
@PostgresIntegrationTest
class AuditTamperTests {

    static final String DORDRECHT = "dordrecht";
    static final String DORDRECHT_AREA = "dordrecht-west";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditTrail audit;
    @Autowired
    AuditVerifier verifier;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void anAlteredEntryIsReportedAtThatEntryWhileAnUntouchedCaseStillVerifies() {
        String tampered = newCase();
        String untouched = newCase();
        List<AuditEntry> entries = AuditDatabase.entries(tampered);
        AuditEntry victim = entries.get(entries.size() / 2);
        AuditDatabase.Snapshot original = AuditDatabase.snapshot(tampered);
        try {
            AuditDatabase.tamper(db -> db.sql("UPDATE audit_event SET user_id = 'someone-else' WHERE id = ?")
                    .param(victim.id()).update());

            JsonNode report = verification(http, "reference=" + tampered);
            assertBroken(report, tampered, victim.sequence(), victim.id(),
                    "Hash klopt niet: de inhoud van deze regel is gewijzigd");
            assertThat(report.path("chainsChecked").asLong()).isEqualTo(1);
            assertThat(report.path("entriesChecked").asLong()).isEqualTo(entries.size());
            assertThat(report.path("problemsFound").asLong()).as("only the altered entry").isEqualTo(1);

            // a period around the case's entries checks its chain too, whole, and finds the same link
            JsonNode period = verification(http, "from=" + entries.get(0).occurredAt() + "&to="
                    + entries.get(entries.size() - 1).occurredAt().plus(1, ChronoUnit.MICROS));
            assertThat(period.path("scope").path("kind").asText()).isEqualTo("period");
            assertThat(period.path("entriesChecked").asLong()).isGreaterThanOrEqualTo(entries.size());
            assertThat(period.path("firstBrokenLink").path("chain").asText()).isEqualTo(tampered);
            assertThat(period.path("firstBrokenLink").path("sequence").asLong()).isEqualTo(victim.sequence());

            JsonNode intact = verification(http, "reference=" + untouched);
            assertThat(intact.path("ok").asBoolean()).as("untouched: %s", intact).isTrue();
            assertThat(intact.has("firstBrokenLink")).isFalse();
            assertThat(intact.path("entriesChecked").asLong()).isEqualTo(AuditDatabase.entries(untouched).size());
        } finally {
            AuditDatabase.restore(original);
        }
        assertThat(verification(http, "reference=" + tampered).path("ok").asBoolean()).as("restored").isTrue();
    }

    @Test
    void aDeletedEntryIsReportedAsMissingAtItsSequence() {
        String reference = newCase();
        List<AuditEntry> entries = AuditDatabase.entries(reference);
        AuditEntry deleted = entries.get(entries.size() / 2);
        AuditEntry next = entries.get(entries.size() / 2 + 1);
        AuditDatabase.Snapshot original = AuditDatabase.snapshot(reference);
        try {
            AuditDatabase.tamper(db -> db.sql("DELETE FROM audit_event WHERE id = ?").param(deleted.id()).update());

            JsonNode report = verification(http, "reference=" + reference);
            assertBroken(report, reference, deleted.sequence(), next.id(), "Regel ontbreekt: volgnummer "
                    + deleted.sequence() + " verwacht, " + next.sequence() + " gevonden");
            assertThat(report.path("entriesChecked").asLong()).isEqualTo(entries.size() - 1);
        } finally {
            AuditDatabase.restore(original);
        }
        assertThat(verification(http, "reference=" + reference).path("ok").asBoolean()).isTrue();
    }

    @Test
    void twoSwappedEntriesAreReportedAtTheFirstOfThem() {
        String reference = newCase();
        List<AuditEntry> entries = AuditDatabase.entries(reference);
        AuditEntry first = entries.get(entries.size() / 2);
        AuditEntry second = entries.get(entries.size() / 2 + 1);
        AuditDatabase.Snapshot original = AuditDatabase.snapshot(reference);
        try {
            // each row keeps its place (id, sequence) but takes the other's contents and hashes
            AuditDatabase.tamper(db -> {
                moveContents(db, second, first.id());
                moveContents(db, first, second.id());
            });
            assertThat(AuditDatabase.entries(reference).get(entries.size() / 2).action())
                    .isEqualTo(second.action());

            JsonNode report = verification(http, "reference=" + reference);
            assertBroken(report, reference, first.sequence(), first.id(), "Verwijzing naar de vorige regel klopt niet");
        } finally {
            AuditDatabase.restore(original);
        }
        assertThat(verification(http, "reference=" + reference).path("ok").asBoolean()).isTrue();
    }

    @Test
    void aChainCutShortIsReportedAtTheFirstMissingSequence() {
        String reference = newCase();
        List<AuditEntry> entries = AuditDatabase.entries(reference);
        long last = entries.get(entries.size() - 1).sequence();
        AuditDatabase.Snapshot original = AuditDatabase.snapshot(reference);
        try {
            AuditDatabase.tamper(db -> db.sql("DELETE FROM audit_event WHERE chain = ? AND sequence > ?")
                    .params(reference, last - 2).update());

            JsonNode report = verification(http, "reference=" + reference);
            assertBroken(report, reference, last - 1, null,
                    "Keten is ingekort: laatste regel " + (last - 2) + ", kop verwijst naar " + last);
            assertThat(report.path("entriesChecked").asLong()).isEqualTo(entries.size() - 2);
        } finally {
            AuditDatabase.restore(original);
        }
        assertThat(verification(http, "reference=" + reference).path("ok").asBoolean()).isTrue();
    }

    @Test
    void theApplicationsDatabaseUserCannotChangeOrRemoveAuditRows() {
        String reference = newCase();
        AuditEntry entry = AuditDatabase.entries(reference).get(0);

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET action_display = 'Niets gebeurd' WHERE id = ?")
                .param(entry.id()).update())
                .isInstanceOf(DataAccessException.class).rootCause()
                .hasMessageContaining("The audit trail is append-only: UPDATE on audit_event is not allowed");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE id = ?").param(entry.id()).update())
                .isInstanceOf(DataAccessException.class).rootCause()
                .hasMessageContaining("The audit trail is append-only: DELETE on audit_event is not allowed");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_event").update())
                .isInstanceOf(DataAccessException.class).rootCause()
                .hasMessageContaining("The audit trail is append-only: TRUNCATE on audit_event is not allowed");

        assertThat(AuditDatabase.entries(reference).get(0)).isEqualTo(entry);
        assertThat(verification(http, "reference=" + reference).path("ok").asBoolean()).isTrue();
    }

    @Test
    void aChainGrowingWhileItIsVerifiedIsNotMistakenForTampering() throws Exception {
        String reference = newCase();
        Thread appender = new Thread(() -> {
            for (int i = 0; i < 200; i++) {
                audit.about(reference).by(DORDRECHT).action(AuditAction.DOCUMENT_ADDED, "Document toegevoegd")
                        .resource("document", "document-" + i, "Document " + i).record();
            }
        });
        appender.start();
        int verifications = 0;
        while (appender.isAlive() || verifications < 3) {
            VerificationReport report = verifier.verify(VerificationScope.chain(reference));
            assertThat(report.ok()).as("while appending: %s", report).isTrue();
            verifications++;
        }
        appender.join();

        assertThat(verifier.verify(VerificationScope.chain(reference)).entriesChecked())
                .isEqualTo(AuditDatabase.entries(reference).size());
    }

    // ------------------------------------------------------------------ helpers

    private String newCase() {
        String reference = submit(http, DORDRECHT, ruleChange(DORDRECHT_AREA, uniqueEmail(DORDRECHT)));
        assertThat(AuditDatabase.entries(reference)).as("entries of a new case").hasSizeGreaterThanOrEqualTo(6);
        return reference;
    }

    /** Gives the row with the id the contents of the entry, hashes included; only its id and sequence stay. */
    private static void moveContents(JdbcClient db, AuditEntry from, long toId) {
        db.sql("""
                UPDATE audit_event SET occurred_at = ?, source = ?, application = ?, user_id = ?, user_display = ?,
                       action = ?, action_display = ?, result = ?, resource_type = ?, resource_id = ?,
                       resource_display = ?, explanation = ?, changes = ?, trace_id = ?, prev_hash = ?, hash = ?
                WHERE id = ?""")
                .params(from.occurredAt().atOffset(java.time.ZoneOffset.UTC), from.source(), from.application(),
                        from.userId(), from.userDisplay(), from.action(), from.actionDisplay(), from.result(),
                        from.resourceType(), from.resourceId(), from.resourceDisplay(), from.explanation(),
                        from.changes(), from.traceId(), from.prevHash(), from.hash(), toId)
                .update();
    }

    static JsonNode verification(Http http, String query) {
        HttpResponse<String> response = http.get("/api/v1/audit/verification?" + query, TestUsers.AUDITOR);
        assertThat(response.statusCode()).as("verification %s: %s", query, response.body()).isEqualTo(200);
        return Http.json(response);
    }

    static void assertBroken(JsonNode report, String chain, long sequence, Long entryId, String problem) {
        assertThat(report.path("ok").asBoolean()).as("ok in %s", report).isFalse();
        JsonNode broken = report.path("firstBrokenLink");
        assertThat(broken.path("chain").asText()).as("chain in %s", report).isEqualTo(chain);
        assertThat(broken.path("sequence").asLong()).as("sequence in %s", report).isEqualTo(sequence);
        if (entryId == null) {
            assertThat(broken.has("entryId")).as("no entry id in %s", report).isFalse();
        } else {
            assertThat(broken.path("entryId").asLong()).as("entry id in %s", report).isEqualTo(entryId);
        }
        assertThat(broken.path("problem").asText()).isEqualTo(problem);
    }
}
