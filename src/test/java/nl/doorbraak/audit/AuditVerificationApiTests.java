package nl.doorbraak.audit;

import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.submit;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static nl.doorbraak.support.ProblemAssertions.assertProblem;
import static nl.doorbraak.support.ProblemAssertions.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.support.Http;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TestUsers;

/**
 * GET /api/v1/audit/verification: auditors and the programme office verify; everyone else is
 * refused with a 403 problem, and the refusal lands on the system chain; every verification is
 * itself on the system chain; scopes are one case, a period, or everything; bad parameters are a
 * 400 problem per field. Cases here are submitted by Nieuwegein (0356).
 */
@PostgresIntegrationTest
class AuditVerificationApiTests {

    static final String NIEUWEGEIN = "nieuwegein";
    static final String NIEUWEGEIN_AREA = "nieuwegein-centrale-as";
    static final String PATH = "/api/v1/audit/verification";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @ParameterizedTest
    @ValueSource(strings = {TestUsers.AUDITOR, TestUsers.PROGRAMME_OFFICE})
    void auditorsAndTheProgrammeOfficeVerifyACaseAndTheirVerificationIsAudited(String user) {
        String reference = newCase();
        long before = lastEntryId();

        HttpResponse<String> response = http.get(PATH + "?reference=" + reference, user);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode report = Http.json(response);
        assertThat(report.path("ok").asBoolean()).isTrue();
        assertThat(report.path("scope").path("kind").asText()).isEqualTo("chain");
        assertThat(report.path("scope").path("chain").asText()).isEqualTo(reference);
        assertThat(report.path("chainsChecked").asLong()).isEqualTo(1);
        assertThat(report.path("entriesChecked").asLong()).isEqualTo(AuditDatabase.entries(reference).size());
        assertThat(report.has("sealsChecked")).isTrue();
        assertThat(report.path("problemsFound").asLong()).isZero();
        assertThat(report.has("firstBrokenLink")).isFalse();

        List<Map<String, Object>> audited = jdbc.sql("SELECT * FROM audit_event WHERE chain = 'system' AND id > ? "
                + "AND action = 'audit-verified' AND user_id = ?").params(before, user).query().listOfRows();
        assertThat(audited).hasSize(1);
        assertThat(audited.get(0)).containsEntry("action_display", "Audittrail geverifieerd")
                .containsEntry("resource_type", "audit-trail").containsEntry("resource_id", reference)
                .containsEntry("result", "success");
        assertThat((String) audited.get(0).get("changes")).contains("\"ok\":true")
                .contains("\"entriesChecked\":" + report.path("entriesChecked").asLong());
    }

    @ParameterizedTest
    @ValueSource(strings = {TestUsers.ROTTERDAM, TestUsers.REVIEWER_SZW})
    void municipalitiesAndMinistriesAreRefusedAndTheRefusalIsAudited(String user) {
        String reference = newCase();
        long before = lastEntryId();

        assertProblem(http.get(PATH + "?reference=" + reference, user), 403);

        List<Map<String, Object>> refused = jdbc.sql("SELECT * FROM audit_event WHERE chain = 'system' AND id > ? "
                + "AND user_id = ?").params(before, user).query().listOfRows();
        assertThat(refused).hasSize(1);
        assertThat(refused.get(0)).containsEntry("action", "access-denied").containsEntry("result", "refused")
                .containsEntry("resource_id", "GET " + PATH);
    }

    @Test
    void withoutCredentialsItIsA401Problem() {
        assertProblem(http.get(PATH), 401);
    }

    @Test
    void aPeriodVerifiesTheChainsWithEntriesInItWholeFromTheirFirstEntry() {
        String reference = newCase();
        List<AuditEntry> entries = AuditDatabase.entries(reference);
        Instant last = entries.get(entries.size() - 1).occurredAt();

        JsonNode report = Http.json(http.get(PATH + "?from=" + last + "&to=" + last.plus(1, ChronoUnit.MICROS),
                TestUsers.AUDITOR));

        assertThat(report.path("ok").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.path("scope").path("kind").asText()).isEqualTo("period");
        assertThat(report.path("scope").path("from").asText()).isEqualTo(last.toString());
        assertThat(report.path("chainsChecked").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(report.path("entriesChecked").asLong()).as("the whole chain, not the one entry in the period")
                .isGreaterThanOrEqualTo(entries.size());
    }

    @Test
    void aDateIsAWholeDayInDutchTime() {
        LocalDate today = LocalDate.now(CaseClock.DUTCH_TIME);

        JsonNode report = Http.json(http.get(PATH + "?from=" + today + "&to=" + today, TestUsers.AUDITOR));

        assertThat(report.path("scope").path("from").asText())
                .isEqualTo(today.atStartOfDay(CaseClock.DUTCH_TIME).toInstant().toString());
        assertThat(report.path("scope").path("to").asText())
                .isEqualTo(today.plusDays(1).atStartOfDay(CaseClock.DUTCH_TIME).toInstant().toString());
        assertThat(report.path("chainsChecked").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void badParametersAreA400ProblemNamingTheField() {
        assertThat(errorFields(assertProblem(http.get(PATH + "?from=gisteren", TestUsers.AUDITOR), 400)))
                .containsExactly("from");
        assertThat(errorFields(assertProblem(http.get(PATH + "?to=2026-02-30", TestUsers.AUDITOR), 400)))
                .containsExactly("to");
        assertThat(errorFields(assertProblem(http.get(PATH + "?from=2026-03-02&to=2026-03-01", TestUsers.AUDITOR),
                400))).containsExactly("to");
        assertThat(errorFields(assertProblem(http.get(PATH + "?reference=NPLV-2026-00001&from=2026-03-01",
                TestUsers.AUDITOR), 400))).containsExactly("reference");
        assertThat(errorFields(assertProblem(http.get(PATH + "?reference="
                + URLEncoder.encode("x' OR 1=1 --", StandardCharsets.UTF_8), TestUsers.AUDITOR), 400)))
                .containsExactly("reference");
        assertThat(errorFields(assertProblem(http.get(PATH + "?from=99999-01-01T00:00:00Z", TestUsers.AUDITOR), 400)))
                .containsExactly("from");
    }

    @Test
    void aCaseWithoutAnAuditTrailIsA404Problem() {
        assertProblem(http.get(PATH + "?reference=NPLV-1999-99999", TestUsers.AUDITOR), 404);
    }

    // ------------------------------------------------------------------ helpers

    private String newCase() {
        return submit(http, NIEUWEGEIN, ruleChange(NIEUWEGEIN_AREA, uniqueEmail(NIEUWEGEIN)));
    }

    private long lastEntryId() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM audit_event").query(Long.class).single();
    }
}
