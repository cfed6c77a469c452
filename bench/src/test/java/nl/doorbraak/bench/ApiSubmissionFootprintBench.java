package nl.doorbraak.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import nl.doorbraak.support.AppProcess;
import nl.doorbraak.support.CaseSteps;
import nl.doorbraak.support.Http;

/**
 * Issue 9, scenarios 2 and 6, against the packaged application running as a process of its own
 * (build it first: {@code ./mvnw -B -DskipTests package}), so that the load generator does not
 * share its heap or its JIT with the server and the server's resident memory is its own.
 *
 * <p>Each round: a start on a fresh database (schema and deployments created) and a restart on it
 * (the usual case), each timed from process start to the first health UP; resident memory after
 * start, after a warm-up of submissions, and sampled under load; then 8 clients over HTTP Basic for
 * {@code bench.seconds} each: the baseline {@code GET /api/v1/ministries} and the submission
 * {@code POST /api/v1/requests}, as municipality users, each client sending its next request as
 * soon as the last one is answered. Then the same submissions against the bare engine behind HTTP
 * ({@link BareEngineServer}, a process of its own with the same JVM options), the baseline the
 * ratio of the submissions is taken against.
 */
class ApiSubmissionFootprintBench {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 300);
    /**
     * The server's JVM options, whitespace separated; "none" for the JVM's defaults, which is what a
     * plain {@code java -jar} gets. The default is what the Dockerfile sets for production.
     */
    private static final String JVM = System.getProperty("bench.jvm", "-Xmx384m");
    /** Records the submission load of each round with JDK Flight Recorder (bench/results/*.jfr). */
    private static final boolean JFR = Boolean.getBoolean("bench.jfr");
    /** Native memory tracking on the server; its summary after the load goes to bench/results/. */
    private static final boolean NMT = Boolean.getBoolean("bench.nmt");

    private static final String[][] MUNICIPALITIES = {{"rotterdam", "rotterdam-zuid"},
            {"amsterdam", "amsterdam-zuidoost"}, {"utrecht", "utrecht-overvecht"}, {"tilburg", "tilburg-noordwest"}};
    private static final Path RESULTS = Path.of("bench", "results");
    private static final Pattern STARTED = Pattern.compile("Started DoorbraakApplication in ([0-9.]+) seconds "
            + "\\(process running for ([0-9.]+)\\)");

    /**
     * One load phase: every answer's latency, the failures, how long it ran, and the CPU time the
     * server process used meanwhile (a cost that depends less on how busy the machine is).
     */
    record Load(List<Double> millis, int errors, List<String> firstErrors, double seconds, double serverCpuSeconds) {
        double perSecond() {
            return millis.size() / seconds;
        }

        double serverCpuMillisPerRequest() {
            return serverCpuSeconds * 1000 / millis.size();
        }

        double percentile(double fraction) {
            return millis.isEmpty() ? Double.NaN : BenchApplication.percentile(millis, fraction);
        }
    }

    /** Resident memory and threads of a process, from /proc. */
    record Memory(long rssKb, int threads) {
        double rssMb() {
            return rssKb / 1024.0;
        }
    }

    /** What one round measured. */
    record Round(double coldStart, double warmStart, double warmStartCpu, String springStart, Memory afterStart, Memory afterWarmup,
                 Memory peakUnderLoad, Memory afterLoad, Load baseline, Load submission, Load bareSubmission) {
    }

    @Test
    void submissionsAndFootprintOfTheApplicationProcess() throws Exception {
        Files.createDirectories(RESULTS);
        BenchDatabase database = BenchDatabase.start();
        List<String> jvmOptions = new ArrayList<>("none".equals(JVM) ? List.of() : Arrays.asList(JVM.trim().split("\\s+")));
        if (NMT) {
            jvmOptions.add("-XX:NativeMemoryTracking=summary");
        }
        List<Round> rounds = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            rounds.add(round(database, jvmOptions, round));
        }
        String when = LocalDateTime.now().withNano(0).toString();
        String load = uptimeLoad();
        writeReport("api-submission.md", submissionReport(when, load, database, jvmOptions, rounds));
        writeReport("footprint.md", footprintReport(when, load, database, jvmOptions, rounds));
    }

    private static Round round(BenchDatabase database, List<String> jvmOptions, int round) throws Exception {
        String url = database.freshDatabase("bench_footprint");
        double cold;
        try (AppProcess app = process("footprint-cold-" + round, jvmOptions, database, url)) {
            cold = app.start(Duration.ofMinutes(3)).startUpTime().toMillis() / 1000.0;
            app.stop();
        }
        try (AppProcess app = process("api-round-" + round, jvmOptions, database, url)) {
            double warm = app.start(Duration.ofMinutes(3)).startUpTime().toMillis() / 1000.0;
            double warmCpu = cpuSeconds(app.pid());
            String spring = springStart(app.log());
            Memory afterStart = memory(app.pid());
            run(app, ApiSubmissionFootprintBench::submit, 201, Duration.ZERO, WARMUP);
            run(app, ApiSubmissionFootprintBench::baseline, 200, Duration.ofSeconds(5), Integer.MAX_VALUE);
            Memory afterWarmup = memory(app.pid());

            List<Memory> samples = new ArrayList<>();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> {
                synchronized (samples) {
                    samples.add(memory(app.pid()));
                }
            }, 0, 500, TimeUnit.MILLISECONDS);
            Load baseline;
            Load submission;
            try {
                baseline = run(app, ApiSubmissionFootprintBench::baseline, 200, Duration.ofSeconds(SECONDS),
                        Integer.MAX_VALUE);
                if (JFR) {
                    // the submission load only, not the start-up or the baseline
                    jcmd(app.pid(), "JFR.start", "name=submission", "settings=profile",
                            "filename=" + RESULTS.resolve("api-submission-round" + round + ".jfr").toAbsolutePath());
                }
                submission = run(app, ApiSubmissionFootprintBench::submit, 201, Duration.ofSeconds(SECONDS),
                        Integer.MAX_VALUE);
                if (JFR) {
                    jcmd(app.pid(), "JFR.stop", "name=submission");
                }
            } finally {
                sampler.shutdownNow();
            }
            Memory afterLoad = memory(app.pid());
            Memory peak;
            synchronized (samples) {
                peak = samples.stream().max((a, b) -> Long.compare(a.rssKb(), b.rssKb())).orElse(afterLoad);
            }
            if (NMT) {
                Files.writeString(RESULTS.resolve("footprint-nmt-round" + round + ".txt"),
                        jcmd(app.pid(), "VM.native_memory", "summary"));
            }
            app.stop();
            return new Round(cold, warm, warmCpu, spring, afterStart, afterWarmup, peak, afterLoad, baseline, submission,
                    bareSubmissions(database, jvmOptions, round));
        }
    }

    /** The same submissions, warm-up and load against the bare engine behind HTTP ({@link BareEngineServer}). */
    private static Load bareSubmissions(BenchDatabase database, List<String> jvmOptions, int round) throws Exception {
        String url = database.freshDatabase("bench_bare_api");
        try (AppProcess bare = AppProcess.mainClass("bare-api-round-" + round, jvmOptions, BareEngineServer.class,
                Path.of("target", "bench"), url, database.user(), database.password())) {
            bare.start(Duration.ofMinutes(2));
            run(bare, ApiSubmissionFootprintBench::submit, 201, Duration.ZERO, WARMUP);
            Load load = run(bare, ApiSubmissionFootprintBench::submit, 201, Duration.ofSeconds(SECONDS), Integer.MAX_VALUE);
            bare.stop();
            return load;
        }
    }

    private static AppProcess process(String name, List<String> jvmOptions, BenchDatabase database, String url) {
        return new AppProcess(name, jvmOptions, url, database.user(), database.password(),
                Path.of("target", "bench"));
    }

    private static HttpResponse<String> baseline(Http http, String[] municipality) {
        return http.get("/api/v1/ministries", municipality[0]);
    }

    private static HttpResponse<String> submit(Http http, String[] municipality) {
        return CaseSteps.postJson(http, "/api/v1/requests", municipality[0],
                CaseSteps.ruleChange(municipality[1], CaseSteps.uniqueEmail(municipality[0])));
    }

    /**
     * CLIENTS clients, each with its own HTTP client (its own connection) and municipality, send
     * requests one after another until the duration is over or, together, {@code count} were sent.
     */
    private static Load run(AppProcess app, BiFunction<Http, String[], HttpResponse<String>> request, int expected,
                            Duration duration, int count) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        long end = duration.isZero() ? Long.MAX_VALUE : start + duration.toNanos();
        double cpuBefore = cpuSeconds(app.pid());
        java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
        List<Double> millis = new ArrayList<>();
        List<String> firstErrors = new ArrayList<>();
        int[] errors = {0};
        List<Future<?>> running = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            String[] municipality = MUNICIPALITIES[client % MUNICIPALITIES.length];
            Http http = app.http();
            running.add(clients.submit(() -> {
                while (System.nanoTime() < end && sent.getAndIncrement() < count) {
                    long before = System.nanoTime();
                    String error = null;
                    try {
                        HttpResponse<String> response = request.apply(http, municipality);
                        if (response.statusCode() != expected) {
                            error = response.statusCode() + " " + response.body();
                        }
                    } catch (UncheckedIOException | IllegalStateException e) {
                        error = e.toString();
                    }
                    double took = (System.nanoTime() - before) / 1e6;
                    synchronized (millis) {
                        millis.add(took);
                        if (error != null && errors[0]++ < 5) {
                            firstErrors.add(error);
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        clients.shutdown();
        return new Load(millis, errors[0], firstErrors, (System.nanoTime() - start) / 1e9,
                cpuSeconds(app.pid()) - cpuBefore);
    }

    private static Memory memory(long pid) {
        try {
            long rss = 0;
            int threads = 0;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("\\D", ""));
                } else if (line.startsWith("Threads:")) {
                    threads = Integer.parseInt(line.replaceAll("\\D", ""));
                }
            }
            return new Memory(rss, threads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** User and system CPU time of a process so far (/proc/<pid>/stat, in clock ticks of 1/100 s). */
    private static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state is field 3 of stat, utime 14 and stime 15
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Spring's own account of the start: its context and the JVM's uptime when it was ready. */
    private static String springStart(Path log) throws IOException {
        Matcher matcher = STARTED.matcher(Files.readString(log));
        String last = "?";
        while (matcher.find()) {
            last = "context " + matcher.group(1) + " s, JVM " + matcher.group(2) + " s";
        }
        return last;
    }

    private static String jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor(1, TimeUnit.MINUTES);
        return output;
    }

    /** How busy the machine was: the load averages over 1, 5 and 15 minutes, at the end. */
    private static String uptimeLoad() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    private static String submissionReport(String when, String load, BenchDatabase database, List<String> jvm,
                                           List<Round> rounds) {
        StringBuilder out = new StringBuilder("""
                # API submission under load (issue 9 scenario 2, %s)

                - database: %s
                - settings: %s
                - server: the packaged application as a process of its own, JVM options %s
                - load: %d clients (java.net.http, one connection each, HTTP Basic as municipality users),
                  closed loop, %d s per phase; baseline GET /api/v1/ministries, then POST /api/v1/requests
                  (rule change), after %d warm-up submissions and 5 s of baseline
                - machine load average at the end (1, 5, 15 min): %s

                | round | phase | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | server CPU ms/request |
                |---|---|---|---|---|---|---|---|---|---|
                """.formatted(when, database.description(), database.settings(), jvm.isEmpty() ? "none" : jvm,
                CLIENTS, SECONDS, WARMUP, load));
        for (int i = 0; i < rounds.size(); i++) {
            Round round = rounds.get(i);
            row(out, i + 1, "GET ministries", round.baseline());
            row(out, i + 1, "POST requests", round.submission());
            row(out, i + 1, "POST bare engine", round.bareSubmission());
        }
        List<Double> getRate = rounds.stream().map(round -> round.baseline().perSecond()).toList();
        List<Double> postRate = rounds.stream().map(round -> round.submission().perSecond()).toList();
        List<Double> ratio = rounds.stream()
                .map(round -> round.submission().perSecond() / round.baseline().perSecond()).toList();
        List<Double> cpuRatio = rounds.stream().map(round -> round.submission().serverCpuMillisPerRequest()
                / round.baseline().serverCpuMillisPerRequest()).toList();
        List<Double> postP99 = rounds.stream().map(round -> round.submission().percentile(0.99)).toList();
        List<Double> getP99 = rounds.stream().map(round -> round.baseline().percentile(0.99)).toList();
        List<Double> bareRate = rounds.stream().map(round -> round.bareSubmission().perSecond()).toList();
        List<Double> bareP99 = rounds.stream().map(round -> round.bareSubmission().percentile(0.99)).toList();
        List<Double> productPerBare = rounds.stream()
                .map(round -> round.submission().perSecond() / round.bareSubmission().perSecond()).toList();
        List<Double> cpuPerBare = rounds.stream().map(round -> round.submission().serverCpuMillisPerRequest()
                / round.bareSubmission().serverCpuMillisPerRequest()).toList();
        out.append("""

                - medians: GET %.1f req/s (p99 %.1f ms), POST %.1f req/s (p50 %.1f ms, p95 %.1f ms, p99 %.1f ms)
                - submissions per second / baseline requests per second, per round: %s — median %.3f
                - server CPU per submission / per baseline request, per round: %s — median %.1f
                - bare engine behind HTTP (BareEngineServer, same body, same clients): %.1f req/s, p99 %.1f ms;
                  product / bare submissions per second, per round: %s — median %.2f; server CPU per submission,
                  product / bare, per round: %s — median %.1f
                - errors: GET %d, POST %d, POST bare %d%s
                """.formatted(BenchApplication.median(getRate), BenchApplication.median(getP99),
                BenchApplication.median(postRate),
                BenchApplication.median(rounds.stream().map(round -> round.submission().percentile(0.5)).toList()),
                BenchApplication.median(rounds.stream().map(round -> round.submission().percentile(0.95)).toList()),
                BenchApplication.median(postP99), format(ratio, "%.3f"), BenchApplication.median(ratio),
                format(cpuRatio, "%.1f"), BenchApplication.median(cpuRatio),
                BenchApplication.median(bareRate), BenchApplication.median(bareP99), format(productPerBare, "%.2f"),
                BenchApplication.median(productPerBare), format(cpuPerBare, "%.1f"), BenchApplication.median(cpuPerBare),
                rounds.stream().mapToInt(round -> round.baseline().errors()).sum(),
                rounds.stream().mapToInt(round -> round.submission().errors()).sum(),
                rounds.stream().mapToInt(round -> round.bareSubmission().errors()).sum(),
                rounds.stream().flatMap(round -> java.util.stream.Stream.concat(round.submission().firstErrors().stream(),
                        round.bareSubmission().firstErrors().stream())).findFirst()
                        .map(error -> " (first: " + error.substring(0, Math.min(300, error.length())) + ")")
                        .orElse("")));
        return out.toString();
    }

    private static void row(StringBuilder out, int round, String phase, Load load) {
        out.append("| %d | %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %d | %.1f |%n".formatted(round, phase,
                load.millis().size(), load.perSecond(), load.percentile(0.5), load.percentile(0.95),
                load.percentile(0.99), load.percentile(1.0), load.errors(), load.serverCpuMillisPerRequest()));
    }

    private static String footprintReport(String when, String load, BenchDatabase database, List<String> jvm,
                                          List<Round> rounds) {
        StringBuilder out = new StringBuilder("""
                # Footprint of the application process (issue 9 scenario 6, %s)

                - database: %s
                - server: the packaged application (java -jar, profile postgres, job executor and webapps on),
                  JVM options %s; ready = first health UP, timed from the process's start
                - first start: on a fresh database (schema, deployments); restart: on that database again
                - RSS = VmRSS of /proc/<pid>/status; after %d warm-up submissions; peak sampled every 0.5 s
                  during %d s of baseline and %d s of submissions by %d clients
                - machine load average at the end (1, 5, 15 min): %s

                | round | first start s | restart s | CPU s to ready (restart) | Spring (restart) | RSS after start MB | after warm-up MB | peak under load MB | after load MB | threads under load |
                |---|---|---|---|---|---|---|---|---|---|
                """.formatted(when, database.description(), jvm.isEmpty() ? "none" : jvm, WARMUP, SECONDS, SECONDS,
                CLIENTS, load));
        for (int i = 0; i < rounds.size(); i++) {
            Round round = rounds.get(i);
            out.append("| %d | %.1f | %.1f | %.1f | %s | %.0f | %.0f | %.0f | %.0f | %d |%n".formatted(i + 1,
                    round.coldStart(), round.warmStart(), round.warmStartCpu(), round.springStart(), round.afterStart().rssMb(),
                    round.afterWarmup().rssMb(), round.peakUnderLoad().rssMb(), round.afterLoad().rssMb(),
                    round.peakUnderLoad().threads()));
        }
        out.append("""

                - medians: first start %.1f s, restart %.1f s (%.1f s of CPU); RSS after warm-up %.0f MB, peak under
                  load %.0f MB
                """.formatted(BenchApplication.median(rounds.stream().map(Round::coldStart).toList()),
                BenchApplication.median(rounds.stream().map(Round::warmStart).toList()),
                BenchApplication.median(rounds.stream().map(Round::warmStartCpu).toList()),
                BenchApplication.median(rounds.stream().map(round -> round.afterWarmup().rssMb()).toList()),
                BenchApplication.median(rounds.stream().map(round -> round.peakUnderLoad().rssMb()).toList())));
        return out.toString();
    }

    private static String format(List<Double> values, String format) {
        return String.join(", ", values.stream().map(value -> String.format(format, value)).toList());
    }

    private static void writeReport(String name, String report) throws IOException {
        System.out.println(report);
        Files.writeString(RESULTS.resolve(name), report);
    }
}
