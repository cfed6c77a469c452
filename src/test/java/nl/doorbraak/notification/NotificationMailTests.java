package nl.doorbraak.notification;

import static nl.doorbraak.support.CaseSteps.budgetPooling;
import static nl.doorbraak.support.CaseSteps.postJson;
import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.submit;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static nl.doorbraak.support.ProblemAssertions.assertProblem;
import static nl.doorbraak.support.ProblemAssertions.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import nl.doorbraak.request.RequestSubmission;
import nl.doorbraak.support.Breakthroughs;
import nl.doorbraak.support.CaseSteps;
import nl.doorbraak.support.Http;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TasklistSession;
import nl.doorbraak.support.TestMailServer;
import nl.doorbraak.support.TestMailServer.ReceivedMail;
import nl.doorbraak.support.TestUsers;

/**
 * The receipt of a request on every channel, and the e-mails to the people who must act: a new
 * task and a passed deadline, per person as they chose (immediately, daily digest, off), the
 * digest once, the deadline once, all through the outbox relay with its retries. The tests run the
 * relay, digest and deadline scan themselves (their schedules are off in tests).
 */
@PostgresIntegrationTest
class NotificationMailTests {

    @LocalServerPort
    int port;
    @Autowired
    OutboxRelay relay;
    @Autowired
    DailyDigest digest;
    @Autowired
    OverdueTasks overdueTasks;
    @Autowired
    IdentityService identityService;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JavaMailSenderImpl mailSender;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RequestSubmission submission;

    Http http;
    final List<String> ownUsers = new ArrayList<>();

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @AfterEach
    void removeOwnUsers() {
        ClockUtil.reset();
        ownUsers.forEach(identityService::deleteUser);
        ownUsers.clear();
    }

    // ------------------------------------------------------------------ the receipt

    @Test
    void anApiSubmissionGetsOneReceiptAndAnIdempotentReplayNone() {
        String contact = uniqueEmail("rotterdam");
        Map<String, Object> body = ruleChange("rotterdam-zuid", contact, "income-support");
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = postJson(http, "/api/v1/requests", TestUsers.ROTTERDAM, body, key);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        String reference = Http.json(first).path("reference").asText();
        relay.run();
        HttpResponse<String> replay = postJson(http, "/api/v1/requests", TestUsers.ROTTERDAM, body, key);
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        relay.run();

        assertThat(TestMailServer.receivedBy(contact)).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Ontvangstbevestiging " + reference + ": " + body.get("title"));
            assertThat(mail.body()).contains("Wij hebben uw verzoek om regelaanpassing goed ontvangen op")
                    .contains("Uw kenmerk: " + reference).contains("Titel: " + body.get("title"))
                    .contains("Wat gebeurt er nu?").contains("De eerste stap: het programmabureau doet de intake");
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE chain = ? AND action = 'notification-sent' "
                + "AND action_display LIKE 'E-mail verstuurd: Ontvangstbevestiging%'", Long.class, reference))
                .as("the sending is on the case's trail").isEqualTo(1);
    }

    @Test
    void aBudgetPoolingRequestGetsItsOwnReceipt() {
        String contact = uniqueEmail("heerlen");
        String reference = submit(http, "heerlen", budgetPooling("heerlen-noord", contact));
        relay.run();
        assertThat(TestMailServer.receivedBy(contact)).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).startsWith("Ontvangstbevestiging " + reference);
            assertThat(mail.body()).contains("verzoek om ontschotting van budgetten").contains("controleert of de budgetregels kloppen");
        });
    }

    @Test
    void aJoinRequestGetsAReceiptThatSaysWhatJoiningInvolves() {
        String precedent = Breakthroughs.decided(engine, submission, "granted", "experiment");
        String contact = uniqueEmail("heerlen");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "join");
        body.put("focusArea", "heerlen-noord");
        body.put("precedent", precedent);
        body.put("motivation", "Ook hier verlaten jongvolwassenen het ouderlijk huis door de kostendelersnorm.");
        body.put("residentsAffected", 120);
        body.put("urgency", "normal");
        body.put("contactName", "M. Janssen");
        body.put("contactEmail", contact);
        String reference = submit(http, "heerlen", body);
        relay.run();
        assertThat(TestMailServer.receivedBy(contact)).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).startsWith("Ontvangstbevestiging " + reference);
            assertThat(mail.body()).contains("verzoek om aansluiting")
                    .contains("De eerste stap: het programmabureau toetst uw verzoek om aan te sluiten.");
        });
    }

    @Test
    void tasklistsStartFormGetsTheReceiptToo() {
        String contact = uniqueEmail("rotterdam");
        Map<String, Object> values = new LinkedHashMap<>(ruleChange("rotterdam-zuid", contact, "income-support"));
        values.remove("kind");
        TasklistSession tasklist = TasklistSession.loggedIn(port, TestUsers.ROTTERDAM);
        HttpResponse<String> response = tasklist.postToEngine(
                "/process-definition/key/rule-change-request/submit-form", TasklistSession.formSubmit(values));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String reference = jdbc.queryForObject("SELECT reference FROM request WHERE process_instance_id = ?",
                String.class, Http.json(response).path("id").asText());
        relay.run();
        assertThat(TestMailServer.receivedBy(contact)).singleElement()
                .satisfies(mail -> assertThat(mail.subject()).startsWith("Ontvangstbevestiging " + reference));
    }

    @Test
    void aMailServerThatIsDownDelaysARelayedMailWhichThenArrivesOnce() throws IOException {
        String contact = uniqueEmail("rotterdam");
        int smtpPort = mailSender.getPort();
        mailSender.setPort(closedPort());
        String reference;
        try {
            reference = submit(http, TestUsers.ROTTERDAM, ruleChange("rotterdam-zuid", contact, "income-support"));
            relay.run();
        } finally {
            mailSender.setPort(smtpPort);
        }
        Map<String, Object> failed = receipt(reference);
        assertThat(failed.get("sent_at")).isNull();
        assertThat(failed.get("attempts")).isEqualTo(1);
        assertThat((String) failed.get("last_error")).isNotBlank();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE chain = ? AND action = 'notification-failed' "
                + "AND action_display LIKE 'E-mail niet verstuurd: Ontvangstbevestiging%'", Long.class, reference))
                .isEqualTo(1);

        relay.run();
        assertThat(TestMailServer.receivedBy(contact)).as("not before the pause has passed").isEmpty();
        ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + OutboxRelay.PAUSE.plusSeconds(10).toMillis()));
        relay.run();
        relay.run();
        assertThat(TestMailServer.receivedBy(contact)).hasSize(1);
        assertThat(receipt(reference).get("attempts")).as("failed once, claimed once").isEqualTo(2);
    }

    @Test
    void aRelayedMailThatFailsFiveTimesIsGivenUpAndAdministratorsSeeItInHealth() throws IOException {
        long before = undeliveredInHealth(Receipts.TOPIC);
        String contact = uniqueEmail("rotterdam");
        int smtpPort = mailSender.getPort();
        mailSender.setPort(closedPort());
        String reference;
        try {
            reference = submit(http, TestUsers.ROTTERDAM, ruleChange("rotterdam-zuid", contact, "income-support"));
            long start = System.currentTimeMillis();
            for (int attempt = 0; attempt <= OutboxRelay.ATTEMPTS; attempt++) {
                ClockUtil.setCurrentTime(new Date(start + attempt * OutboxRelay.PAUSE.plusSeconds(10).toMillis()));
                relay.run();
            }
        } finally {
            mailSender.setPort(smtpPort);
        }
        assertThat(receipt(reference).get("attempts")).as("five attempts, not a sixth").isEqualTo(OutboxRelay.ATTEMPTS);
        assertThat(undeliveredInHealth(Receipts.TOPIC)).isGreaterThanOrEqualTo(before + 1);
        assertThat(Http.json(http.get("/actuator/health", TestUsers.REVIEWER_SZW)).has("components"))
                .as("only administrators see the details").isFalse();

        relay.run();
        assertThat(TestMailServer.receivedBy(contact)).as("given up: not sent once the server is back").isEmpty();
    }

    private long undeliveredInHealth(String kind) {
        JsonNode health = Http.json(http.get("/actuator/health", TestUsers.ADMIN));
        JsonNode undelivered = health.path("components").path("undeliveredMail");
        assertThat(undelivered.path("status").asText()).isEqualTo("UP");
        assertThat(undelivered.path("details").has("total")).isTrue();
        return undelivered.path("details").path("byKind").path(kind).asLong(0);
    }

    // ------------------------------------------------------------------ new tasks, digest, deadlines

    @Test
    void thePeopleWhoMustActHearOfANewTaskAndOfItsPassedDeadlineAsEachChose() {
        String immediate = ownUser("po-direct");
        String digestReader = ownUser("po-overzicht");
        String silent = ownUser("po-uit");
        setPreferences(digestReader, "daily-digest", "daily-digest");
        setPreferences(silent, "off", "off");

        String reference = submit(http, TestUsers.ROTTERDAM, ruleChange("rotterdam-zuid", uniqueEmail("rotterdam")));
        Task intake = CaseSteps.openTask(taskService, reference, "Task_Intake");
        relay.run();

        assertThat(mailsAbout(immediate, reference)).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Nieuwe taak: " + intake.getName());
            assertThat(intake.getName()).as("the name names the case").contains(reference);
            assertThat(mail.body()).contains("Taak: " + intake.getName()).contains("Kenmerk: " + reference)
                    .contains("Uiterste datum: ").contains("Mijn e-mailmeldingen");
        });
        assertThat(mailsAbout(digestReader, reference)).as("waits for the digest").isEmpty();
        assertThat(mailsAbout(silent, reference)).isEmpty();

        digest.run();
        relay.run();
        digest.run();
        relay.run();
        assertThat(mailsTo(digestReader)).as("one digest, however often it runs").singleElement().satisfies(mail -> {
            assertThat(mail.subject()).startsWith("Uw overzicht van Doorbraak van ");
            assertThat(mail.body()).contains("Nieuwe taken voor u:").contains("- " + intake.getName() + ", uiterste datum ")
                    .doesNotContain("termijn verstreken");
        });
        assertThat(mailsTo(immediate)).as("no digest for who chose immediately")
                .noneMatch(mail -> mail.subject().startsWith("Uw overzicht"));
        assertThat(mailsTo(silent)).isEmpty();

        // the intake's due date passes
        ClockUtil.setCurrentTime(new Date(intake.getDueDate().getTime() + Duration.ofHours(1).toMillis()));
        assertThat(overdueTasks.run()).isPositive();
        overdueTasks.run();
        relay.run();
        assertThat(mailsTo(immediate).stream().filter(mail -> mail.subject().startsWith("Termijn verstreken"))
                .filter(mail -> mail.subject().contains(reference)).toList()).as("once per task").singleElement()
                .satisfies(mail -> {
                    assertThat(mail.subject()).isEqualTo("Termijn verstreken: " + intake.getName());
                    assertThat(mail.body()).contains("De termijn van een taak in Doorbraak is verstreken");
                });
        digest.run();
        relay.run();
        assertThat(mailsTo(digestReader)).hasSize(2).last().satisfies(mail -> assertThat(mail.body())
                .contains("Taken waarvan de termijn verstreken is:").contains("- " + intake.getName() + ", uiterste datum ")
                .doesNotContain("Nieuwe taken voor u:"));
        assertThat(mailsTo(silent)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM task_deadline_notice WHERE task_id = ?", Long.class,
                intake.getId())).isEqualTo(1);
    }

    @Test
    void twoInstancesRunningTheDigestAndTheDeadlineScanAtOnceSendEachOnce() throws Exception {
        String digestReader = ownUser("po-twee");
        setPreferences(digestReader, "daily-digest", "immediately");
        String reference = submit(http, TestUsers.ROTTERDAM, ruleChange("rotterdam-zuid", uniqueEmail("rotterdam")));
        Task intake = CaseSteps.openTask(taskService, reference, "Task_Intake");

        atOnce(() -> digest.run());
        ClockUtil.setCurrentTime(new Date(intake.getDueDate().getTime() + Duration.ofHours(1).toMillis()));
        atOnce(() -> overdueTasks.run());
        relay.run();

        assertThat(mailsTo(digestReader).stream().filter(mail -> mail.subject().startsWith("Uw overzicht")).toList())
                .singleElement().satisfies(mail -> assertThat(mail.body()).contains(intake.getName()));
        assertThat(mailsAbout(digestReader, reference)).extracting(ReceivedMail::subject)
                .containsExactly("Termijn verstreken: " + intake.getName());
    }

    @Test
    void aTaskStillBeforeItsDueDateGetsNoDeadlineMail() {
        String immediate = ownUser("po-vroeg");
        String reference = submit(http, TestUsers.ROTTERDAM, ruleChange("rotterdam-zuid", uniqueEmail("rotterdam")));
        Task intake = CaseSteps.openTask(taskService, reference, "Task_Intake");
        overdueTasks.run();
        relay.run();
        assertThat(mailsAbout(immediate, reference)).extracting(ReceivedMail::subject)
                .containsExactly("Nieuwe taak: " + intake.getName());
    }

    // ------------------------------------------------------------------ the API

    @Test
    void everyUserReadsAndSetsTheirOwnPreferencesWithEveryErrorAtOnce() {
        String user = ownUser("voorkeur");
        JsonNode defaults = Http.json(http.get("/api/v1/me/notification-preferences", user));
        assertThat(defaults.path("newTasks").asText()).isEqualTo("immediately");
        assertThat(defaults.path("deadlines").asText()).isEqualTo("immediately");

        JsonNode problem = assertProblem(put(user, "{\"newTasks\":\"soms\",\"colour\":\"blauw\"}"), 400);
        assertThat(errorFields(problem)).containsExactlyInAnyOrder("newTasks", "deadlines", "colour");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notification_preference WHERE user_id = ?", Long.class,
                user)).as("nothing stored").isZero();

        HttpResponse<String> ok = put(user, "{\"newTasks\":\"daily-digest\",\"deadlines\":\"off\"}");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        JsonNode stored = Http.json(http.get("/api/v1/me/notification-preferences", user));
        assertThat(stored.path("newTasks").asText()).isEqualTo("daily-digest");
        assertThat(stored.path("deadlines").asText()).isEqualTo("off");
        assertThat(Http.json(http.get("/api/v1/me/notification-preferences", TestUsers.REVIEWER_VWS))
                .path("newTasks").asText()).as("someone else's are untouched").isEqualTo("immediately");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = "
                + "'notification-preferences-changed' AND resource_id = ?", Long.class, user)).isEqualTo(1);
    }

    // ------------------------------------------------------------------ helpers

    private String ownUser(String name) {
        String id = name + "-" + UUID.randomUUID().toString().substring(0, 6);
        User user = identityService.newUser(id);
        user.setFirstName("Toets");
        user.setLastName(name);
        user.setPassword(TestUsers.PASSWORD);
        user.setEmail(id + "@programmabureau.example.nl");
        identityService.saveUser(user);
        identityService.createMembership(id, "programme-office");
        ownUsers.add(id);
        return id;
    }

    private void setPreferences(String user, String newTasks, String deadlines) {
        HttpResponse<String> response = put(user, "{\"newTasks\":\"" + newTasks + "\",\"deadlines\":\"" + deadlines + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private HttpResponse<String> put(String user, String json) {
        return http.send(http.request("/api/v1/me/notification-preferences", user)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static List<ReceivedMail> mailsTo(String user) {
        return TestMailServer.receivedBy(user + "@programmabureau.example.nl");
    }

    private static List<ReceivedMail> mailsAbout(String user, String reference) {
        return mailsTo(user).stream().filter(mail -> mail.subject().contains(reference)).toList();
    }

    private Map<String, Object> receipt(String reference) {
        return jdbc.queryForMap("SELECT sent_at, attempts, last_error FROM outbox WHERE topic = ?",
                "receipt@" + reference);
    }

    /** Runs the job on two threads that start together, as two application instances at the same minute. */
    private static void atOnce(Runnable job) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    job.run();
                    return null;
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
