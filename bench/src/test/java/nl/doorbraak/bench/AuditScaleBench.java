package nl.doorbraak.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.doorbraak.audit.AuditEntry;
import nl.doorbraak.audit.AuditQueries;
import nl.doorbraak.audit.AuditSeals;
import nl.doorbraak.request.RequestKind;
import nl.doorbraak.request.RequestSubmission;
import nl.doorbraak.security.DoorbraakUser;
import nl.doorbraak.support.CaseSteps;
import nl.doorbraak.support.Http;
import nl.doorbraak.support.Jobs;
import nl.doorbraak.support.TestUsers;

/**
 * The audit trail at scale (issue 9, scenario 4): one real case plus a million filler entries in
 * valid chains (copies of the case's chain, hashed by the product's code, with heads and a seal),
 * then, each in rounds against a baseline measured in the same run:
 * <ol>
 * <li>one case's trail over HTTP (first page of 50, as the auditor): p95, against the same two
 *     queries over plain JDBC;</li>
 * <li>verification of the whole trail over HTTP: entries per second, against plain JDBC reading
 *     the same rows in chain order and SHA-256 hashing the same bytes (the floor of any verifier);</li>
 * <li>the full export (NDJSON and CSV) over HTTP from the application in a JVM of its own with
 *     {@code -Xmx256m} and a GC log: complete (records = entries), entries per second and heap,
 *     against plain JDBC writing NDJSON lines to a null stream.</li>
 * </ol>
 * {@code -Dbench.jfr=file.jfr} records the verification rounds with JDK Flight Recorder;
 * {@code -Dbench.parts=verification} (or {@code trail}, {@code export}, comma-separated) runs only those.
 */
class AuditScaleBench {

    private static final String NAME = "bench_audit_scale";
    private static final int FILLER = Integer.getInteger("bench.filler", 1_000_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final int REQUESTS = Integer.getInteger("bench.requests", 300);
    private static final String EXPORT_HEAP = System.getProperty("bench.exportHeap", "256m");
    private static final Set<String> PARTS = Set.of(System.getProperty("bench.parts", "trail,verification,export")
            .split(","));
    private static final String PERIOD = "from=2000-01-01&to=2099-12-31";
    private static final Pattern GC = Pattern.compile("GC\\(\\d+\\) (Pause \\w+)(.*?) (\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private final StringBuilder report = new StringBuilder();
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void auditTrailAtAMillionEntries() throws Exception {
        BenchDatabase database = BenchDatabase.start();
        String machine = machine();
        report.append("# Audit trail at scale (").append(LocalDateTime.now(ZoneOffset.UTC).withNano(0))
                .append(" UTC)\n\n- database: ").append(database.description()).append("\n- settings: ")
                .append(database.settings()).append("\n- machine at start: ").append(machine).append('\n');
        try (ConfigurableApplicationContext app = BenchApplication.start(database, NAME)) {
            String reference = realCase(app);
            List<AuditEntry> template = app.getBean(AuditQueries.class).page(reference, 0, 10_000);
            AuditFiller.Filled filled = AuditFiller.fill(database, NAME, template, FILLER);
            var seal = app.getBean(AuditSeals.class).seal().orElseThrow();
            long total = count(app.getBean(JdbcClient.class));
            report.append("- filler: %,d entries in %,d chains of %d (copies of the real case's chain), written and "
                    .formatted(filled.entries(), filled.chains(), template.size()))
                    .append("hashed in %.1f s; seal %d over %,d heads; table: %,d entries\n"
                            .formatted(filled.seconds(), seal.sequence(), seal.heads().size(), total));
            Http http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());
            PlainAuditReader plain = new PlainAuditReader(database, NAME);
            if (PARTS.contains("trail")) {
                oneCasesTrail(database, http, reference);
            }
            if (PARTS.contains("verification")) {
                verification(http, plain);
            }
        }
        if (PARTS.contains("export")) {
            export(database, new PlainAuditReader(database, NAME));
        }
        report.append("\n- machine at end: ").append(machine()).append('\n');
        System.out.println(report);
        Path results = Path.of("bench", "results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("audit-scale.md"), report);
    }

    /** A rule-change case submitted and past intake: about a hundred entries of every kind. */
    private static String realCase(ConfigurableApplicationContext app) {
        ProcessEngine engine = app.getBean(ProcessEngine.class);
        String reference = app.getBean(RequestSubmission.class).submit(RequestKind.RULE_CHANGE,
                CaseSteps.submission("rotterdam-zuid", "scale@rotterdam.example"),
                new DoorbraakUser("rotterdam", "Indiener Rotterdam", Set.of("municipality-0599")), null)
                .request().reference();
        BenchApplication.complete(engine, reference, "Task_Intake", "programme-office", "programme-office",
                Map.of("intakeOutcome", "complete", "ruleDomains", List.of("income-support")));
        Jobs.runDue(engine);
        return reference;
    }

    // ---- (a) one case's trail

    private void oneCasesTrail(BenchDatabase database, Http http, String reference) throws SQLException {
        String path = "/api/v1/requests/" + reference + "/audit-trail?pageSize=50";
        for (int i = 0; i < 50; i++) {
            http.get(path, "auditor");
        }
        List<Double> productP95 = new ArrayList<>();
        List<Double> plainP95 = new ArrayList<>();
        report.append("\n## (a) One case's trail: GET ").append(path).append(" as auditor\n\n")
                .append("%d requests per round after 50 warm-up requests; baseline: the count and the page query "
                        .formatted(REQUESTS))
                .append("over plain JDBC (one connection), same number of times.\n\n")
                .append("| round | product p50 ms | product p95 ms | product max ms | plain JDBC p95 ms |\n")
                .append("|---|---|---|---|---|\n");
        try (Connection connection = DriverManager.getConnection(database.url(NAME), database.user(),
                database.password());
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM audit_event WHERE chain = ?");
             PreparedStatement page = connection.prepareStatement("SELECT id, chain, sequence, occurred_at, source, "
                     + "application, user_id, user_display, action, action_display, result, resource_type, resource_id, "
                     + "resource_display, explanation, changes, trace_id, prev_hash, hash FROM audit_event "
                     + "WHERE chain = ? ORDER BY sequence LIMIT 50 OFFSET 0")) {
            for (int round = 1; round <= ROUNDS; round++) {
                List<Double> millis = new ArrayList<>();
                for (int i = 0; i < REQUESTS; i++) {
                    long start = System.nanoTime();
                    HttpResponse<String> response = http.get(path, "auditor");
                    millis.add((System.nanoTime() - start) / 1e6);
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("Trail read failed: " + response.statusCode() + " "
                                + response.body());
                    }
                }
                List<Double> plainMillis = new ArrayList<>();
                for (int i = 0; i < REQUESTS; i++) {
                    long start = System.nanoTime();
                    count.setString(1, reference);
                    drain(count.executeQuery());
                    page.setString(1, reference);
                    drain(page.executeQuery());
                    plainMillis.add((System.nanoTime() - start) / 1e6);
                }
                productP95.add(BenchApplication.percentile(millis, 0.95));
                plainP95.add(BenchApplication.percentile(plainMillis, 0.95));
                report.append("| %d | %.1f | %.1f | %.1f | %.2f |\n".formatted(round,
                        BenchApplication.percentile(millis, 0.5), productP95.get(round - 1),
                        BenchApplication.percentile(millis, 1.0), plainP95.get(round - 1)));
            }
        }
        double median = BenchApplication.median(productP95);
        report.append("\nMedian p95: product **%.1f ms** (target < 20 ms: %s), plain JDBC %.2f ms.\n".formatted(median,
                median < 20 ? "met" : "missed", BenchApplication.median(plainP95)));
    }

    private static void drain(ResultSet rs) throws SQLException {
        try (rs) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    rs.getString(i);
                }
            }
        }
    }

    // ---- (b) verification

    private void verification(Http http, PlainAuditReader plain) throws Exception {
        String jfr = System.getProperty("bench.jfr");
        Recording recording = null;
        if (jfr != null && !jfr.isBlank()) {
            recording = new Recording(Configuration.getConfiguration("profile"));
            recording.start();
        }
        report.append("\n## (b) Verification of the whole trail: GET /api/v1/audit/verification as auditor\n\n")
                .append("Rounds alternate: baseline (plain JDBC, the same rows in chain order, SHA-256 over the same ")
                .append("bytes, compared with the stored hash), then the product.\n\n")
                .append("| round | baseline entries | baseline s | baseline entries/s | product entries | product s "
                        + "| product entries/s | ratio |\n|---|---|---|---|---|---|---|---|\n");
        List<Double> plainRates = new ArrayList<>();
        List<Double> productRates = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            long start = System.nanoTime();
            PlainAuditReader.Hashed hashed = plain.hashAll();
            double plainSeconds = (System.nanoTime() - start) / 1e9;
            if (hashed.mismatches() != 0) {
                throw new IllegalStateException("The baseline hashes other bytes: " + hashed);
            }
            start = System.nanoTime();
            HttpResponse<String> response = http.send(http.request("/api/v1/audit/verification", "auditor")
                    .timeout(Duration.ofMinutes(30)).GET().build());
            double productSeconds = (System.nanoTime() - start) / 1e9;
            JsonNode verified = Http.json(response);
            if (response.statusCode() != 200 || !verified.path("ok").asBoolean()
                    || verified.path("entriesChecked").asLong() < hashed.entries()) {
                throw new IllegalStateException("Verification failed: " + response.statusCode() + " "
                        + response.body());
            }
            long entries = verified.path("entriesChecked").asLong();
            plainRates.add(hashed.entries() / plainSeconds);
            productRates.add(entries / productSeconds);
            ratios.add(productRates.get(round - 1) / plainRates.get(round - 1));
            report.append("| %d | %,d | %.2f | %,.0f | %,d (%d chains, %d sealed heads) | %.2f (server %d ms) | %,.0f | %.2f |\n"
                    .formatted(round, hashed.entries(), plainSeconds, plainRates.get(round - 1), entries,
                            verified.path("chainsChecked").asLong(), verified.path("sealedHeadsChecked").asLong(),
                            productSeconds, verified.path("durationMillis").asLong(), productRates.get(round - 1),
                            ratios.get(round - 1)));
        }
        if (recording != null) {
            recording.stop();
            recording.dump(Path.of(jfr));
            recording.close();
        }
        double median = BenchApplication.median(productRates);
        report.append("\nMedians: product **%,.0f entries/s** (target ≥ 200,000: %s), baseline %,.0f entries/s, "
                .formatted(median, median >= 200_000 ? "met" : "missed", BenchApplication.median(plainRates)))
                .append("ratio product/baseline **%.2f**.\n".formatted(BenchApplication.median(ratios)));
    }

    // ---- (c) export

    private void export(BenchDatabase database, PlainAuditReader plain) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path gcLog = Path.of("target", "bench-audit-export-gc.log").toAbsolutePath();
        Files.deleteIfExists(gcLog);
        Path appLog = Path.of("target", "bench-audit-export-app.log").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-Xmx" + EXPORT_HEAP, "-Xlog:gc:file=" + gcLog, "-cp", applicationClassPath(),
                "nl.doorbraak.DoorbraakApplication", "--spring.profiles.active=postgres"));
        List<String> arguments = BenchApplication.arguments(database, database.url(NAME), NAME);
        arguments.removeIf(argument -> argument.startsWith("--server.port="));
        command.addAll(arguments);
        command.add("--server.port=" + port);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(appLog.toFile())).start();
        try {
            Http http = new Http(port);
            awaitHealth(http, process, appLog);
            String gcBefore = collectGarbage(process, gcLog);
            report.append("\n## (c) Full export: GET /api/v1/audit/export?").append(PERIOD).append(" as auditor\n\n")
                    .append("The application in a JVM of its own: `").append(String.join(" ", command.subList(1, 3)))
                    .append("`, ").append(Runtime.version()).append("; live heap after a full GC before the exports: ")
                    .append(gcBefore).append(". The client (this JVM) counts records as they arrive and ")
                    .append("compares with the entries in the table just after. Rounds alternate: baseline (plain ")
                    .append("JDBC, NDJSON lines to a null stream, in the bench JVM), NDJSON, CSV. Heap: from the ")
                    .append("application's GC log during that export: the largest heap in use before a collection, ")
                    .append("the live heap when half the records had arrived (a full GC forced with jcmd GC.run ")
                    .append("then), the collections and the full collections the JVM needed itself.\n\n")
                    .append("| round | what | records | MB | s | entries/s | ratio to baseline | heap before GC max MB | ")
                    .append("live heap mid-export MB | GCs | full GCs (not forced) |\n")
                    .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
            List<Double> plainRates = new ArrayList<>();
            List<Double> ndjsonRates = new ArrayList<>();
            List<Double> csvRates = new ArrayList<>();
            List<Double> ndjsonRatios = new ArrayList<>();
            List<Double> csvRatios = new ArrayList<>();
            int maxLive = 0;
            boolean complete = true;
            for (int round = 1; round <= ROUNDS; round++) {
                long start = System.nanoTime();
                long lines = plain.exportAll(OutputStream.nullOutputStream());
                double seconds = (System.nanoTime() - start) / 1e9;
                plainRates.add(lines / seconds);
                report.append("| %d | baseline | %,d | | %.2f | %,.0f | | | | | |\n".formatted(round, lines, seconds,
                        lines / seconds));
                for (String format : new String[] {"ndjson", "csv"}) {
                    long offset = Files.exists(gcLog) ? Files.size(gcLog) : 0;
                    start = System.nanoTime();
                    long[] counted = download(port, format, count(database) / 2, process);
                    seconds = (System.nanoTime() - start) / 1e9;
                    long expected = count(database);
                    long records = counted[0] - (format.equals("csv") ? 1 : 0); // the CSV header
                    complete &= records == expected;
                    double rate = records / seconds;
                    double ratio = rate / plainRates.get(round - 1);
                    (format.equals("csv") ? csvRates : ndjsonRates).add(rate);
                    (format.equals("csv") ? csvRatios : ndjsonRatios).add(ratio);
                    int[] heap = heap(gcLog, offset);
                    maxLive = Math.max(maxLive, heap[1]);
                    report.append("| %d | %s | %,d%s | %.0f | %.2f | %,.0f | %.2f | %d | %d | %d | %d |\n".formatted(round,
                            format, records, records == expected ? "" : " (expected %,d!)".formatted(expected),
                            counted[1] / 1e6, seconds, rate, ratio, heap[0], heap[1], heap[2], heap[3]));
                }
            }
            report.append("\nMedians: baseline %,.0f entries/s; NDJSON **%,.0f entries/s** (ratio %.2f); CSV **%,.0f "
                    .formatted(BenchApplication.median(plainRates), BenchApplication.median(ndjsonRates),
                            BenchApplication.median(ndjsonRatios), BenchApplication.median(csvRates)))
                    .append("entries/s** (ratio %.2f). Complete (records = entries) in every round: %s. Streams in "
                            .formatted(BenchApplication.median(csvRatios), complete ? "yes" : "**no**"))
                    .append("a %s heap (target < 256 MB): %s; largest live heap mid-export: %d MB.\n"
                            .formatted(EXPORT_HEAP, complete && process.isAlive() ? "met" : "**missed**", maxLive));
        } finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** Records (lines; for CSV, line ends outside quoted cells) and bytes of an export, read as it streams. */
    private long[] download(int port, String format, long half, Process application) throws IOException,
            InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/audit/export?"
                        + PERIOD + "&format=" + format)).timeout(Duration.ofMinutes(30))
                .header("Authorization", Http.basic("auditor", TestUsers.PASSWORD)).GET().build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        long records = 0;
        long bytes = 0;
        boolean quoted = false;
        boolean csv = format.equals("csv");
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Export failed: " + response.statusCode() + " "
                        + new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            byte[] buffer = new byte[1 << 16];
            boolean collected = false;
            for (int read; (read = body.read(buffer)) >= 0; ) {
                if (!collected && records >= half) {
                    collected = true;
                    new Thread(() -> fullGc(application)).start(); // keep reading meanwhile
                }
                bytes += read;
                for (int i = 0; i < read; i++) {
                    if (csv && buffer[i] == '"') {
                        quoted = !quoted;
                    } else if (buffer[i] == '\n' && !quoted) {
                        records++;
                    }
                }
            }
        }
        return new long[] {records, bytes};
    }

    /**
     * From the GC log after the offset: the largest heap before a collection, the largest after a
     * forced full collection (MB), the collections, and the full collections not forced.
     */
    private static int[] heap(Path gcLog, long offset) throws IOException {
        byte[] all = Files.readAllBytes(gcLog);
        String added = new String(all, (int) Math.min(offset, all.length), (int) (all.length - Math.min(offset,
                all.length)), StandardCharsets.UTF_8);
        int[] heap = new int[4];
        Matcher matcher = GC.matcher(added);
        while (matcher.find()) {
            boolean forced = matcher.group(2).contains("Diagnostic Command"); // jcmd GC.run
            heap[0] = Math.max(heap[0], Integer.parseInt(matcher.group(3)));
            if (forced) {
                heap[1] = Math.max(heap[1], Integer.parseInt(matcher.group(4)));
            }
            heap[2]++;
            if (matcher.group(1).equals("Pause Full") && !forced) {
                heap[3]++;
            }
        }
        return heap;
    }

    /** A full GC in the application (jcmd), and the heap it left. */
    private static String collectGarbage(Process process, Path gcLog) throws IOException, InterruptedException {
        long offset = Files.size(gcLog);
        fullGc(process);
        Thread.sleep(500);
        int[] heap = heap(gcLog, offset);
        return heap[2] == 0 ? "unknown" : heap[1] + " MB";
    }

    private static void fullGc(Process application) {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(application.pid()), "GC.run").redirectErrorStream(true).start();
            jcmd.getInputStream().readAllBytes();
            jcmd.waitFor(60, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException("jcmd failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitHealth(Http http, Process process, Path log) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application exited with " + process.exitValue() + ", see " + log);
            }
            try {
                HttpResponse<String> health = http.get("/actuator/health");
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (RuntimeException notYetListening) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The application did not start within 5 minutes, see " + log);
    }

    /** The test class path without the test classes, whose configurations the application would pick up. */
    private static String applicationClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
                .collect(Collectors.joining(java.io.File.pathSeparator));
    }

    private static long count(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single();
    }

    private static long count(BenchDatabase database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url(NAME), database.user(),
                database.password());
             ResultSet rs = connection.createStatement().executeQuery("SELECT COUNT(*) FROM audit_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Load and running processes, so a reader knows whether the machine was busy. */
    private static String machine() {
        try {
            String load = Files.readString(Path.of("/proc/loadavg")).trim();
            long javas = ProcessHandle.allProcesses().filter(p -> p.info().command().orElse("").endsWith("/java"))
                    .count();
            return "load average " + load + " (2 cores); " + javas + " java processes running";
        } catch (IOException e) {
            return "unknown";
        }
    }
}
