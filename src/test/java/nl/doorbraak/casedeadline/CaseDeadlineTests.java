package nl.doorbraak.casedeadline;

import static nl.doorbraak.support.CaseSteps.postJson;
import static nl.doorbraak.support.CaseSteps.submission;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static nl.doorbraak.support.ProblemAssertions.assertProblem;
import static nl.doorbraak.support.ProblemAssertions.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.doorbraak.audit.AuditEntry;
import nl.doorbraak.audit.AuditQueries;
import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.platform.time.WorkingDays;
import nl.doorbraak.request.RequestSubmission;
import nl.doorbraak.support.Http;
import nl.doorbraak.support.Jobs;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.ProcessDriver;
import nl.doorbraak.support.TestUsers;

/**
 * The case deadline of real cases, with the engine's clock moved over public holidays: set at
 * submission from the table in working days, suspended automatically while Rotterdam is asked for
 * information and pushed on by the suspended working days, suspended, resumed and extended by the
 * programme office with the refusals (400, 403, 404, 409), closed by the decision (met or exceeded)
 * or a withdrawal, announced once when it passes, and counted in the progress report.
 */
@PostgresIntegrationTest
class CaseDeadlineTests {

    private static final String OFFICE = TestUsers.PROGRAMME_OFFICE;

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RequestSubmission submission;
    @Autowired
    CaseDeadlines deadlines;
    @Autowired
    AuditQueries audit;
    @Autowired
    JdbcClient jdbc;

    private ProcessDriver driver;
    private Http http;

    @BeforeEach
    void driver() {
        driver = new ProcessDriver(engine);
        http = new Http(port);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aRuleChangeHasFortyWorkingDaysThatStandStillWhileRotterdamIsAskedAndTheDecisionMeetsThem() {
        // Thursday 22 April 2027: King's Day, Liberation Day, Ascension and Whit Monday fall within the forty days
        at(LocalDate.of(2027, 4, 22));
        ProcessInstance pi = driver.submitted(submission, submission("rotterdam-zuid", uniqueEmail("rotterdam")));
        String reference = pi.getBusinessKey();

        JsonNode deadline = deadlineOf(reference, TestUsers.ROTTERDAM);
        assertThat(deadline.path("dueDate").asText()).isEqualTo("2027-06-23");
        assertThat(deadline.path("originalDueDate").asText()).isEqualTo("2027-06-23");
        assertThat(deadline.path("periodWorkingDays").asInt()).isEqualTo(40);
        assertThat(deadline.path("workingDaysLeft").asInt()).isEqualTo(40);
        assertThat(deadline.path("suspended").asBoolean()).isFalse();
        assertThat(deadline.path("summary").get(0).asText()).isEqualTo("Besluit uiterlijk op 23 juni 2027 (nog 40 werkdagen).");
        assertProblem(http.get("/api/v1/requests/" + reference, TestUsers.AMSTERDAM), 404);

        driver.complete(pi, "Task_Intake", "programme-office", OFFICE, Map.of("intakeOutcome", "information-needed",
                "ruleDomains", List.of("income-support"), "informationQuestion", "Hoeveel huishoudens zijn betrokken?"));
        runDue(pi);
        JsonNode suspended = deadlineOf(reference, TestUsers.ROTTERDAM);
        assertThat(suspended.path("suspended").asBoolean()).isTrue();
        assertThat(suspended.path("suspendedAutomatically").asBoolean()).isTrue();
        assertThat(suspended.path("suspendedSince").asText()).isEqualTo("2027-04-22");
        assertThat(suspended.path("summary").get(1).asText()).startsWith(
                "Opgeschort sinds 22 april 2027 wegens informatie gevraagd aan de gemeente (Awb 4:15).");
        // the Tasklist context of the municipality's task says so
        String question = driver.task(pi, "Task_ProvideInformation").getId();
        assertThat(nl.doorbraak.tasks.CaseContextVariables.of(engine.getTaskService(), question))
                .containsEntry("caseDeadlineSuspended", true)
                .hasEntrySatisfying("caseDeadline", text -> assertThat(text.toString()).contains("Opgeschort sinds 22 april 2027"));
        // an automatic suspension ends with the answer, not by hand
        assertThat(assertProblem(postJson(http, "/api/v1/requests/" + reference + "/case-deadline/resumption", OFFICE,
                Map.of()), 409).path("detail").asText()).contains("om informatie is gevraagd");

        // answered a week later: Friday, Monday, Wednesday and Thursday count, King's Day does not
        at(LocalDate.of(2027, 4, 29));
        driver.complete(pi, "Task_ProvideInformation", "municipality-0599", TestUsers.ROTTERDAM,
                Map.of("informationAnswer", "Ongeveer 1.200."));
        JsonNode resumed = deadlineOf(reference, TestUsers.ROTTERDAM);
        assertThat(resumed.path("suspended").asBoolean()).isFalse();
        assertThat(resumed.path("dueDate").asText()).isEqualTo("2027-06-29");
        assertThat(resumed.path("originalDueDate").asText()).isEqualTo("2027-06-23");
        assertThat(resumed.path("history").findValuesAsText("change")).containsExactly("set", "suspended", "resumed");
        assertThat(resumed.path("history").get(2).path("workingDays").asInt()).isEqualTo(4);
        assertThat(resumed.path("history").get(2).path("changedBy").asText(null)).isNull();

        at(LocalDate.of(2027, 6, 29));
        rejected(pi);

        JsonNode met = deadlineOf(reference, TestUsers.ROTTERDAM);
        assertThat(met.path("closed").asBoolean()).isTrue();
        assertThat(met.path("outcome").asText()).isEqualTo("met");
        assertThat(met.path("overdueBy").asText(null)).isNull();
        assertThat(met.path("summary").get(0).asText()).isEqualTo("Besloten binnen de doorlooptijd (uiterlijk 29 juni 2027).");
        assertThat(actions(reference)).containsSubsequence("case-deadline-set", "case-deadline-suspended",
                "case-deadline-resumed", "case-deadline-closed");
        AuditEntry set = entry(reference, "case-deadline-set");
        assertThat(set.actionDisplay()).isEqualTo("Doorlooptijd vastgesteld: besluit uiterlijk op 23 juni 2027 (40 werkdagen)");
        assertThat(set.changes()).contains("\"periodWorkingDays\":40", "\"dueDate\":\"2027-06-23\"");
        assertThat(Http.json(http.get("/api/v1/requests/" + reference + "/timeline", TestUsers.ROTTERDAM))
                .path("items").findValuesAsText("text")).contains(
                "Doorlooptijd opgeschort wegens informatie gevraagd aan de gemeente (Awb 4:15).",
                "Doorlooptijd hervat na 4 werkdagen opschorting: besluit uiterlijk op 29 juni 2027",
                "Doorlooptijd afgesloten: besloten binnen de termijn");
    }

    @Test
    void theProgrammeOfficeSuspendsResumesAndExtendsOnceWithAReasonAndIsRefusedOtherwise() {
        // Wednesday 22 December 2027: Christmas falls within the suspension
        at(LocalDate.of(2027, 12, 22));
        ProcessInstance pi = driver.submitted(submission, submission("rotterdam-zuid", uniqueEmail("rotterdam")));
        String reference = pi.getBusinessKey();
        String base = "/api/v1/requests/" + reference + "/case-deadline/";
        assertThat(deadlineOf(reference, OFFICE).path("dueDate").asText()).isEqualTo("2028-02-16");

        assertThat(errorFields(assertProblem(postJson(http, base + "suspension", OFFICE, Map.of("days", 3)), 400)))
                .containsExactlyInAnyOrder("days", "reason");
        assertProblem(postJson(http, base + "suspension", TestUsers.ROTTERDAM, Map.of("reason", "Wij willen wachten.")), 403);
        assertProblem(postJson(http, base + "suspension", TestUsers.AMSTERDAM, Map.of("reason", "Niet van ons.")), 404);
        assertProblem(postJson(http, base + "suspension", TestUsers.PROGRAMME_DIRECTOR, Map.of("reason", "Directie.")), 403);
        assertProblem(postJson(http, base + "resumption", OFFICE, Map.of()), 409);

        HttpResponse<String> suspended = postJson(http, base + "suspension", OFFICE,
                Map.of("reason", "Wacht op de uitspraak van de Centrale Raad van Beroep."));
        assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(200);
        assertThat(Http.json(suspended).path("suspensionReason").asText()).startsWith("Wacht op de uitspraak");
        assertThat(assertProblem(postJson(http, base + "suspension", OFFICE, Map.of("reason", "Nogmaals.")), 409)
                .path("detail").asText()).contains("al opgeschort sinds 22 december 2027");

        at(LocalDate.of(2027, 12, 29));
        HttpResponse<String> resumed = postJson(http, base + "resumption", OFFICE, Map.of("reason", "Uitspraak gedaan."));
        assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);
        assertThat(Http.json(resumed).path("dueDate").asText()).isEqualTo("2028-02-23");
        assertThat(Http.json(resumed).path("history").get(2).path("workingDays").asInt()).isEqualTo(5);
        assertThat(Http.json(resumed).path("latestExtensionDate").asText()).isEqualTo(
                WorkingDays.plus(LocalDate.of(2028, 2, 23), 30).toString());

        LocalDate latest = WorkingDays.plus(LocalDate.of(2028, 2, 23), 30);
        JsonNode tooLate = assertProblem(postJson(http, base + "extension", OFFICE,
                Map.of("reason", "Meer tijd.", "newDueDate", latest.plusDays(1).toString())), 400);
        assertThat(tooLate.path("errors").get(0).path("message").asText()).contains("ten hoogste 30 werkdagen");
        assertThat(errorFields(assertProblem(postJson(http, base + "extension", OFFICE,
                Map.of("reason", "Eerder.", "newDueDate", "2028-02-23")), 400))).containsExactly("newDueDate");
        assertThat(errorFields(assertProblem(postJson(http, base + "extension", OFFICE, Map.of()), 400)))
                .containsExactlyInAnyOrder("reason", "newDueDate");

        HttpResponse<String> extended = postJson(http, base + "extension", OFFICE,
                Map.of("reason", "Advies van de Raad van State nodig.", "newDueDate", "2028-03-08"));
        assertThat(extended.statusCode()).as(extended.body()).isEqualTo(200);
        JsonNode view = Http.json(extended);
        assertThat(view.path("dueDate").asText()).isEqualTo("2028-03-08");
        assertThat(view.path("extended").asBoolean()).isTrue();
        assertThat(view.path("latestExtensionDate").asText(null)).isNull();
        assertThat(view.path("summary").get(1).asText()).isEqualTo(
                "Verlengd tot 8 maart 2028 wegens advies van de Raad van State nodig.");
        assertThat(assertProblem(postJson(http, base + "extension", OFFICE,
                Map.of("reason", "Nog eens.", "newDueDate", "2028-03-10")), 409).path("detail").asText())
                .contains("verlengen kan één keer");
        assertThat(view.path("history").findValuesAsText("changedBy")).containsExactly(OFFICE, OFFICE, OFFICE);

        AuditEntry extension = entry(reference, "case-deadline-extended");
        assertThat(extension.userId()).isEqualTo(OFFICE);
        assertThat(extension.explanation()).isEqualTo("Advies van de Raad van State nodig.");
        assertThat(extension.changes()).contains("2028-02-23", "2028-03-08");
        assertThat(entry(reference, "case-deadline-suspended").userId()).isEqualTo(OFFICE);

        // the municipality withdraws: the deadline closes without being met or exceeded
        HttpResponse<String> withdrawn = postJson(http, "/api/v1/requests/" + reference + "/withdrawal",
                TestUsers.ROTTERDAM, Map.of("reason", "Opgelost met de provincie."));
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        runDue(pi);
        JsonNode closed = deadlineOf(reference, TestUsers.ROTTERDAM);
        assertThat(closed.path("outcome").asText()).isEqualTo("withdrawn");
        assertThat(closed.path("summary").get(0).asText()).isEqualTo("Doorlooptijd afgesloten: het verzoek is ingetrokken.");
        assertProblem(postJson(http, base + "suspension", OFFICE, Map.of("reason", "Te laat.")), 409);

        JsonNode paths = Http.json(http.get("/api/v1/openapi.json")).path("paths");
        assertThat(paths.path("/api/v1/requests/{reference}/case-deadline/extension").path("post").path("requestBody")
                .toString()).contains("#/components/schemas/CaseDeadlineExtension");
    }

    @Test
    void aPassedDeadlineIsAnnouncedToTheProgrammeOfficeOnceAndALateDecisionExceedsItInTheReport() {
        // urgent: twenty working days from Thursday 1 March 2029
        at(LocalDate.of(2029, 3, 1));
        java.util.Map<String, Object> urgent = new java.util.LinkedHashMap<>(submission("rotterdam-zuid",
                uniqueEmail("rotterdam")));
        urgent.put("urgency", "urgent");
        ProcessInstance late = driver.submitted(submission, urgent);
        ProcessInstance open = driver.submitted(submission, urgent);
        LocalDate due = WorkingDays.plus(LocalDate.of(2029, 3, 1), 20);
        assertThat(deadlineOf(late.getBusinessKey(), OFFICE).path("dueDate").asText()).isEqualTo(due.toString());

        at(due);
        deadlines.announcePassed();
        assertThat(passedMails(late.getBusinessKey())).isZero();

        LocalDate threeDaysOver = WorkingDays.plus(due, 3);
        at(threeDaysOver);
        assertThat(deadlines.announcePassed()).isGreaterThanOrEqualTo(2);
        int mails = passedMails(late.getBusinessKey());
        assertThat(mails).isPositive();
        assertThat(jdbc.sql("SELECT subject FROM outbox WHERE topic = ?")
                .param(CaseDeadlines.PASSED_TOPIC + "@" + late.getBusinessKey()).query(String.class).list())
                .allSatisfy(subject -> assertThat(subject).startsWith("Doorlooptijd verstreken: " + late.getBusinessKey()));
        deadlines.announcePassed();
        assertThat(passedMails(late.getBusinessKey())).isEqualTo(mails);
        JsonNode overdue = deadlineOf(late.getBusinessKey(), OFFICE);
        assertThat(overdue.path("overdueBy").asInt()).isEqualTo(3);
        assertThat(overdue.path("workingDaysLeft").asText(null)).isNull();
        assertThat(overdue.path("history").findValuesAsText("change")).containsExactly("set", "passed");
        assertThat(deadlines.overdue()).contains(requestId(late), requestId(open));

        rejected(late);
        JsonNode exceeded = deadlineOf(late.getBusinessKey(), OFFICE);
        assertThat(exceeded.path("outcome").asText()).isEqualTo("exceeded");
        assertThat(exceeded.path("overdueBy").asInt()).isEqualTo(3);
        assertThat(entry(late.getBusinessKey(), "case-deadline-closed").actionDisplay())
                .isEqualTo("Doorlooptijd afgesloten: besloten 3 werkdagen na de uiterste datum");

        at(LocalDate.of(2029, 7, 2));
        HttpResponse<String> report = http.get("/api/v1/reports/progress?period=2029-H1", OFFICE);
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        JsonNode cases = Http.json(report).path("caseDeadlines").path("cases");
        assertThat(cases).anySatisfy(row -> {
            assertThat(row.path("reference").asText()).isEqualTo(late.getBusinessKey());
            assertThat(row.path("state").asText()).isEqualTo("decided-late");
            assertThat(row.path("workingDaysOver").asInt()).isEqualTo(3);
        });
        assertThat(cases).anySatisfy(row -> {
            assertThat(row.path("reference").asText()).isEqualTo(open.getBusinessKey());
            assertThat(row.path("state").asText()).isEqualTo("open");
        });
        JsonNode total = Http.json(report).path("caseDeadlines").path("perKind").get(3);
        assertThat(total.path("kind").asText()).isEqualTo("total");
        assertThat(total.path("decidedLate").asLong()).isPositive();
        String csv = http.get("/api/v1/reports/progress?period=2029-H1&format=csv&section=case-deadlines", OFFICE).body();
        assertThat(csv).startsWith("Soort verzoek,Besloten,Te laat besloten,Open over de doorlooptijd").contains("Totaal,");
    }

    private JsonNode deadlineOf(String reference, String user) {
        HttpResponse<String> response = http.get("/api/v1/requests/" + reference, user);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode deadline = Http.json(response).path("caseDeadline");
        assertThat(deadline.isObject()).as("caseDeadline of %s", reference).isTrue();
        return deadline;
    }

    private int passedMails(String reference) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox WHERE topic = ?")
                .param(CaseDeadlines.PASSED_TOPIC + "@" + reference).query(Integer.class).single();
    }

    private java.util.UUID requestId(ProcessInstance pi) {
        return java.util.UUID.fromString((String) engine.getRuntimeService().getVariable(pi.getId(), "requestId"));
    }

    private List<String> actions(String reference) {
        return audit.applicationEntries(reference).stream().map(AuditEntry::action).toList();
    }

    private AuditEntry entry(String reference, String action) {
        return audit.applicationEntries(reference).stream().filter(entry -> action.equals(entry.action()))
                .reduce((first, second) -> second).orElseThrow(() -> new AssertionError(action + " on " + reference));
    }

    /** From intake through SZW's advice to the director's rejection, on the engine's clock as it stands. */
    private void rejected(ProcessInstance pi) {
        driver.complete(pi, "Task_Intake", "programme-office", OFFICE, Map.of("intakeOutcome", "complete",
                "ruleDomains", List.of("income-support")));
        runDue(pi);
        driver.complete(pi, "Task_Assess", "ministry-szw", TestUsers.REVIEWER_SZW, Map.of("assessmentOutcome", "advice",
                "advice", "reject", "rationale", "Geen ruimte binnen de wet."));
        runDue(pi);
        driver.complete(pi, "Task_Decide", "programme-director", TestUsers.PROGRAMME_DIRECTOR,
                Map.of("decisionOutcome", "rejected", "rationale", "Geen ruimte binnen de wet."));
        runDue(pi);
    }

    /** Runs what is due in the case's process and the assessments it called, not other tests' timers. */
    private void runDue(ProcessInstance pi) {
        for (int round = 0; round < 10; round++) {
            for (String instance : Jobs.family(engine, pi.getId())) {
                Jobs.runDue(engine, instance);
            }
        }
    }

    /** Moves the engine's clock (and the case clock) to noon on the day. */
    private static void at(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(12, 0).atZone(CaseClock.DUTCH_TIME).toInstant()));
    }
}
