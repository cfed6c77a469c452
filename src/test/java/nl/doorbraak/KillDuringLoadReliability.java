package nl.doorbraak;

import static nl.doorbraak.support.CaseSteps.complete;
import static nl.doorbraak.support.CaseSteps.postJson;
import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.doorbraak.support.AppProcess;
import nl.doorbraak.support.Http;
import nl.doorbraak.support.OwnPostgres;
import nl.doorbraak.support.TestUsers;

/**
 * {@code kill -9} of the application while municipalities submit: after a restart every request
 * that got a 201 exists, none twice (a submission whose answer was lost is retried with its
 * Idempotency-Key, as a client would), every case is whole, and open work continues.
 * Profile {@code reliability} (docs/reliability.md); not part of {@code verify}.
 */
class KillDuringLoadReliability {

    private static final Logger log = LoggerFactory.getLogger(KillDuringLoadReliability.class);
    private static final String[] MUNICIPALITIES = {"rotterdam", "amsterdam", "utrecht", "tilburg"};
    private static final Map<String, String> FOCUS_AREAS = Map.of("rotterdam", "rotterdam-zuid",
            "amsterdam", "amsterdam-zuidoost", "utrecht", "utrecht-overvecht", "tilburg", "tilburg-noordwest");
    private static final int CLIENTS = 8;

    /** One submission: who, with which key, and what came back (null: no answer). */
    record Attempt(String user, String key, Map<String, Object> body, Integer status, String reference) {
    }

    @Test
    void everyAcceptedRequestSurvivesAKillAndNoneIsDoubled() throws Exception {
        try (OwnPostgres postgres = new OwnPostgres();
             AppProcess first = new AppProcess("kill-before", postgres.jdbcUrl())) {
            first.start(Duration.ofMinutes(3));
            Http http = first.http();
            JdbcTemplate jdbc = new JdbcTemplate(postgres.server().getPostgresDatabase());
            long demoRequests = jdbc.queryForObject("SELECT count(*) FROM request", Long.class);

            List<Attempt> attempts = new ArrayList<>();
            Set<String> accepted = ConcurrentHashMap.newKeySet();
            AtomicBoolean killed = new AtomicBoolean();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int client = 0; client < CLIENTS; client++) {
                String user = MUNICIPALITIES[client % MUNICIPALITIES.length];
                clients.submit(() -> {
                    // each client submits until it has seen the kill a few times
                    int afterKill = 0;
                    while (afterKill < 3) {
                        String key = UUID.randomUUID().toString();
                        Map<String, Object> body = ruleChange(FOCUS_AREAS.get(user), uniqueEmail(user));
                        Attempt attempt;
                        try {
                            HttpResponse<String> response = postJson(http, "/api/v1/requests", user, body, key);
                            String reference = response.statusCode() == 201
                                    ? Http.json(response).path("reference").asText() : null;
                            attempt = new Attempt(user, key, body, response.statusCode(), reference);
                            if (reference != null) {
                                accepted.add(reference);
                            }
                        } catch (UncheckedIOException noAnswer) {
                            attempt = new Attempt(user, key, body, null, null);
                        }
                        synchronized (attempts) {
                            attempts.add(attempt);
                        }
                        if (killed.get()) {
                            afterKill++;
                        }
                    }
                    return null;
                });
            }
            while (accepted.size() < 200) {
                Thread.sleep(50);
            }
            first.kill();
            killed.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
            long unanswered = attempts.stream().filter(attempt -> attempt.status() == null).count();
            log.info("Killed after {} accepted submissions; {} attempts in all, {} without an answer",
                    accepted.size(), attempts.size(), unanswered);
            assertThat(attempts).allSatisfy(attempt -> assertThat(attempt.status()).isIn(null, 201));

            try (AppProcess second = new AppProcess("kill-after", postgres.jdbcUrl())) {
                second.start(Duration.ofMinutes(3));
                Http again = second.http();

                // every 201 is there, exactly once, with its process and its submission entry
                for (String reference : accepted) {
                    assertThat(jdbc.queryForObject("SELECT count(*) FROM request WHERE reference = ?", Long.class,
                            reference)).as(reference).isEqualTo(1);
                }
                // the clients retry what got no answer, with the same key: replayed or accepted now, never twice
                int replayed = 0;
                for (Attempt attempt : attempts) {
                    if (attempt.status() == null) {
                        HttpResponse<String> retry = postJson(again, "/api/v1/requests", attempt.user(),
                                attempt.body(), attempt.key());
                        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
                        if (retry.headers().firstValue("Idempotent-Replayed").isPresent()) {
                            replayed++;
                        }
                    }
                }
                log.info("Of the {} submissions without an answer, {} had been committed before the kill",
                        unanswered, replayed);
                assertThat(jdbc.queryForObject("SELECT count(*) FROM request", Long.class))
                        .isEqualTo(demoRequests + attempts.size());
                assertThat(jdbc.queryForObject("""
                        SELECT count(*) FROM request r
                        WHERE NOT EXISTS (SELECT 1 FROM act_hi_procinst p
                                          WHERE p.id_ = r.process_instance_id AND p.business_key_ = r.reference)
                           OR NOT EXISTS (SELECT 1 FROM audit_event a
                                          WHERE a.chain = r.reference AND a.action = 'request-submitted')
                           OR (SELECT count(*) FROM audit_event a
                               WHERE a.chain = r.reference AND a.action = 'request-submitted') > 1""", Long.class))
                        .as("cases without their process or submission entry, or with two").isZero();

                // open work continues: an intake accepted before the kill is done now, its e-mail step runs
                String before = accepted.iterator().next();
                complete(again, TestUsers.PROGRAMME_OFFICE, intakeTask(jdbc, before),
                        Map.of("intakeOutcome", "information-needed", "ruleDomains", List.of("income-support"),
                                "informationQuestion", "Hoeveel huishoudens gaat het om?"));
                long waited = System.nanoTime();
                while (jdbc.queryForObject("""
                        SELECT count(*) FROM outbox o JOIN request r ON r.id = o.request_id
                        WHERE r.reference = ? AND o.sent_at IS NOT NULL""", Long.class, before) == 0) {
                    assertThat(Duration.ofNanos(System.nanoTime() - waited)).as("the e-mail step ran")
                            .isLessThan(Duration.ofMinutes(1));
                    Thread.sleep(200);
                }

                JsonNode verification = Http.json(again.get("/api/v1/audit/verification", TestUsers.AUDITOR));
                log.info("Audit verification after the kill: {}", verification);
                assertThat(verification.path("ok").asBoolean()).as(verification.toString()).isTrue();
            }
        }
    }

    /** The open intake task of the case, as the database knows it (the application runs elsewhere). */
    static String intakeTask(JdbcTemplate jdbc, String reference) {
        return jdbc.queryForObject("""
                SELECT t.id_ FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_
                WHERE e.business_key_ = ? AND t.task_def_key_ = 'Task_Intake'""", String.class, reference);
    }
}
