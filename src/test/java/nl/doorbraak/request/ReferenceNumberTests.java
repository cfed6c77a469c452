package nl.doorbraak.request;

import static nl.doorbraak.support.CaseSteps.postJson;
import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.doorbraak.support.Http;
import nl.doorbraak.support.PostgresIntegrationTest;

/**
 * The register of reference numbers has no silent gaps: a retry takes no number, and a number
 * lost to a real failure is recorded as unused, on the audit trail too.
 */
@PostgresIntegrationTest
class ReferenceNumberTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    UnusedReferenceNumbers unusedNumbers;

    @Test
    void aRetryWithTheSameKeyTakesNoNumber() {
        Http http = new Http(port);
        String key = "retry-" + UUID.randomUUID();
        Map<String, Object> body = ruleChange("rotterdam-zuid", uniqueEmail("rotterdam"));
        String first = reference(postJson(http, "/api/v1/requests", "rotterdam", body, key), 201);
        for (int retry = 0; retry < 3; retry++) {
            assertThat(reference(postJson(http, "/api/v1/requests", "rotterdam", body, key), 201)).isEqualTo(first);
        }
        String next = reference(postJson(http, "/api/v1/requests", "rotterdam", body, "other-" + key), 201);
        assertThat(ReferenceNumbers.numberOf(next)).isEqualTo(ReferenceNumbers.numberOf(first) + 1);
    }

    @Test
    void aSubmissionThatFailsAfterTakingItsNumberRecordsTheNumberAsUnused() {
        Http http = new Http(port);
        long before = lastNumber();
        long requests = count("request");
        // an administrator suspended the process in Cockpit: the case file is written, the process cannot start
        repositoryService.suspendProcessDefinitionByKey("rule-change-request");
        HttpResponse<String> failed;
        try {
            failed = postJson(http, "/api/v1/requests", "rotterdam", ruleChange("rotterdam-zuid",
                    uniqueEmail("rotterdam")), "fails-" + UUID.randomUUID());
        } finally {
            repositoryService.activateProcessDefinitionByKey("rule-change-request");
        }
        assertThat(failed.statusCode()).as(failed.body()).isGreaterThanOrEqualTo(400);
        assertThat(count("request")).isEqualTo(requests);
        String lost = ReferenceNumbers.format(java.time.Year.now().getValue(), before + 1);
        assertThat(unusedReason(before + 1)).contains("Indienen mislukt");
        assertThat(auditEntries(lost)).isEqualTo(1);

        String next = reference(postJson(http, "/api/v1/requests", "rotterdam", ruleChange("rotterdam-zuid",
                uniqueEmail("rotterdam")), null), 201);
        assertThat(ReferenceNumbers.numberOf(next)).isEqualTo(before + 2);
        assertThat(unusedNumbers.recordGaps()).as("nothing left unexplained").isZero();
    }

    @Test
    void aNumberLostWithoutAChanceToRecordItIsFoundAsAGapOnceLaterRequestsHaveSettled() {
        Http http = new Http(port);
        // what a submission killed between taking its number and committing leaves behind
        long lost = jdbc.sql("SELECT nextval('request_number_seq')").query(Long.class).single();
        String after = reference(postJson(http, "/api/v1/requests", "rotterdam", ruleChange("rotterdam-zuid",
                uniqueEmail("rotterdam")), null), 201);
        assertThat(ReferenceNumbers.numberOf(after)).isEqualTo(lost + 1);

        assertThat(unusedNumbers.recordGaps()).as("a submission may still be running with it").isZero();
        Date now = ClockUtil.getCurrentTime();
        try {
            ClockUtil.setCurrentTime(new Date(now.getTime() + 11 * 60_000));
            unusedNumbers.recordGaps(); // the scheduled scan may have found it a moment earlier
            assertThat(unusedNumbers.recordGaps()).as("recorded once").isZero();
        } finally {
            ClockUtil.reset();
        }
        assertThat(unusedReason(lost)).contains("onderbroken").contains(after);
        assertThat(auditEntries(ReferenceNumbers.format(java.time.Year.now().getValue(), lost))).isEqualTo(1);
    }

    private static String reference(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return Http.json(response).path("reference").asText();
    }

    private long lastNumber() {
        return jdbc.sql("SELECT last_value FROM request_number_seq").query(Long.class).single();
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private String unusedReason(long number) {
        List<String> reasons = jdbc.sql("SELECT reason FROM unused_reference_number WHERE number = ?").param(number)
                .query(String.class).list();
        assertThat(reasons).as("number %d recorded as unused", number).hasSize(1);
        return reasons.get(0);
    }

    private long auditEntries(String reference) {
        return jdbc.sql("""
                SELECT count(*) FROM audit_event WHERE chain = 'system' AND action = 'reference-number-unused'
                AND resource_id = ? AND result = 'failed'""").param(reference).query(Long.class).single();
    }
}
