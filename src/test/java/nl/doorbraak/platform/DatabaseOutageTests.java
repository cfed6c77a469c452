package nl.doorbraak.platform;

import static nl.doorbraak.support.CaseSteps.completeCurrentTask;
import static nl.doorbraak.support.CaseSteps.postJson;
import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.submit;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static nl.doorbraak.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.doorbraak.DoorbraakApplication;
import nl.doorbraak.support.Http;
import nl.doorbraak.support.OwnPostgres;
import nl.doorbraak.support.TestUsers;

/**
 * PostgreSQL goes away under a running application and comes back: while it is away every API
 * call fails fast with 503 problem+json and Retry-After (no thread hangs on the database), after
 * it is back the application works again by itself, every accepted request is whole (case file,
 * process instance and submission entry), and the job executor runs asynchronous steps again.
 * The application and its database are this test's own; the job executor runs as in production.
 */
@Tag("own-application-context")
class DatabaseOutageTests {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageTests.class);
    private static final Duration FAIL_FAST = Duration.ofSeconds(5);
    private static final String MUNICIPALITY = "den-haag";

    @Test
    void anOutageFailsFastAndTheApplicationRecoversByItself() throws Exception {
        try (OwnPostgres postgres = new OwnPostgres();
             ConfigurableApplicationContext app = new SpringApplicationBuilder(DoorbraakApplication.class)
                     .profiles("postgres")
                     // as arguments, which outrank application-postgres.yml (that switches the demo users off)
                     .run("--server.port=0",
                             "--DB_URL=" + postgres.jdbcUrl(),
                             "--DB_USER=postgres",
                             "--DB_PASSWORD=postgres",
                             "--ADMIN_USER=admin",
                             "--ADMIN_PASSWORD=" + TestUsers.PASSWORD,
                             "--doorbraak.demo.enabled=true",
                             "--doorbraak.demo.password=" + TestUsers.PASSWORD)) {
            Http http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            JdbcTemplate jdbc = new JdbcTemplate(postgres.server().getPostgresDatabase());

            List<String> accepted = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                accepted.add(submit(http, MUNICIPALITY, ruleChange("den-haag-zuidwest", uniqueEmail("den-haag"))));
            }
            long requestsBefore = count(jdbc, "SELECT count(*) FROM request");

            postgres.stop();

            // one at a time, each kind of call: fast, 503, Retry-After
            List<Supplier<HttpResponse<String>>> calls = List.of(
                    () -> http.get("/api/v1/requests", MUNICIPALITY),
                    () -> postJson(http, "/api/v1/requests", MUNICIPALITY,
                            ruleChange("den-haag-zuidwest", uniqueEmail("den-haag"))),
                    () -> http.get("/api/v1/tasks", TestUsers.PROGRAMME_OFFICE),
                    () -> http.get("/api/v1/requests/" + accepted.get(0), TestUsers.AUDITOR));
            for (Supplier<HttpResponse<String>> call : calls) {
                long started = System.nanoTime();
                HttpResponse<String> response = call.get();
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                log.info("During the outage {} {} answered {} in {} ms", response.request().method(),
                        response.uri().getPath(), response.statusCode(), took.toMillis());
                assertProblem(response, 503);
                assertThat(response.headers().firstValue("Retry-After")).hasValue("10");
                assertThat(took).as("time to answer %s", response.uri()).isLessThan(FAIL_FAST);
            }
            // many at once: none waits longer than one connection timeout
            ExecutorService clients = Executors.newFixedThreadPool(16);
            try {
                long started = System.nanoTime();
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    answers.add(clients.submit(() -> http.get("/api/v1/requests", MUNICIPALITY)));
                }
                for (Future<HttpResponse<String>> answer : answers) {
                    assertProblem(answer.get(), 503);
                }
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                log.info("During the outage 16 concurrent calls all answered 503 in {} ms", took.toMillis());
                assertThat(took).isLessThan(FAIL_FAST.multipliedBy(2));
            } finally {
                clients.shutdownNow();
            }

            postgres.start();
            jdbc = new JdbcTemplate(postgres.server().getPostgresDatabase());

            long restarted = System.nanoTime();
            HttpResponse<String> after = null;
            for (int attempt = 0; attempt < 30; attempt++) {
                after = postJson(http, "/api/v1/requests", MUNICIPALITY,
                        ruleChange("den-haag-zuidwest", uniqueEmail("den-haag")));
                if (after.statusCode() == 201) {
                    break;
                }
                assertProblem(after, 503);
                Thread.sleep(500);
            }
            assertThat(after.statusCode()).as("a submission after the database came back: %s", after.body())
                    .isEqualTo(201);
            log.info("First submission accepted {} ms after PostgreSQL was started again",
                    Duration.ofNanos(System.nanoTime() - restarted).toMillis());
            String recovered = Http.json(after).path("reference").asText();

            // nothing half-written: exactly the accepted requests, each with its process and its submission entry
            assertThat(count(jdbc, "SELECT count(*) FROM request")).isEqualTo(requestsBefore + 1);
            assertThat(count(jdbc, """
                    SELECT count(*) FROM request r
                    WHERE NOT EXISTS (SELECT 1 FROM act_hi_procinst p
                                      WHERE p.id_ = r.process_instance_id AND p.business_key_ = r.reference)
                       OR NOT EXISTS (SELECT 1 FROM audit_event a
                                      WHERE a.chain = r.reference AND a.action = 'request-submitted')""")).isZero();
            assertThat(count(jdbc, "SELECT count(*) FROM act_ru_incident")).isZero();

            // the job executor works again: the asynchronous e-mail step of an information request runs by itself
            completeCurrentTask(http, engine.getTaskService(), recovered, "Task_Intake", TestUsers.PROGRAMME_OFFICE,
                    Map.of("intakeOutcome", "information-needed", "ruleDomains", List.of("income-support"),
                            "informationQuestion", "Hoeveel huishoudens gaat het om?"));
            long waited = System.nanoTime();
            while (engine.getTaskService().createTaskQuery().processInstanceBusinessKey(recovered)
                    .taskDefinitionKey("Task_ProvideInformation").count() == 0) {
                assertThat(Duration.ofNanos(System.nanoTime() - waited)).as("the job executor ran the e-mail step")
                        .isLessThan(Duration.ofSeconds(60));
                Thread.sleep(200);
            }
            assertThat(count(jdbc, "SELECT count(*) FROM outbox o JOIN request r ON r.id = o.request_id "
                    + "WHERE r.reference = '" + recovered + "' AND o.sent_at IS NOT NULL")).isEqualTo(1);
            assertThat(count(jdbc, "SELECT count(*) FROM act_ru_job WHERE exception_msg_ IS NOT NULL")).isZero();
        }
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
