package nl.doorbraak.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.doorbraak.request.RequestKind;
import nl.doorbraak.request.RequestSubmission;
import nl.doorbraak.security.DoorbraakUser;
import nl.doorbraak.support.CaseSteps;
import nl.doorbraak.support.Http;
import nl.doorbraak.support.Jobs;
import nl.doorbraak.support.PostgresIntegrationTest;

/**
 * The engine's history cleanup removes a case's engine history when its time to live is over,
 * and leaves its audit trail whole: the trail outlives the engine's history and still verifies.
 */
@PostgresIntegrationTest
class AuditRetentionTests {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RequestSubmission submission;
    @Autowired
    AuditVerifier verifier;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @Test
    void historyCleanupRemovesTheEngineHistoryOfAnEndedCaseButNotItsAuditTrail() {
        String reference = endedCase();
        long entries = entries(reference);
        assertThat(entries).isGreaterThan(20);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(reference).count()).isPositive();

        // as if its time to live had passed: removal time in the past, then the nightly cleanup
        engine.getHistoryService().setRemovalTimeToHistoricProcessInstances()
                .absoluteRemovalTime(Date.from(Instant.now().minus(1, ChronoUnit.DAYS)))
                .byQuery(engine.getHistoryService().createHistoricProcessInstanceQuery()
                        .processInstanceBusinessKey(reference))
                .hierarchical()
                .executeAsync();
        Jobs.runDue(engine);
        Job cleanup = engine.getHistoryService().cleanUpHistoryAsync(true);
        engine.getManagementService().executeJob(cleanup.getId());

        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(reference).count()).as("engine history removed").isZero();
        assertThat(entries(reference)).as("audit trail untouched").isEqualTo(entries);
        VerificationReport report = verifier.verify(VerificationScope.chain(reference));
        assertThat(report.ok()).as("%s", report).isTrue();
        assertThat(report.entriesChecked()).isEqualTo(entries);
    }

    private String endedCase() {
        Map<String, Object> input = CaseSteps.submission("roosendaal-stad", "retention@roosendaal.example",
                "debt-assistance");
        String reference = submission.submit(RequestKind.RULE_CHANGE, input,
                new DoorbraakUser("roosendaal", "Indiener Roosendaal", Set.of("municipality-1674")), null)
                .request().reference();
        Http http = new Http(port);
        var response = http.send(http.request("/api/v1/requests/" + reference + "/withdrawal", "roosendaal")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"Niet meer nodig.\"}")).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Jobs.runDue(engine);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .count()).isZero();
        return reference;
    }

    private long entries(String reference) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE chain = ?").param(reference).query(Long.class).single();
    }
}
