package nl.doorbraak.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import nl.doorbraak.support.EmbeddedPostgresDatabase;

/**
 * The PostgreSQL the benchmarks run on: the machine's PostgreSQL 15 when it can be started
 * ({@code pg_ctlcluster 15 main start}), otherwise the embedded PostgreSQL the tests use. Says which.
 */
final class BenchDatabase {

    /**
     * {@code -Dbench.synchronousCommit=off} runs the benchmark databases without waiting for the
     * WAL flush at commit (the server's own setting otherwise): shows what commits cost.
     */
    private static final String SYNCHRONOUS_COMMIT = System.getProperty("bench.synchronousCommit");

    private final String baseUrl;
    private final String user;
    private final String password;
    private final String description;

    private BenchDatabase(String baseUrl, String user, String password, String description) {
        this.baseUrl = baseUrl;
        this.user = user;
        this.password = password;
        this.description = description;
    }

    static BenchDatabase start() {
        run("pg_ctlcluster", "15", "main", "start"); // exit code 2 when it runs already: the connection decides
        if (run("runuser", "-u", "postgres", "--", "psql", "-q", "-c", "ALTER USER postgres PASSWORD 'bench'")) {
            BenchDatabase machine = new BenchDatabase("jdbc:postgresql://127.0.0.1:5432/", "postgres", "bench",
                    "the machine's PostgreSQL 15 (pg_ctlcluster 15 main)");
            if (machine.reachable()) {
                return machine;
            }
        }
        String embedded = EmbeddedPostgresDatabase.jdbcUrl("postgres");
        return new BenchDatabase(embedded.substring(0, embedded.lastIndexOf('/') + 1).replace("?", ""), "postgres",
                "postgres", "embedded PostgreSQL (zonky, binaries from Maven Central)");
    }

    String description() {
        return SYNCHRONOUS_COMMIT == null ? description
                : description + ", benchmark databases with synchronous_commit=" + SYNCHRONOUS_COMMIT;
    }

    /** A new, empty database; an earlier one of the same name is dropped. */
    String freshDatabase(String name) {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
            if (SYNCHRONOUS_COMMIT != null) {
                statement.execute("ALTER DATABASE " + name + " SET synchronous_commit = "
                        + ("off".equals(SYNCHRONOUS_COMMIT) ? "off" : "on"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create benchmark database " + name, e);
        }
        return url(name);
    }

    String url(String database) {
        return baseUrl + database;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** Version and the settings that matter for write throughput. */
    String settings() {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            StringBuilder out = new StringBuilder();
            try (ResultSet rs = statement.executeQuery("SELECT version()")) {
                rs.next();
                out.append(rs.getString(1));
            }
            for (String setting : new String[] {"shared_buffers", "synchronous_commit", "fsync", "max_connections"}) {
                try (ResultSet rs = statement.executeQuery("SHOW " + setting)) {
                    rs.next();
                    out.append("; ").append(setting).append('=').append(rs.getString(1));
                }
            }
            return out.toString();
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private boolean reachable() {
        try (Connection ignored = connect("postgres")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), user, password);
    }

    private static boolean run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
