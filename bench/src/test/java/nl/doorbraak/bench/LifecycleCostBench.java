package nl.doorbraak.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import nl.doorbraak.reference.ReferenceData;
import nl.doorbraak.request.RequestRecord;
import nl.doorbraak.request.RequestSubmission;
import nl.doorbraak.request.Requests;

/**
 * Where the product's cost on top of the engine goes (issue 9, scenario 1): the lifecycle of
 * {@link LifecycleBench} for the bare engine, the product, and the product with one required
 * feature switched off at a time: the audit entries of engine events, Camunda's authorization
 * (with it the per-task grants), and the case context of the tasks reduced to the four Tasklist
 * columns. All variants run in one JVM on databases of one PostgreSQL, rounds alternating, so the
 * ratios to the bare engine are measured side by side. The variants are measurements, not
 * configurations to run: each drops something an issue requires.
 */
class LifecycleCostBench {

    private static final int WARMUP = Integer.getInteger("bench.warmup", 20);
    private static final int CASES = Integer.getInteger("bench.cases", 60);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

    private static final String NO_ENGINE_AUDIT = "--doorbraak.audit.engine-events=false";
    private static final String NO_AUTHORIZATION = "--camunda.bpm.authorization.enabled=false";
    private static final String OVERRIDE_BEANS = "--spring.main.allow-bean-definition-overriding=true";

    private record Variant(String name, List<Class<?>> sources, String... settings) {
    }

    @Test
    void costOfEachFeature() throws Exception {
        List<Variant> variants = List.of(
                new Variant("product", List.of()),
                new Variant("without audit of engine events", List.of(), NO_ENGINE_AUDIT),
                new Variant("without authorization", List.of(), NO_AUTHORIZATION),
                new Variant("case context: the four Tasklist columns only", List.of(ColumnsOnly.class),
                        OVERRIDE_BEANS),
                new Variant("all three", List.of(ColumnsOnly.class), NO_ENGINE_AUDIT, NO_AUTHORIZATION,
                        OVERRIDE_BEANS));
        BenchDatabase database = BenchDatabase.start();
        ProcessEngine bare = BareEngine.start(database.freshDatabase("bench_cost_bare"), database.user(),
                database.password(), "bench_cost_bare");
        List<ConfigurableApplicationContext> apps = new ArrayList<>();
        try {
            Map<String, LifecycleBench.Lifecycle> drivers = new LinkedHashMap<>();
            Map<String, StepTimes> steps = new LinkedHashMap<>();
            steps.put("bare engine", new StepTimes());
            drivers.put("bare engine", number -> LifecycleBench.bareCase(bare, number, steps.get("bare engine")));
            for (int i = 0; i < variants.size(); i++) {
                Variant variant = variants.get(i);
                List<String> settings = new ArrayList<>(List.of(variant.settings()));
                settings.add("--doorbraak.demo.cases=false");
                ConfigurableApplicationContext app = BenchApplication.start(database, "bench_cost_" + i,
                        variant.sources(), settings.toArray(String[]::new));
                apps.add(app);
                ProcessEngine engine = app.getBean(ProcessEngine.class);
                RequestSubmission submission = app.getBean(RequestSubmission.class);
                StepTimes variantSteps = new StepTimes();
                steps.put(variant.name(), variantSteps);
                drivers.put(variant.name(), number -> LifecycleBench.productCase(engine, submission, variantSteps));
            }
            for (LifecycleBench.Lifecycle driver : drivers.values()) {
                LifecycleBench.run(driver, 1, WARMUP);
            }
            Map<String, Map<Integer, List<Double>>> rates = new HashMap<>();
            String stepTable = "";
            for (int threads : List.of(1, 4)) {
                steps.values().forEach(StepTimes::clear);
                for (int round = 0; round < ROUNDS; round++) {
                    for (Map.Entry<String, LifecycleBench.Lifecycle> driver : drivers.entrySet()) {
                        rates.computeIfAbsent(driver.getKey(), name -> new HashMap<>())
                                .computeIfAbsent(threads, t -> new ArrayList<>())
                                .add(LifecycleBench.run(driver.getValue(), threads, CASES));
                    }
                }
                if (threads == 1) {
                    stepTable = stepTable(steps);
                }
            }
            StringBuilder table = new StringBuilder("| variant | 1 thread, cases/s (rounds) | median | ratio to bare "
                    + "| 4 threads, cases/s (rounds) | median | ratio to bare |\n|---|---|---|---|---|---|---|\n");
            for (String name : drivers.keySet()) {
                table.append("| ").append(name);
                for (int threads : List.of(1, 4)) {
                    List<Double> mine = rates.get(name).get(threads);
                    double median = BenchApplication.median(mine);
                    double bareMedian = BenchApplication.median(rates.get("bare engine").get(threads));
                    table.append(" | ").append(LifecycleBench.format(mine)).append(" | ")
                            .append(String.format("%.1f", median)).append(" | ")
                            .append(String.format("%.2f", median / bareMedian));
                }
                table.append(" |\n");
            }
            String report = """
                    # Case lifecycle: the product's cost per feature (%s)

                    - database: %s
                    - settings: %s
                    - workload: %d cases per round, variant and thread count after %d warm-up cases each; %d rounds,
                      the variants alternating within a round; the case of LifecycleBench

                    %s
                    Median milliseconds per step of a case at 1 thread, all rounds:

                    %s""".formatted(LocalDateTime.now().withNano(0), database.description(), database.settings(),
                    CASES, WARMUP, ROUNDS, table, stepTable);
            System.out.println(report);
            Path results = Path.of("bench", "results");
            Files.createDirectories(results);
            Files.writeString(results.resolve("lifecycle-cost.md"), report);
        } finally {
            apps.forEach(ConfigurableApplicationContext::close);
            bare.close();
        }
    }

    private static String stepTable(Map<String, StepTimes> steps) {
        StringBuilder table = new StringBuilder("| step | ").append(String.join(" | ", steps.keySet())).append(" |\n|---|")
                .append("---|".repeat(steps.size())).append("\n");
        for (String step : steps.get("product").steps()) {
            table.append("| ").append(step);
            steps.values().forEach(times -> table.append(" | ").append(String.format("%.1f", times.median(step))));
            table.append(" |\n");
        }
        return table.toString();
    }

    /**
     * The case context reduced to what Tasklist's filter columns show (reference, municipality,
     * focus area, title) and the task's specific name; replaces the application's
     * {@code caseContext} listener in the variant that measures what the rest of it costs. Not a
     * {@code @Configuration}: the application's component scan covers this package and would
     * apply it to every application of a benchmark run; it is given as a source where wanted.
     */
    static class ColumnsOnly {

        @Bean("caseContext")
        TaskListener caseContext(Requests requests, ReferenceData referenceData) {
            return (DelegateTask task) -> {
                RequestRecord request = requests.get(UUID.fromString((String) task.getVariable("requestId")));
                task.setName(task.getName() + " verzoek " + request.reference());
                Map<String, Object> columns = new HashMap<>();
                columns.put("caseReference", request.reference());
                columns.put("caseMunicipality", referenceData.municipality(request.municipalityCode())
                        .map(municipality -> municipality.name()).orElse(request.municipalityCode()));
                columns.put("caseFocusArea", referenceData.focusArea(request.focusAreaCode())
                        .map(area -> area.name()).orElse(request.focusAreaCode()));
                columns.put("caseTitle", request.title());
                task.setVariablesLocal(columns);
            };
        }
    }
}
