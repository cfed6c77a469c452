package nl.doorbraak;

import static nl.doorbraak.KillDuringLoadReliability.intakeTask;
import static nl.doorbraak.support.CaseSteps.complete;
import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.submit;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.doorbraak.support.AppProcess;
import nl.doorbraak.support.Http;
import nl.doorbraak.support.OwnPostgres;
import nl.doorbraak.support.TestUsers;

/**
 * Two application instances on one database, both with their job executor on: a case moves on
 * whichever instance gets the call, and every asynchronous step and every timer runs exactly
 * once (one e-mail per message, one lapse per case), shared between the instances.
 * Profile {@code reliability} (docs/reliability.md); not part of {@code verify}.
 */
class TwoInstancesReliability {

    private static final Logger log = LoggerFactory.getLogger(TwoInstancesReliability.class);
    private static final int CASES = 30;

    @Test
    void jobsAndTimersRunOnceAndCasesMoveOnEitherInstance() throws Exception {
        try (OwnPostgres postgres = new OwnPostgres();
             AppProcess a = new AppProcess("instance-a", postgres.jdbcUrl(),
                     "--camunda.bpm.generic-properties.properties.hostname=instance-a");
             AppProcess b = new AppProcess("instance-b", postgres.jdbcUrl(),
                     "--camunda.bpm.generic-properties.properties.hostname=instance-b")) {
            // one after the other, as a rolling start does: the first creates the schema
            a.start(Duration.ofMinutes(3));
            b.start(Duration.ofMinutes(3));
            Http[] instances = {a.http(), b.http()};
            JdbcTemplate jdbc = new JdbcTemplate(postgres.server().getPostgresDatabase());

            // submitted on one instance, intake on the other: each intake asks a question (an asynchronous e-mail step)
            List<String> cases = new ArrayList<>();
            for (int i = 0; i < CASES; i++) {
                String reference = submit(instances[i % 2], "rotterdam", ruleChange("rotterdam-zuid",
                        uniqueEmail("rotterdam")));
                complete(instances[(i + 1) % 2], TestUsers.PROGRAMME_OFFICE, intakeTask(jdbc, reference),
                        Map.of("intakeOutcome", "information-needed", "ruleDomains", List.of("income-support"),
                                "informationQuestion", "Hoeveel huishoudens gaat het om?"));
                cases.add(reference);
            }
            waitUntil(jdbc, "every question sent", """
                    SELECT count(*) FROM outbox o JOIN request r ON r.id = o.request_id
                    WHERE o.topic = 'information-requested' AND o.sent_at IS NULL""", 0);
            String ours = "(" + String.join(",", cases.stream().map(reference -> "'" + reference + "'").toList()) + ")";
            waitUntil(jdbc, "every municipality's answer task open", """
                    SELECT count(*) FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_
                    WHERE t.task_def_key_ = 'Task_ProvideInformation' AND e.business_key_ IN """ + ours, CASES);

            // half the municipalities answer, on either instance; the other half let the deadline pass,
            // which the test brings forward so that both job executors compete for the due timers
            List<String> lapsing = cases.subList(0, CASES / 2);
            List<String> answering = cases.subList(CASES / 2, CASES);
            for (int i = 0; i < answering.size(); i++) {
                String task = jdbc.queryForObject("""
                        SELECT t.id_ FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_
                        WHERE e.business_key_ = ? AND t.task_def_key_ = 'Task_ProvideInformation'""", String.class,
                        answering.get(i));
                complete(instances[i % 2], "rotterdam", task, Map.of("informationAnswer", "Ongeveer 340."));
            }
            String lapsingCases = "(" + String.join(",", lapsing.stream().map(reference -> "'" + reference + "'")
                    .toList()) + ")";
            int due = jdbc.update("""
                    UPDATE act_ru_job SET duedate_ = now() - interval '1 second'
                    WHERE type_ = 'timer' AND job_def_id_ IN
                      (SELECT id_ FROM act_ru_jobdef WHERE act_id_ = 'Event_InformationOverdue') AND process_instance_id_ IN
                      (SELECT process_instance_id FROM request WHERE reference IN """ + lapsingCases + ")");
            assertThat(due).isEqualTo(lapsing.size());
            waitUntil(jdbc, "every lapsed case ended", """
                    SELECT count(*) FROM request WHERE reference IN """ + lapsingCases + """
                      AND status = 'lapsed' AND EXISTS (
                      SELECT 1 FROM outbox o WHERE o.request_id = request.id AND o.sent_at IS NOT NULL
                        AND o.topic <> 'information-requested')""", lapsing.size());

            for (String reference : lapsing) {
                assertThat(count(jdbc, "SELECT count(*) FROM audit_event WHERE chain = ? AND action = 'request-lapsed'",
                        reference)).as("lapses of %s", reference).isEqualTo(1);
            }
            for (String reference : cases) {
                assertThat(count(jdbc, """
                        SELECT count(*) FROM audit_event WHERE chain = ? AND action = 'notification-sent'""", reference))
                        .as("e-mails sent for %s", reference)
                        .isEqualTo(count(jdbc, """
                                SELECT count(*) FROM outbox o JOIN request r ON r.id = o.request_id
                                WHERE r.reference = ?""", reference));
            }
            for (String reference : answering) {
                // the answer goes back to the programme office's intake
                assertThat(count(jdbc, """
                        SELECT count(*) FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_
                        WHERE e.business_key_ = ? AND t.task_def_key_ = 'Task_Intake'""", reference))
                        .as("intake open again for %s", reference).isEqualTo(1);
                assertThat(count(jdbc, "SELECT count(*) FROM audit_event WHERE chain = ? AND action = "
                        + "'information-provided'", reference)).as("answers of %s", reference).isEqualTo(1);
            }
            assertThat(count(jdbc, "SELECT max(attempts) FROM outbox")).as("each message claimed once").isEqualTo(1);
            assertThat(count(jdbc, "SELECT count(*) FROM act_ru_incident")).isZero();
            assertThat(count(jdbc, """
                    SELECT count(*) FROM (SELECT job_id_ FROM act_hi_job_log WHERE job_state_ = 2
                                          GROUP BY job_id_ HAVING count(*) > 1) twice""")).as("jobs that ran twice")
                    .isZero();
            List<Map<String, Object>> byInstance = jdbc.queryForList("""
                    SELECT hostname_, job_def_type_, count(*) AS jobs FROM act_hi_job_log WHERE job_state_ = 2
                    GROUP BY hostname_, job_def_type_ ORDER BY hostname_, job_def_type_""");
            log.info("Jobs run per instance: {}", byInstance);
            assertThat(byInstance).extracting(row -> row.get("hostname_")).contains("instance-a", "instance-b");
            assertThat(count(jdbc, "SELECT count(*) FROM act_hi_job_log WHERE job_state_ = 1")).as("failed job runs")
                    .isZero();
        }
    }

    private static long count(JdbcTemplate jdbc, String sql, Object... args) {
        Long value = jdbc.queryForObject(sql, Long.class, args);
        return value == null ? 0 : value;
    }

    private static void waitUntil(JdbcTemplate jdbc, String what, String countSql, long expected) throws InterruptedException {
        long started = System.nanoTime();
        while (count(jdbc, countSql) != expected) {
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as(what).isLessThan(Duration.ofMinutes(2));
            Thread.sleep(250);
        }
    }
}
