package nl.doorbraak.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The packaged application ({@code target/doorbraak-*.jar}, built by {@code package}) running as
 * a process of its own on a given database, as in production: the {@code postgres} profile, the
 * job executor on, demo users on so that the tests can log in. A process can be stopped
 * gracefully or killed with SIGKILL ({@code kill -9}). For the reliability tests, which run after
 * {@code package} (failsafe, profile {@code reliability}), and for the benchmarks that measure the
 * application as a process (its start-up time and resident memory).
 */
public final class AppProcess implements AutoCloseable {

    private final String name;
    private final List<String> command;
    private final Path log;
    private final int port;
    private Process process;
    private Duration startUpTime;

    public AppProcess(String name, String jdbcUrl, String... extraArguments) {
        this(name, List.of("-Xmx768m"), jdbcUrl, "postgres", "postgres", Path.of("target", "reliability"),
                extraArguments);
    }

    /** With the JVM options, database credentials and log directory of the caller. */
    public AppProcess(String name, List<String> jvmOptions, String jdbcUrl, String databaseUser,
                      String databasePassword, Path logDirectory, String... extraArguments) {
        this(name, freePort(), logDirectory, port -> {
            String jar = System.getProperty("doorbraak.jar");
            if (jar == null || !new File(jar).isFile()) {
                throw new IllegalStateException("No application jar in system property doorbraak.jar (" + jar
                        + "): run with the reliability or bench profile, after package");
            }
            List<String> command = java(jvmOptions);
            command.addAll(List.of("-jar", jar,
                    "--spring.profiles.active=postgres",
                    "--server.port=" + port,
                    "--DB_URL=" + jdbcUrl, "--DB_USER=" + databaseUser, "--DB_PASSWORD=" + databasePassword,
                    "--ADMIN_USER=admin", "--ADMIN_PASSWORD=" + TestUsers.PASSWORD,
                    "--doorbraak.demo.enabled=true", "--doorbraak.demo.password=" + TestUsers.PASSWORD,
                    "--doorbraak.data-dir=" + System.getProperty("java.io.tmpdir")));
            command.addAll(List.of(extraArguments));
            return command;
        });
    }

    /**
     * A main class of the test classpath as a process of its own, e.g. a benchmark's baseline
     * server. It gets a free port as its first argument, then the given arguments, and must answer
     * {@code GET /actuator/health} with a body containing {@code "UP"} once it is ready.
     */
    public static AppProcess mainClass(String name, List<String> jvmOptions, Class<?> main, Path logDirectory,
                                       String... arguments) {
        return new AppProcess(name, freePort(), logDirectory, port -> {
            List<String> command = java(jvmOptions);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName(), Integer.toString(port)));
            command.addAll(List.of(arguments));
            return command;
        });
    }

    private AppProcess(String name, int port, Path logDirectory, IntFunction<List<String>> command) {
        this.name = name;
        this.port = port;
        this.command = command.apply(port);
        this.log = logDirectory.resolve(name + ".log");
    }

    /** This JVM's java with the options. */
    private static List<String> java(List<String> jvmOptions) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        return command;
    }

    /** Starts the process and waits until its health says UP. */
    public AppProcess start(Duration timeout) {
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Http http = http();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ", see " + log);
            }
            try {
                HttpResponse<String> health = http.get("/actuator/health");
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    startUpTime = Duration.between(process.info().startInstant().orElseThrow(), Instant.now());
                    return this;
                }
            } catch (UncheckedIOException notYetListening) {
                // starting
            }
            // often enough that the start-up time is known to a tenth of a second
            sleep(100);
        }
        throw new IllegalStateException(name + " not up within " + timeout + ", see " + log);
    }

    public Http http() {
        return new Http(port);
    }

    /** From the start of the process (as the operating system saw it) to the first health UP. */
    public Duration startUpTime() {
        return startUpTime;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** kill -9: no shutdown hook, no graceful shutdown, no last commit. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor();
        }
    }

    /** A graceful stop (SIGTERM). */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitFor();
        }
    }

    private void waitFor() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            waitFor();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
