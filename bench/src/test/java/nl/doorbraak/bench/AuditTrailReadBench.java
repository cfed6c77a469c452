package nl.doorbraak.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.doorbraak.request.RequestKind;
import nl.doorbraak.request.RequestSubmission;
import nl.doorbraak.security.DoorbraakUser;
import nl.doorbraak.support.Http;
import nl.doorbraak.support.CaseSteps;
import nl.doorbraak.support.Jobs;

/**
 * Reading one case's audit trail when the table holds a million entries: the first page of 50
 * through the API as an auditor (which also appends the read to the trail), measured over many
 * requests after a warm-up; p50 and p95 in milliseconds.
 */
class AuditTrailReadBench {

    private static final int FILLER = Integer.getInteger("bench.filler", 1_000_000);
    private static final int REQUESTS = Integer.getInteger("bench.requests", 300);

    @Test
    void oneCasesTrailAmongAMillionEntries() throws IOException {
        BenchDatabase database = BenchDatabase.start();
        try (ConfigurableApplicationContext app = BenchApplication.start(database, "bench_audit_read")) {
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            String reference = app.getBean(RequestSubmission.class).submit(RequestKind.RULE_CHANGE,
                    CaseSteps.submission("rotterdam-zuid", "read@rotterdam.example"),
                    new DoorbraakUser("rotterdam", "Indiener Rotterdam", Set.of("municipality-0599")), null)
                    .request().reference();
            BenchApplication.complete(engine, reference, "Task_Intake", "programme-office", "programme-office",
                    Map.of("intakeOutcome", "complete", "ruleDomains", List.of("income-support")));
            Jobs.runDue(engine);

            JdbcClient jdbc = app.getBean(JdbcClient.class);
            // filler: 10,000 other chains of 100 entries each, written in one statement
            jdbc.sql("""
                    INSERT INTO audit_event (chain, sequence, occurred_at, source, application, action, action_display,
                                             result, resource_type, resource_display, prev_hash, hash)
                    SELECT 'BENCH-' || (g / 100), (g % 100) + 1, now() - (g || ' seconds')::interval, 'engine',
                           'doorbraak', 'variable-created', 'Gegeven vastgelegd', 'success', 'variable',
                           'vulling ' || g, repeat('0', 64), repeat('0', 64)
                    FROM generate_series(0, ? - 1) g""").param(FILLER).update();
            jdbc.sql("ANALYZE audit_event").update();
            long total = jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();
            long ofCase = jdbc.sql("SELECT count(*) FROM audit_event WHERE chain = ?").param(reference)
                    .query(Long.class).single();

            Http http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());
            String path = "/api/v1/requests/" + reference + "/audit-trail?pageSize=50";
            for (int i = 0; i < 50; i++) {
                http.get(path, "auditor");
            }
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                long start = System.nanoTime();
                var response = http.get(path, "auditor");
                millis.add((System.nanoTime() - start) / 1e6);
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("Trail read failed: " + response.statusCode() + " " + response.body());
                }
            }
            String report = """
                    # Reading one case's audit trail among many entries (%s)

                    - database: %s
                    - settings: %s
                    - table: %d entries; the case's chain: %d entries at the start (each read appends one)
                    - request: GET %s as auditor (HTTP Basic, loopback), %d requests after 50 warm-up requests
                    - latency: p50 %.1f ms, p95 %.1f ms, max %.1f ms
                    """.formatted(LocalDateTime.now().withNano(0), database.description(), database.settings(), total,
                    ofCase, path, REQUESTS, BenchApplication.percentile(millis, 0.5),
                    BenchApplication.percentile(millis, 0.95), BenchApplication.percentile(millis, 1.0));
            System.out.println(report);
            Path results = Path.of("bench", "results");
            Files.createDirectories(results);
            Files.writeString(results.resolve("audit-trail-read.md"), report);
        }
    }
}
