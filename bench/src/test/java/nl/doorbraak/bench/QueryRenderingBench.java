package nl.doorbraak.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.Test;

/**
 * What {@code platform.QueryPropertyReadCache} saves per engine query: a task query and a
 * historic activity query (as {@code RequestViews} makes them), with an authenticated user and
 * authorization on, against an empty in-memory H2 database so that the time is the engine's and
 * MyBatis's own, not the database's. OGNL's registry of accessors is global to a JVM, so each
 * variant runs in JVMs of its own (this class's {@link #main}), alternating.
 */
class QueryRenderingBench {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final int PAIRS = Integer.getInteger("bench.pairs", 20_000);

    @Test
    void enginesQueriesWithAndWithoutTheReadMethodCache() throws Exception {
        Map<String, List<Double>> micros = new TreeMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (String variant : List.of("plain", "cached")) {
                micros.computeIfAbsent(variant, v -> new ArrayList<>()).add(runJvm(variant));
            }
        }
        double plain = BenchApplication.median(micros.get("plain"));
        double cached = BenchApplication.median(micros.get("cached"));
        String report = """
                # Engine query rendering with and without the read-method cache (%s)

                - a task query by business key and an unfinished historic activity query by process instance, %d
                  pairs per JVM after as many to warm up, H2 in memory (empty), authorization on, user authenticated
                - µs per pair, per JVM: OGNL's accessor %s; QueryPropertyReadCache %s
                - medians: %.1f µs without, %.1f µs with the cache (ratio %.2f)
                """.formatted(LocalDateTime.now().withNano(0), PAIRS, format(micros.get("plain")), format(micros.get("cached")), plain,
                cached, cached / plain);
        System.out.println(report);
        Path results = Path.of("bench", "results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("query-rendering.md"), report);
    }

    private static String format(List<Double> values) {
        return String.join(", ", values.stream().map(value -> String.format("%.1f", value)).toList());
    }

    private static double runJvm(String variant) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseParallelGC", "-cp", System.getProperty("java.class.path"), QueryRenderingBench.class.getName(),
                variant, Integer.toString(PAIRS)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("The " + variant + " JVM failed: " + output);
        }
        String last = output.lines().filter(line -> line.startsWith("micros per pair ")).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("No result from the " + variant + " JVM: " + output));
        return Double.parseDouble(last.substring("micros per pair ".length()));
    }

    /** One JVM: arguments variant ("plain" or "cached") and the number of query pairs. */
    public static void main(String[] arguments) throws Exception {
        if ("cached".equals(arguments[0])) {
            Class<?> cache = Class.forName("nl.doorbraak.platform.engine.QueryPropertyReadCache");
            var install = cache.getDeclaredMethod("install");
            install.setAccessible(true); // package-private in the application, as it should stay
            install.invoke(null);
        }
        int pairs = Integer.parseInt(arguments[1]);
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:query-rendering;DB_CLOSE_DELAY=-1");
        configuration.setHistory("full");
        configuration.setAuthorizationEnabled(true);
        configuration.setJobExecutorActivate(false);
        ProcessEngine engine = configuration.buildProcessEngine();
        engine.getIdentityService().setAuthentication("reviewer-szw", List.of("ministry-szw"));
        for (int run = 0; run < 2; run++) { // the first run warms up
            long start = System.nanoTime();
            for (int i = 0; i < pairs; i++) {
                engine.getTaskService().createTaskQuery().processInstanceBusinessKey("NPLV-2026-" + i)
                        .orderByTaskCreateTime().asc().list();
                engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId("instance-" + i)
                        .unfinished().orderByHistoricActivityInstanceStartTime().asc().list();
            }
            System.out.println("micros per pair " + (System.nanoTime() - start) / 1e3 / pairs);
        }
        engine.close();
    }
}
