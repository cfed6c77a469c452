package nl.doorbraak.request;

import static nl.doorbraak.support.CaseSteps.postJson;
import static nl.doorbraak.support.CaseSteps.ruleChange;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.doorbraak.audit.AuditVerifier;
import nl.doorbraak.audit.VerificationReport;
import nl.doorbraak.audit.VerificationScope;
import nl.doorbraak.support.Http;
import nl.doorbraak.support.PostgresIntegrationTest;

/**
 * Many submissions at once, a quarter of them sent twice with the same Idempotency-Key (often
 * while the first is still running): every accepted request exists exactly once, with one
 * process and one submission entry on its audit trail, and every chain verifies.
 */
@PostgresIntegrationTest
class ConcurrentSubmissionTests {

    private static final int SUBMISSIONS = Integer.getInteger("doorbraak.test.concurrent-submissions", 1000);
    private static final int THREADS = 16;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    AuditVerifier verifier;

    @Test
    void concurrentSubmissionsAndRetriesLeaveExactlyOneCaseEach() throws Exception {
        String token = "gelijktijdig" + UUID.randomUUID().toString().substring(0, 8);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < SUBMISSIONS; i++) {
            keys.add(token + "-" + i);
        }
        List<String> sends = new ArrayList<>(keys);
        sends.addAll(keys.subList(0, SUBMISSIONS / 4)); // a quarter retried
        Collections.shuffle(sends);

        Http http = new Http(port);
        Map<String, Set<String>> referencesByKey = new ConcurrentHashMap<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String key : sends) {
                done.add(pool.submit(() -> {
                    Map<String, Object> body = new LinkedHashMap<>(ruleChange("vlaardingen-west",
                            "gelijktijdig@vlaardingen.example"));
                    body.put("title", "Aanvraag " + key);
                    HttpResponse<String> response = postJson(http, "/api/v1/requests", "vlaardingen", body, key);
                    if (response.statusCode() != 201) {
                        failures.add(key + ": " + response.statusCode() + " " + response.body());
                        return;
                    }
                    referencesByKey.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet())
                            .add(Http.json(response).path("reference").asText());
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(failures).isEmpty();
        assertThat(referencesByKey).hasSize(SUBMISSIONS);
        assertThat(referencesByKey.values()).allSatisfy(references -> assertThat(references).hasSize(1));
        List<String> references = jdbc.sql("SELECT reference FROM request WHERE title LIKE ? ORDER BY reference")
                .param("Aanvraag " + token + "-%").query(String.class).list();
        assertThat(references).hasSize(SUBMISSIONS).doesNotHaveDuplicates();
        // nothing else submits meanwhile, so the retries must have left no gap between the numbers
        List<Long> numbers = references.stream().map(ReferenceNumbers::numberOf).sorted().toList();
        assertThat(numbers.get(numbers.size() - 1) - numbers.get(0) + 1).as("numbers without gaps")
                .isEqualTo(SUBMISSIONS);
        for (String reference : references) {
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).count())
                    .as("process of %s", reference).isEqualTo(1);
        }
        Long submitted = jdbc.sql("""
                SELECT count(*) FROM audit_event e JOIN request r ON r.reference = e.chain
                WHERE r.title LIKE ? AND e.action = 'request-submitted'""")
                .param("Aanvraag " + token + "-%").query(Long.class).single();
        assertThat(submitted).isEqualTo(SUBMISSIONS);
        for (String reference : references) {
            VerificationReport report = verifier.verify(VerificationScope.chain(reference));
            assertThat(report.ok()).as("%s", report).isTrue();
        }
        VerificationReport system = verifier.verify(VerificationScope.chain("system"));
        assertThat(system.ok()).as("%s", system).isTrue();
    }
}
