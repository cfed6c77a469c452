package nl.doorbraak.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * The bare engine behind HTTP, the baseline of scenario 2: {@code POST /api/v1/requests} reads the
 * same JSON body as the application's API and starts the rule-change process of {@link BareEngine}
 * with it, which runs to the intake task, and answers 201 with the reference; {@code GET
 * /actuator/health} answers UP. No authentication, validation, case tables, audit or listeners: what
 * remains is HTTP, JSON and the engine. Started by the benchmark as a process of its own, like the
 * application. Arguments: port, JDBC URL, database user, password.
 */
public final class BareEngineServer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BareEngineServer() {
    }

    public static void main(String[] arguments) throws IOException {
        // as Tomcat does: without it the JDK's server waits for the client's delayed ACK (~40 ms) before
        // sending the rest of an answer written in two parts
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int port = Integer.parseInt(arguments[0]);
        ProcessEngine engine = BareEngine.start(arguments[1], arguments[2], arguments[3], "bench_bare_api");
        AtomicLong references = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        // as many workers as the application's connection pool has connections
        server.setExecutor(Executors.newFixedThreadPool(10));
        server.createContext("/actuator/health", exchange -> answer(exchange, 200, Map.of("status", "UP")));
        server.createContext("/api/v1/requests", exchange -> {
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, Map.of("status", 405));
                return;
            }
            try (InputStream body = exchange.getRequestBody()) {
                Map<?, ?> request = JSON.readValue(body, Map.class);
                String reference = "BARE-" + references.incrementAndGet();
                @SuppressWarnings("unchecked")
                List<String> ruleDomains = (List<String>) request.get("ruleDomains");
                ProcessInstance instance = BareEngine.submitRuleChange(engine, reference, ruleDomains);
                answer(exchange, 201, Map.of("reference", reference, "processInstanceId", instance.getId()));
            } catch (RuntimeException e) {
                answer(exchange, 500, Map.of("status", 500, "detail", String.valueOf(e)));
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(0);
            engine.close();
        }));
        server.start();
    }

    private static void answer(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
