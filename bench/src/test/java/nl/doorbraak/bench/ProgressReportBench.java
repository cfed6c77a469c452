package nl.doorbraak.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.doorbraak.support.Http;

/**
 * The progress report over a year with 100,000 decided cases (a tenth of them budget pooling, one
 * in a hundred still open past a deadline), with their advice, decisions, budget lines and the
 * engine's task history, written straight into the tables: JSON through the API as an auditor,
 * median of several runs after warm-up; HTML and PDF once each for comparison.
 */
class ProgressReportBench {

    private static final int CASES = Integer.getInteger("bench.cases", 100_000);
    private static final int RUNS = Integer.getInteger("bench.runs", 5);

    @Test
    void aYearWithAHundredThousandCases() throws IOException {
        BenchDatabase database = BenchDatabase.start();
        try (ConfigurableApplicationContext app = BenchApplication.start(database, "bench_report",
                "--doorbraak.demo.cases=false")) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long filling = System.nanoTime();
            fill(jdbc, CASES);
            double fillSeconds = (System.nanoTime() - filling) / 1e9;

            Http http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());
            String path = "/api/v1/reports/progress?period=2030";
            int size = 0;
            for (int i = 0; i < 2; i++) {
                size = get(http, path).length();
            }
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                get(http, path);
                millis.add((System.nanoTime() - start) / 1e6);
            }
            long htmlStart = System.nanoTime();
            int htmlSize = get(http, path + "&format=html").length();
            double htmlMillis = (System.nanoTime() - htmlStart) / 1e6;
            long pdfStart = System.nanoTime();
            int pdfSize = http.sendBytes(http.request(path + "&format=pdf", "auditor").GET().build()).body().length;
            double pdfMillis = (System.nanoTime() - pdfStart) / 1e6;

            String report = """
                    # Progress report over %d decided cases (%s)

                    - database: %s
                    - settings: %s
                    - data: %d requests in 2030 (10%% budget pooling, 1%% open past a deadline), one advice and
                      three history tasks each, written in %.1f s
                    - request: GET %s as auditor (JSON, %d kB), %d runs after 2 warm-up runs
                    - JSON: median %.0f ms, min %.0f ms, max %.0f ms
                    - HTML once: %.0f ms (%d kB); PDF once: %.0f ms (%d kB)
                    """.formatted(CASES, LocalDateTime.now().withNano(0), database.description(), database.settings(),
                    CASES, fillSeconds, path, size / 1024, RUNS, BenchApplication.median(millis),
                    millis.stream().mapToDouble(Double::doubleValue).min().orElse(0), BenchApplication.percentile(millis, 1.0), htmlMillis,
                    htmlSize / 1024, pdfMillis, pdfSize / 1024);
            System.out.println(report);
            Path results = Path.of("bench", "results");
            Files.createDirectories(results);
            Files.writeString(results.resolve("progress-report.md"), report);
        }
    }

    private static String get(Http http, String path) {
        var response = http.get(path, "auditor");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Report failed: " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** Cases of 2030, every 5 minutes, over the 20 focus areas and 14 rule domains, in a few statements. */
    private static void fill(JdbcClient jdbc, int cases) {
        jdbc.sql("""
                INSERT INTO request (id, reference, kind, municipality_code, focus_area_code, title, payload, status,
                                     urgency, contact_email, submitted_by, submitted_at, updated_at, closed_at,
                                     process_instance_id, version, regulation)
                SELECT md5('request' || g)::uuid, 'BENCH-' || lpad(g::text, 7, '0'),
                       CASE WHEN g % 10 = 0 THEN 'budget-pooling' ELSE 'rule-change' END,
                       f.municipality_code, f.code, 'Benchverzoek ' || g, '{}',
                       CASE WHEN g % 100 = 1 THEN 'assessment' ELSE 'decided' END, 'normal', 'bench@example.nl', 'bench',
                       timestamptz '2030-01-01 08:00+00' + g * interval '5 minutes',
                       timestamptz '2030-01-01 08:00+00' + g * interval '5 minutes', NULL, 'bench-pi-' || g, 0,
                       CASE WHEN g % 10 = 0 THEN NULL ELSE 'Regeling ' || (g % 40) END
                FROM generate_series(0, ? - 1) g
                JOIN (SELECT code, municipality_code, row_number() OVER (ORDER BY code) - 1 AS i FROM focus_area) f
                  ON f.i = g % 20""").param(cases).update();
        jdbc.sql("""
                INSERT INTO request_rule_domain (request_id, rule_domain_code)
                SELECT r.id, d.code FROM request r
                JOIN (SELECT code, row_number() OVER (ORDER BY code) - 1 AS i FROM rule_domain) d
                  ON d.i = substr(r.reference, 7)::int % 14
                WHERE r.reference LIKE 'BENCH-%' AND r.kind = 'rule-change'""").update();
        jdbc.sql("""
                INSERT INTO advice (id, request_id, ministry_code, advice, rationale, advised_by, requested_at,
                                    advised_at, due_at)
                SELECT md5('advice' || r.reference)::uuid, r.id, coalesce(d.ministry_code, 'ocw'), 'support', 'Bench.',
                       'bench', r.submitted_at + interval '1 day',
                       r.submitted_at + interval '1 day' + (substr(r.reference, 7)::int % 40) * interval '1 day',
                       r.submitted_at + interval '29 days'
                FROM request r LEFT JOIN request_rule_domain rd ON rd.request_id = r.id
                LEFT JOIN rule_domain d ON d.code = rd.rule_domain_code
                WHERE r.reference LIKE 'BENCH-%' AND r.status = 'decided'""").update();
        jdbc.sql("""
                INSERT INTO decision (id, request_id, outcome, instrument, rationale, effective_date, evaluation_date,
                                      decided_by, decided_at)
                SELECT md5('decision' || r.reference)::uuid, r.id,
                       (ARRAY['granted', 'partly-granted', 'rejected'])[substr(r.reference, 7)::int % 3 + 1],
                       CASE WHEN substr(r.reference, 7)::int % 3 < 2
                            THEN CASE WHEN r.kind = 'budget-pooling' THEN 'pooled-specific-grant' ELSE 'experiment' END END,
                       'Bench.', (r.submitted_at + interval '60 days')::date,
                       CASE WHEN substr(r.reference, 7)::int % 3 < 2 AND r.kind = 'rule-change'
                            THEN (r.submitted_at + interval '200 days')::date END,
                       'bench', r.submitted_at + (substr(r.reference, 7)::int % 50 + 2) * interval '1 day'
                FROM request r WHERE r.reference LIKE 'BENCH-%' AND r.status = 'decided'""").update();
        jdbc.sql("""
                INSERT INTO request_budget_line (request_id, line_number, ministry_code, regulation_code, amount, years)
                SELECT r.id, n, CASE WHEN n = 1 THEN 'ocw' ELSE 'szw' END,
                       CASE WHEN n = 1 THEN 'ocw-school-en-omgeving' ELSE 'szw-baangarantie-jongeren' END,
                       100000.00 * n + (substr(r.reference, 7)::int % 1000), '2030'
                FROM request r CROSS JOIN generate_series(1, 2) n
                WHERE r.reference LIKE 'BENCH-%' AND r.kind = 'budget-pooling'""").update();
        jdbc.sql("""
                INSERT INTO decision_budget_line (decision_id, ministry_code, regulation_code, requested_amount, granted_amount)
                SELECT d.id, l.ministry_code, l.regulation_code, l.amount,
                       CASE d.outcome WHEN 'granted' THEN l.amount WHEN 'partly-granted' THEN round(l.amount / 2, 2) ELSE 0 END
                FROM decision d JOIN request_budget_line l ON l.request_id = d.request_id""").update();
        jdbc.sql("""
                INSERT INTO ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, START_TIME_,
                                             END_TIME_, STATE_)
                SELECT r.process_instance_id, r.process_instance_id, r.reference, 'rule-change-request', 'bench',
                       r.submitted_at AT TIME ZONE 'UTC', NULL, 'ACTIVE'
                FROM request r WHERE r.reference LIKE 'BENCH-%'""").update();
        jdbc.sql("""
                INSERT INTO ACT_HI_TASKINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, PROC_INST_ID_, TASK_DEF_KEY_, NAME_,
                                             START_TIME_, END_TIME_, DUE_DATE_)
                SELECT r.process_instance_id || '-' || t.key, 'rule-change-request', 'bench', r.process_instance_id,
                       t.key, t.key || ' ' || r.reference,
                       (r.submitted_at + t.n * interval '1 day') AT TIME ZONE 'UTC',
                       CASE WHEN r.status = 'assessment' AND t.key <> 'Task_Intake' THEN NULL
                            ELSE (r.submitted_at + (t.n + 1) * interval '1 day') AT TIME ZONE 'UTC' END,
                       (r.submitted_at + (t.n + 5) * interval '1 day') AT TIME ZONE 'UTC'
                FROM request r CROSS JOIN (VALUES (0, 'Task_Intake'), (1, 'Task_Assess'), (2, 'Task_Decide')) t(n, key)
                WHERE r.reference LIKE 'BENCH-%'""").update();
        jdbc.sql("""
                INSERT INTO ACT_HI_IDENTITYLINK (ID_, TIMESTAMP_, TYPE_, GROUP_ID_, TASK_ID_, OPERATION_TYPE_)
                SELECT t.ID_ || '-link', t.START_TIME_, 'candidate',
                       'ministry-' || (ARRAY['szw', 'vws', 'ocw', 'jenv', 'vro', 'bzk', 'fin'])[abs(hashtext(t.ID_)) % 7 + 1],
                       t.ID_, 'add'
                FROM ACT_HI_TASKINST t WHERE t.TASK_DEF_KEY_ = 'Task_Assess' AND t.PROC_DEF_ID_ = 'bench'""").update();
        for (String table : List.of("request", "request_rule_domain", "advice", "decision", "request_budget_line",
                "decision_budget_line", "ACT_HI_PROCINST", "ACT_HI_TASKINST", "ACT_HI_IDENTITYLINK")) {
            jdbc.sql("ANALYZE " + table).update();
        }
    }
}
