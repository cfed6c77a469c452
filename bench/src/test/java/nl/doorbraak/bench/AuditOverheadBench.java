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
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.doorbraak.request.RequestKind;
import nl.doorbraak.request.RequestSubmission;
import nl.doorbraak.security.DoorbraakUser;
import nl.doorbraak.support.CaseSteps;
import nl.doorbraak.support.Jobs;

/**
 * What the audit trail costs: the same rule-change cases (submit, intake, one ministry's advice,
 * decision, decision letter) driven through the application with the audit history handler on
 * and off, in one run, alternating rounds, single-threaded. Reports cases per second per round,
 * the medians and their ratio, and the audit entries written per case.
 */
class AuditOverheadBench {

    private static final int WARMUP_CASES = Integer.getInteger("bench.warmup", 30);
    private static final int CASES = Integer.getInteger("bench.cases", 150);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final DoorbraakUser ROTTERDAM = new DoorbraakUser("rotterdam", "Indiener Rotterdam",
            Set.of("municipality-0599"));

    @Test
    void auditOnVersusOff() throws IOException {
        BenchDatabase database = BenchDatabase.start();
        try (ConfigurableApplicationContext on = start(database, "bench_audit_on", true);
             ConfigurableApplicationContext off = start(database, "bench_audit_off", false)) {
            drive(on, WARMUP_CASES);
            drive(off, WARMUP_CASES);
            List<Double> withAudit = new ArrayList<>();
            List<Double> without = new ArrayList<>();
            Map<String, List<Double>> stepsWithAudit = new java.util.LinkedHashMap<>();
            for (int round = 0; round < ROUNDS; round++) {
                withAudit.add(drive(on, CASES));
                STEPS.forEach((step, millis) -> stepsWithAudit.put(step, new ArrayList<>(millis)));
                without.add(drive(off, CASES));
            }
            long entries = on.getBean(JdbcClient.class).sql("SELECT count(*) FROM audit_event").query(Long.class).single();
            long cases = on.getBean(JdbcClient.class).sql("SELECT count(*) FROM request").query(Long.class).single();
            String report = """
                    # Audit trail overhead (%s)

                    - database: %s
                    - settings: %s
                    - workload: %d cases per round after %d warm-up cases, %d rounds, one thread; each case is
                      submit → intake → one ministry's advice → decision → decision letter sent
                    - with audit (cases/s, per round): %s — median %.1f
                    - without audit (cases/s, per round): %s — median %.1f
                    - ratio with/without (medians): %.2f
                    - audit entries per case: %.0f
                    - median milliseconds per step, with audit (last round): %s
                    """.formatted(LocalDateTime.now().withNano(0), database.description(), database.settings(),
                    CASES, WARMUP_CASES, ROUNDS, format(withAudit), BenchApplication.median(withAudit), format(without),
                    BenchApplication.median(without), BenchApplication.median(withAudit) / BenchApplication.median(without), (double) entries / cases, steps(stepsWithAudit));
            System.out.println(report);
            Path results = Path.of("bench", "results");
            Files.createDirectories(results);
            Files.writeString(results.resolve("audit-overhead.md"), report);
        }
    }

    private static ConfigurableApplicationContext start(BenchDatabase database, String name, boolean audit) {
        return BenchApplication.start(database, name, "--doorbraak.audit.engine-events=" + audit);
    }

    /** Milliseconds per step of the last round with audit, to see where a case's time goes. */
    private static final Map<String, List<Double>> STEPS = new java.util.LinkedHashMap<>();

    /** Drives the cases to their end and returns cases per second. */
    private static double drive(ConfigurableApplicationContext app, int cases) {
        ProcessEngine engine = app.getBean(ProcessEngine.class);
        RequestSubmission submission = app.getBean(RequestSubmission.class);
        STEPS.clear();
        long start = System.nanoTime();
        for (int i = 0; i < cases; i++) {
            String[] reference = new String[1];
            step("submit", () -> reference[0] = submission.submit(RequestKind.RULE_CHANGE,
                    CaseSteps.submission("rotterdam-zuid", "bench@rotterdam.example"), ROTTERDAM, null)
                    .request().reference());
            step("intake", () -> BenchApplication.complete(engine, reference[0], "Task_Intake", "programme-office",
                    "programme-office", Map.of("intakeOutcome", "complete", "ruleDomains", List.of("income-support"))));
            step("advice", () -> BenchApplication.complete(engine, reference[0], "Task_Assess", "reviewer-szw",
                    "ministry-szw", Map.of("assessmentOutcome", "advice", "advice", "support",
                            "rationale", "Past binnen de wet.")));
            step("advice job (join, consolidation)", () -> Jobs.runDue(engine));
            step("decision", () -> BenchApplication.complete(engine, reference[0], "Task_Decide", "programme-director",
                    "programme-director", Map.of("decisionOutcome", "granted", "instrument", "clarification",
                            "effectiveDate", "2027-01-01", "rationale", "Akkoord.")));
            step("decision letter job", () -> Jobs.runDue(engine));
        }
        return cases / ((System.nanoTime() - start) / 1e9);
    }

    private static void step(String name, Runnable step) {
        long start = System.nanoTime();
        step.run();
        STEPS.computeIfAbsent(name, key -> new ArrayList<>()).add((System.nanoTime() - start) / 1e6);
    }

    private static String steps(Map<String, List<Double>> steps) {
        StringBuilder out = new StringBuilder();
        steps.forEach((step, millis) -> out.append(out.length() == 0 ? "" : "; ").append(step).append(' ')
                .append(String.format("%.1f", BenchApplication.median(millis))));
        return out.toString();
    }

    private static String format(List<Double> values) {
        return values.stream().map(value -> String.format("%.1f", value)).toList().toString();
    }
}
