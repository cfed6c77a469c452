package nl.doorbraak.notification;

import static nl.doorbraak.support.CaseSteps.completeCurrentTask;
import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.submit;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import nl.doorbraak.support.Http;
import nl.doorbraak.support.Jobs;
import nl.doorbraak.support.OwnUsers;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TestMailServer;
import nl.doorbraak.support.TestUsers;

/**
 * The mail server is away (the application's SMTP port points at a closed port): the e-mail
 * step fails, is retried with the model's backoff (R5/PT5M) and becomes an engine incident,
 * which Cockpit lists and /actuator/health shows administrators. When the server is back and
 * the incident is retried, the e-mail arrives exactly once.
 */
@PostgresIntegrationTest
class MailOutageTests {

    private static final String USER = "mail-outage-0518";
    private static final String SEND_STEP = "Task_SendInformationRequest";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identityService;
    @Autowired
    JavaMailSenderImpl mailSender;
    @Autowired
    JdbcTemplate jdbc;

    Http http;

    @BeforeEach
    void ownUser() {
        http = new Http(port);
        OwnUsers.create(identityService, USER, "municipality-0518", TestUsers.PASSWORD);
    }

    @AfterEach
    void removeUser() {
        identityService.deleteUser(USER);
    }

    @Test
    void aMailServerThatIsDownDelaysTheMailButNeitherLosesNorDoublesIt() throws Exception {
        ManagementService management = engine.getManagementService();
        String contact = uniqueEmail("den-haag");
        String reference = submit(http, USER, ruleChange("den-haag-zuidwest", contact));
        String processInstance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(reference).singleResult().getId();
        long incidentsBefore = incidentsInHealth(SEND_STEP);

        int smtpPort = mailSender.getPort();
        mailSender.setPort(closedPort());
        Job job;
        int attempts = 0;
        try {
            completeCurrentTask(http, engine.getTaskService(), reference, "Task_Intake", TestUsers.PROGRAMME_OFFICE,
                    Map.of("intakeOutcome", "information-needed", "ruleDomains", List.of("income-support"),
                            "informationQuestion", "Hoeveel huishoudens gaat het om?"));
            job = management.createJobQuery().processInstanceId(processInstance).activityId(SEND_STEP).singleResult();
            assertThat(job).as("the asynchronous e-mail step").isNotNull();
            while (incidentOf(processInstance) == null) {
                assertThat(attempts).as("attempts before the incident").isLessThan(10);
                Instant failedAt = Instant.now();
                String jobId = job.getId();
                assertThatThrownBy(() -> management.executeJob(jobId)).as("attempt %s", attempts + 1)
                        .hasRootCauseInstanceOf(java.net.ConnectException.class);
                attempts++;
                job = management.createJobQuery().jobId(jobId).singleResult();
                if (job.getRetries() > 0) {
                    // the next attempt waits five minutes (R5/PT5M)
                    assertThat(Duration.between(failedAt, job.getDuedate().toInstant()))
                            .isBetween(Duration.ofMinutes(5).minusSeconds(5), Duration.ofMinutes(5).plusSeconds(5));
                    assertThat(management.createJobQuery().jobId(jobId).executable().count())
                            .as("not due before the backoff has passed").isZero();
                }
            }
            assertThat(attempts).as("R5: five attempts, then an incident").isEqualTo(5);
            Incident incident = incidentOf(processInstance);
            assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
            assertThat(incident.getActivityId()).isEqualTo(SEND_STEP);
            assertThat(incident.getConfiguration()).isEqualTo(job.getId());
            assertThat(incident.getIncidentMessage()).isNotBlank();
            assertThat(incidentsInHealth(SEND_STEP)).isEqualTo(incidentsBefore + 1);
            assertThat(TestMailServer.receivedBy(contact)).isEmpty();
            assertThat(unsent(reference)).isEqualTo(1);
            assertThat(auditEntries(reference, "notification-failed")).isEqualTo(5);
        } finally {
            mailSender.setPort(smtpPort);
        }

        // the server is back; an administrator retries the incident, as Cockpit's "retry" with due date "now" does
        management.setJobRetries(1).jobId(job.getId()).dueDate(new Date()).execute();
        assertThat(incidentOf(processInstance)).as("the incident is resolved by the retry").isNull();
        Jobs.runDue(engine);
        Jobs.runDue(engine);

        assertThat(TestMailServer.receivedBy(contact)).singleElement().satisfies(
                mail -> assertThat(mail.body()).contains("Hoeveel huishoudens gaat het om?"));
        assertThat(unsent(reference)).isZero();
        assertThat(jdbc.queryForObject("SELECT max(attempts) FROM outbox o JOIN request r ON r.id = o.request_id "
                + "WHERE r.reference = ?", Integer.class, reference)).as("claimed once").isEqualTo(1);
        assertThat(auditEntries(reference, "notification-sent")).isEqualTo(1);
        assertThat(incidentsInHealth(SEND_STEP)).isEqualTo(incidentsBefore);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey("Task_ProvideInformation").count()).as("the case went on").isEqualTo(1);
    }

    @Test
    void onlyAdministratorsSeeTheIncidentsInHealth() {
        JsonNode anonymous = Http.json(http.get("/actuator/health"));
        assertThat(anonymous.path("status").asText()).isEqualTo("UP");
        assertThat(anonymous.has("components")).isFalse();
        JsonNode reviewer = Http.json(http.get("/actuator/health", TestUsers.REVIEWER_SZW));
        assertThat(reviewer.has("components")).isFalse();
        JsonNode admin = Http.json(http.get("/actuator/health", TestUsers.ADMIN));
        JsonNode incidents = admin.path("components").path("processIncidents");
        assertThat(incidents.path("status").asText()).isEqualTo("UP");
        assertThat(incidents.path("details").has("total")).isTrue();
        assertThat(incidents.path("details").path("byActivity").isObject()).isTrue();
    }

    private long incidentsInHealth(String activity) {
        JsonNode health = Http.json(http.get("/actuator/health", TestUsers.ADMIN));
        return health.path("components").path("processIncidents").path("details").path("byActivity")
                .path(activity).asLong(0);
    }

    private Incident incidentOf(String processInstance) {
        return engine.getRuntimeService().createIncidentQuery().processInstanceId(processInstance).singleResult();
    }

    private long unsent(String reference) {
        return jdbc.queryForObject("SELECT count(*) FROM outbox o JOIN request r ON r.id = o.request_id "
                + "WHERE r.reference = ? AND o.sent_at IS NULL", Long.class, reference);
    }

    private long auditEntries(String reference, String action) {
        return jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE chain = ? AND action = ?", Long.class,
                reference, action);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
