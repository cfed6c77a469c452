package nl.doorbraak.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import nl.doorbraak.request.RequestKind;
import nl.doorbraak.request.RequestSubmission;
import nl.doorbraak.security.DoorbraakUser;
import nl.doorbraak.support.CaseSteps;

/**
 * Scenario 1 of issue 9: whole rule-change cases (submit, intake, three ministries in parallel,
 * decision, decision letter, end) at 1 and 4 threads, for the product and for the bare engine
 * running the same BPMN and DMN with no-op delegates and none of the application's listeners,
 * audit or tables. Rounds alternate product and bare engine; medians of the rounds and their
 * ratio per thread count. Each thread drives its own cases and runs its own cases' jobs.
 */
class LifecycleBench {

    private static final int WARMUP = Integer.getInteger("bench.warmup", 20);
    private static final int CASES = Integer.getInteger("bench.cases", 80);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final List<String> MINISTRIES = BareEngine.MINISTRIES;
    private static final DoorbraakUser ROTTERDAM = new DoorbraakUser("rotterdam", "Indiener Rotterdam",
            Set.of("municipality-0599"));

    /** What a driver does with one case, whichever engine runs it. */
    interface Lifecycle {
        void runOneCase(int number);
    }

    @Test
    void productVersusBareEngine() throws Exception {
        BenchDatabase database = BenchDatabase.start();
        ProcessEngine bare = BareEngine.start(database.freshDatabase("bench_bare"), database.user(),
                database.password(), "bench_bare");
        try (ConfigurableApplicationContext app = BenchApplication.start(database, "bench_lifecycle",
                "--doorbraak.demo.cases=false")) {
            ProcessEngine productEngine = app.getBean(ProcessEngine.class);
            RequestSubmission submission = app.getBean(RequestSubmission.class);
            Map<Integer, StepTimes> productSteps = Map.of(1, new StepTimes(), 4, new StepTimes());
            Map<Integer, StepTimes> bareSteps = Map.of(1, new StepTimes(), 4, new StepTimes());

            run(number -> productCase(productEngine, submission, productSteps.get(1)), 1, WARMUP);
            run(number -> bareCase(bare, number, bareSteps.get(1)), 1, WARMUP);
            productSteps.get(1).clear();
            bareSteps.get(1).clear();
            Map<Integer, List<Double>> productRates = new HashMap<>();
            Map<Integer, List<Double>> bareRates = new HashMap<>();
            for (int threads : List.of(1, 4)) {
                StepTimes productTimes = productSteps.get(threads);
                StepTimes bareTimes = bareSteps.get(threads);
                for (int round = 0; round < ROUNDS; round++) {
                    productRates.computeIfAbsent(threads, t -> new ArrayList<>()).add(
                            run(number -> productCase(productEngine, submission, productTimes), threads, CASES));
                    bareRates.computeIfAbsent(threads, t -> new ArrayList<>()).add(
                            run(number -> bareCase(bare, number, bareTimes), threads, CASES));
                }
            }
            StringBuilder table = new StringBuilder("| threads | product cases/s (rounds) | bare engine cases/s (rounds) | "
                    + "median product | median bare | ratio |\n|---|---|---|---|---|---|\n");
            for (int threads : List.of(1, 4)) {
                double p = BenchApplication.median(productRates.get(threads));
                double b = BenchApplication.median(bareRates.get(threads));
                table.append("| ").append(threads).append(" | ").append(format(productRates.get(threads))).append(" | ")
                        .append(format(bareRates.get(threads))).append(" | ").append(String.format("%.1f", p))
                        .append(" | ").append(String.format("%.1f", b)).append(" | ")
                        .append(String.format("%.2f", p / b)).append(" |\n");
            }
            table.append("\nMedian milliseconds per step of a case, all measured rounds:\n\n")
                    .append(stepTable(productSteps, bareSteps));
            String report = """
                    # Case lifecycle: product versus bare engine (%s)

                    - database: %s
                    - settings: %s
                    - workload: %d cases per round and thread count after %d warm-up cases each; %d rounds, product
                      and bare engine alternating; a case is submit, intake, three ministries in parallel, decision,
                      decision letter, end; every step through the engine's services, jobs run by the driver thread

                    %s""".formatted(LocalDateTime.now().withNano(0), database.description(), database.settings(), CASES,
                    WARMUP, ROUNDS, table);
            System.out.println(report);
            Path results = Path.of("bench", "results");
            Files.createDirectories(results);
            Files.writeString(results.resolve("lifecycle.md"), report);
        } finally {
            bare.close();
        }
    }

    /** Cases per second for {@code cases} cases spread over the threads. */
    static double run(Lifecycle lifecycle, int threads, int cases) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> drivers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            drivers.add(pool.submit(() -> {
                for (int number = next.getAndIncrement(); number < cases; number = next.getAndIncrement()) {
                    lifecycle.runOneCase(number);
                }
            }));
        }
        for (Future<?> driver : drivers) {
            driver.get();
        }
        pool.shutdown();
        return cases / ((System.nanoTime() - start) / 1e9);
    }

    // --- the product

    static void productCase(ProcessEngine engine, RequestSubmission submission, StepTimes steps) {
        Map<String, Object> input = CaseSteps.submission("rotterdam-zuid", "bench@rotterdam.example",
                "income-support", "youth-care", "education");
        input.put("requestedInstrument", "policy-change");
        String[] processInstanceId = new String[1];
        steps.time("submit", () -> processInstanceId[0] = submission.submit(RequestKind.RULE_CHANGE, input, ROTTERDAM,
                null).request().processInstanceId());
        sameSteps(engine, processInstanceId[0], steps);
    }

    /** A case counts only when it ran to its end. */
    private static void requireEnded(ProcessEngine engine, String processInstanceId) {
        if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
            throw new IllegalStateException("Case " + processInstanceId + " did not end");
        }
    }

    // --- the bare engine: the same models without the application

    static void bareCase(ProcessEngine engine, int number, StepTimes steps) {
        ProcessInstance[] instance = new ProcessInstance[1];
        steps.time("submit", () -> instance[0] = BareEngine.submitRuleChange(engine, "BARE-" + number,
                List.of("income-support", "youth-care", "education")));
        sameSteps(engine, instance[0].getId(), steps);
    }

    // --- the same user steps for both

    /** Intake, the three advices (the last one's jobs join them), decision, then the letter's jobs to the end. */
    private static void sameSteps(ProcessEngine engine, String processInstanceId, StepTimes steps) {
        steps.time("intake", () -> complete(engine, processInstanceId, "Task_Intake", "programme-office",
                Map.of("intakeOutcome", "complete", "ruleDomains", List.of("income-support", "youth-care", "education"))));
        for (String ministry : MINISTRIES) {
            steps.time("advice " + ministry.toUpperCase() + " and its jobs", () -> advise(engine, processInstanceId, ministry));
        }
        steps.time("decision", () -> complete(engine, processInstanceId, "Task_Decide", "programme-director", decision()));
        steps.time("jobs to the end (decision letter)", () -> runJobs(engine, processInstanceId));
        requireEnded(engine, processInstanceId);
    }

    private static void advise(ProcessEngine engine, String processInstanceId, String ministry) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey(engine,
                processInstanceId)).taskDefinitionKey("Task_Assess").taskCandidateGroup("ministry-" + ministry)
                .singleResult();
        completeTask(engine, task, "reviewer-" + ministry, "ministry-" + ministry, Map.of("assessmentOutcome", "advice",
                "advice", "support", "rationale", "Akkoord."));
        runJobs(engine, processInstanceId);
    }

    private static Map<String, Object> decision() {
        return Map.of("decisionOutcome", "granted", "rationale", "Akkoord.", "instrument", "policy-change",
                "effectiveDate", LocalDate.now().plusMonths(1).toString());
    }

    private static void complete(ProcessEngine engine, String processInstanceId, String taskKey, String user,
                                 Map<String, Object> values) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(taskKey).singleResult();
        completeTask(engine, task, user, user, values);
    }

    private static void completeTask(ProcessEngine engine, Task task, String user, String group,
                                     Map<String, Object> values) {
        if (task == null) {
            throw new IllegalStateException("No open task where the case should be waiting");
        }
        engine.getIdentityService().setAuthentication(user, List.of(group));
        try {
            engine.getTaskService().complete(task.getId(), new HashMap<>(values));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private static String businessKey(ProcessEngine engine, String processInstanceId) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult().getBusinessKey();
    }

    /** Runs the due jobs of the case and of the assessments it called, until none is left. */
    private static void runJobs(ProcessEngine engine, String processInstanceId) {
        for (int round = 0; round < 20; round++) {
            List<Job> jobs = new ArrayList<>();
            for (String instance : family(engine, processInstanceId)) {
                jobs.addAll(engine.getManagementService().createJobQuery().processInstanceId(instance).executable().list());
            }
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
    }

    private static Collection<String> family(ProcessEngine engine, String processInstanceId) {
        List<String> family = new ArrayList<>(List.of(processInstanceId));
        engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(processInstanceId).list()
                .forEach(child -> family.add(child.getId()));
        return family;
    }

    /** Per step, product and bare engine at 1 and 4 threads, and what the product adds at 1 thread. */
    static String stepTable(Map<Integer, StepTimes> product, Map<Integer, StepTimes> bare) {
        StringBuilder table = new StringBuilder("| step | product, 1 thread | bare, 1 thread | product minus bare "
                + "| product, 4 threads | bare, 4 threads |\n|---|---|---|---|---|---|\n");
        double[] sums = new double[5];
        for (String step : product.get(1).steps()) {
            double[] row = {product.get(1).median(step), bare.get(1).median(step),
                    product.get(1).median(step) - bare.get(1).median(step), product.get(4).median(step),
                    bare.get(4).median(step)};
            table.append("| ").append(step);
            for (int i = 0; i < row.length; i++) {
                table.append(" | ").append(String.format("%.1f", row[i]));
                sums[i] += row[i];
            }
            table.append(" |\n");
        }
        table.append("| sum of the medians");
        for (double sum : sums) {
            table.append(" | ").append(String.format("%.1f", sum));
        }
        return table.append(" |\n").toString();
    }

    static String format(List<Double> values) {
        return String.join(", ", values.stream().map(value -> String.format("%.1f", value)).toList());
    }
}
