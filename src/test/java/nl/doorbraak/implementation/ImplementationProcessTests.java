package nl.doorbraak.implementation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import nl.doorbraak.assessment.ProcessCoverage;
import nl.doorbraak.audit.AuditEntry;
import nl.doorbraak.audit.AuditQueries;
import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.platform.validation.InvalidInputException;
import nl.doorbraak.request.RequestKind;
import nl.doorbraak.request.RequestRecord;
import nl.doorbraak.request.RequestSubmission;
import nl.doorbraak.request.Requests;
import nl.doorbraak.security.DoorbraakUser;
import nl.doorbraak.support.CaseSteps;
import nl.doorbraak.support.Http;
import nl.doorbraak.support.Jobs;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.ProcessDriver;
import nl.doorbraak.support.TestMailServer;
import nl.doorbraak.support.TestUsers;
import nl.doorbraak.tasks.CaseContextVariables;
import nl.doorbraak.web.RequestTimeline;

/**
 * Implementation tracking end to end on PostgreSQL: a granted law change followed through every
 * stage until in force, an evaluation concluding "make structural" on an exemption followed as a
 * policy change whose optional consultation is skipped, reminders and escalation past a target
 * date, the form's rules, and decisions that promise nothing to follow. The engine's clock is moved
 * through the months and years the stages take. After the class, the model's flow-node coverage
 * must be 100%.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImplementationProcessTests {

    private static final DoorbraakUser ROTTERDAM = new DoorbraakUser("rotterdam", "Indiener Rotterdam",
            Set.of("municipality-0599"));

    @Autowired
    ProcessEngine engine;
    @Autowired
    RequestSubmission submission;
    @Autowired
    Requests requests;
    @Autowired
    ImplementationChanges changes;
    @Autowired
    AuditQueries auditQueries;
    @Autowired
    RequestTimeline timeline;
    @LocalServerPort
    int port;

    private final List<String> started = new ArrayList<>();
    private ProcessDriver driver;
    private Http http;

    @BeforeEach
    void initAssertions() {
        init(engine);
        driver = new ProcessDriver(engine);
        http = new Http(port);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aGrantedLawChangeIsFollowedAtTheMinistryThroughEveryStageUntilItIsInForce() {
        String mail = TestMailServerAddress.unique("wet");
        ProcessInstance request = decided("law-change", mail, "granted", "law-change", null);
        RequestRecord record = requests.findByReference(request.getBusinessKey()).orElseThrow();
        ProcessInstance pi = tracking(request);
        LocalDate start = CaseClock.dutchNow().toLocalDate();

        ImplementationChange change = changes.ofRequest(record.id()).orElseThrow();
        assertThat(change.changeKind()).isEqualTo("law");
        assertThat(change.startedByStep()).isEqualTo("decision");
        assertThat(change.ministryCode()).isEqualTo("szw");
        assertThat(change.stages()).extracting(ImplementationChange.Stage::stage)
                .containsExactly("drafting", "consultation", "council-of-state", "publication", "in-force");
        assertThat(change.stages()).extracting(ImplementationChange.Stage::targetOn).containsExactly(
                start.plusMonths(6), start.plusMonths(9), start.plusMonths(13), start.plusMonths(19), start.plusMonths(22));

        assertThat(pi).hasPassed("Task_PlanStage").isWaitingAt("Task_UpdateImplementation");
        Task update = driver.task(request, "Task_UpdateImplementation");
        assertThat(update.getName()).isEqualTo("Stand doorvoering bijwerken verzoek " + record.reference() + " (SZW)");
        assertThat(driver.candidateGroups(update)).containsExactly("ministry-szw");
        assertThat(update.getDueDate()).isEqualTo(nineOClock(start.plusMonths(6)));
        Map<String, Object> context = CaseContextVariables.of(engine.getTaskService(), update.getId());
        assertThat(context.get("caseDecision").toString()).startsWith("Toegekend: Voorstel voor wetswijziging");
        assertThat(context.get("caseChange")).isEqualTo("Wetswijziging");
        assertThat((List<?>) context.get("caseStages")).hasSize(5).first().asString()
                .contains("stage=Voorbereiding", "reached=");
        assertThat(timeline.of(record)).extracting(RequestTimeline.Item::text)
                .anySatisfy(text -> assertThat(text).startsWith("Wetswijziging wordt gevolgd bij SZW"));

        // the municipality sees the change on its request; another municipality does not see the request
        HttpResponse<String> detail = http.get("/api/v1/requests/" + record.reference(), "rotterdam");
        assertThat(detail.statusCode()).as(detail.body()).isEqualTo(200);
        JsonNode implementation = Http.json(detail).path("implementation");
        assertThat(implementation.path("changeKind").asText()).isEqualTo("law");
        assertThat(implementation.path("ministry").asText()).isEqualTo("szw");
        assertThat(implementation.path("nextStage").asText()).isEqualTo("drafting");
        assertThat(implementation.path("overdue").asBoolean()).isFalse();
        assertThat(implementation.path("stages")).extracting(stage -> stage.path("label").asText() + " "
                + stage.path("targetOn").asText()).containsExactly("Voorbereiding " + start.plusMonths(6),
                "Consultatie " + start.plusMonths(9), "Advies Raad van State " + start.plusMonths(13),
                "Publicatie in het Staatsblad " + start.plusMonths(19), "Inwerkingtreding " + start.plusMonths(22));
        assertThat(detail.body()).doesNotContain("Fase drafting afgerond");
        assertThat(http.get("/api/v1/requests/" + record.reference(), "amsterdam").statusCode()).isEqualTo(404);

        // only the next stage (no optional one before a later stage), never in the future
        assertThatThrownBy(() -> report(request, "publication", start, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Bereikte fase");
        assertThatThrownBy(() -> report(request, "drafting", start.plusDays(1), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("toekomst");
        assertThatThrownBy(() -> report(request, "drafting", start.minusDays(1), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("vóór het besluit");
        assertThat(changes.ofRequest(record.id()).orElseThrow().currentStage()).isNull();

        // the stages over almost two years, each reported a little before its target date
        String[] stages = {"drafting", "consultation", "council-of-state", "publication"};
        int[] months = {5, 8, 12, 18};
        for (int i = 0; i < stages.length; i++) {
            LocalDate reached = start.plusMonths(months[i]);
            at(reached);
            report(request, stages[i], reached, "Fase " + stages[i] + " afgerond.");
            assertThat(pi).isWaitingAt("Task_UpdateImplementation");
            assertThat(changes.ofRequest(record.id()).orElseThrow().currentStage()).isEqualTo(stages[i]);
        }
        // the progress report at the end of month 18: publication reached, in force expected in month 22
        JsonNode row = reportRow(record.reference(), start, start.plusMonths(18));
        assertThat(row.path("state").asText()).isEqualTo("on-schedule");
        assertThat(row.path("stageReached").asText()).isEqualTo("Publicatie in het Staatsblad");
        assertThat(row.path("nextStage").asText()).isEqualTo("Inwerkingtreding");
        assertThat(row.path("nextTargetOn").asText()).isEqualTo(start.plusMonths(22).toString());
        assertThat(row.path("changeKindLabel").asText()).isEqualTo("Wetswijziging");
        // and as it stood at the end of month 6: drafting done, consultation under way
        assertThat(reportRow(record.reference(), start, start.plusMonths(6)).path("stageReached").asText())
                .isEqualTo("Voorbereiding");

        LocalDate inForce = start.plusMonths(21);
        at(inForce);
        report(request, "in-force", inForce, "Staatsblad 2028, 123.");
        ClockUtil.reset();
        Jobs.runDue(engine);

        // not in order: the history's timestamps follow the moved clock
        assertThat(pi).isEnded().hasPassed("StartEvent_ChangePromised", "Task_PlanStage",
                "Task_UpdateImplementation", "Task_RecordStage", "Gateway_InForce", "Task_InformMunicipality",
                "EndEvent_InForce");
        ImplementationChange done = changes.ofRequest(record.id()).orElseThrow();
        assertThat(done.inForceOn()).isEqualTo(inForce);
        assertThat(done.currentStage()).isEqualTo("in-force");
        assertThat(done.stages()).allSatisfy(stage -> assertThat(stage.reachedOn()).isNotNull());
        assertThat(TestMailServer.receivedBy(mail)).anySatisfy(letter -> {
            assertThat(letter.subject()).isEqualTo("De regel uit uw verzoek " + record.reference() + " is gewijzigd");
            assertThat(letter.body()).contains("in werking getreden", "wetswijziging");
        });
        assertThat(timeline.of(record)).extracting(RequestTimeline.Item::text)
                .contains("Doorvoering wetswijziging: Advies Raad van State bereikt op "
                        + ImplementationLetters.date(start.plusMonths(12)));
        assertThat(auditQueries.applicationEntries(record.reference())).extracting(AuditEntry::action)
                .contains("implementation-started", "implementation-stage-reached");
    }

    @Test
    void makingAnExemptionStructuralIsFollowedAsAPolicyChangeWithRemindersEscalationAndASkippedConsultation() {
        String mail = TestMailServerAddress.unique("beleid");
        ProcessInstance request = decided("temporary-exemption", mail, "granted", "temporary-exemption",
                LocalDate.now().plusYears(1).toString());
        RequestRecord record = requests.findByReference(request.getBusinessKey()).orElseThrow();
        assertThat(changes.ofRequest(record.id())).as("an exemption is not a change of rules").isEmpty();

        Jobs.fireTimer(engine, request.getId(), "Event_EvaluationDate");
        driver.complete(request, "Task_DeliverEvaluation", null, "rotterdam",
                Map.of("evaluationReport", "De vrijstelling werkt; 40 huishoudens geholpen."));
        driver.complete(request, "Task_AssessEvaluation", null, "programme-office",
                Map.of("evaluationConclusion", "make-structural", "evaluationNote", "Structureel regelen."));
        ProcessInstance pi = tracking(request);
        LocalDate start = CaseClock.dutchNow().toLocalDate();
        ImplementationChange change = changes.ofRequest(record.id()).orElseThrow();
        assertThat(change.changeKind()).isEqualTo("policy");
        assertThat(change.startedByStep()).isEqualTo("make-structural");
        assertThat(change.stages()).extracting(ImplementationChange.Stage::stage)
                .containsExactly("drafting", "consultation", "publication", "in-force");
        assertThat(CaseContextVariables.of(engine.getTaskService(),
                driver.task(request, "Task_UpdateImplementation").getId()).get("caseChange"))
                .isEqualTo("Beleidswijziging (experiment of vrijstelling structureel maken)");

        // two weeks before the target date: every SZW reviewer is reminded
        Jobs.fireTimer(engine, pi.getId(), "Event_StageReminderDue");
        assertThat(pi).hasPassed("Task_RemindReviewers", "Task_SendReminder", "EndEvent_Reminded")
                .isWaitingAt("Task_UpdateImplementation");
        assertThat(TestMailServer.receivedBy("reviewer-szw@example.org")).anySatisfy(letter -> {
            assertThat(letter.subject()).isEqualTo("Herinnering: stand doorvoering verzoek " + record.reference() + " (SZW)");
            assertThat(letter.body()).contains("Voorbereiding", ImplementationLetters.date(start.plusMonths(3)));
        });

        // past the target date: the lead of SZW acts, on the record
        Jobs.fireTimer(engine, pi.getId(), "Event_StageOverdue");
        Task escalation = driver.task(request, "Task_EscalateImplementation");
        assertThat(escalation.getName()).isEqualTo("Escaleren doorvoering verzoek " + record.reference() + " (SZW)");
        assertThat(driver.candidateGroups(escalation)).containsExactly("ministry-szw-lead");
        assertThatThrownBy(() -> driver.complete(request, "Task_EscalateImplementation", null, "lead-szw", Map.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Genomen actie is verplicht");
        driver.complete(request, "Task_EscalateImplementation", null, "lead-szw",
                Map.of("escalationNote", "Besproken met de directeur; beleidsregel gaat volgende maand in consultatie."));
        assertThat(pi).hasPassed("Task_RecordEscalation", "EndEvent_Escalated").isWaitingAt("Task_UpdateImplementation");
        assertThat(auditQueries.applicationEntries(record.reference())).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("implementation-escalated");
            assertThat(entry.explanation()).startsWith("Besproken met de directeur");
        });

        // drafting late, then publication at once: the optional consultation is skipped
        LocalDate drafted = start.plusMonths(4);
        at(drafted);
        report(request, "drafting", drafted, null);
        LocalDate published = start.plusMonths(5);
        at(published);
        report(request, "publication", published, "Staatscourant 2027, 4567.");
        ImplementationChange afterPublication = changes.ofRequest(record.id()).orElseThrow();
        assertThat(afterPublication.stage("consultation").orElseThrow().skipped()).isTrue();
        assertThat(afterPublication.currentStage()).isEqualTo("publication");
        at(published.plusDays(10));
        report(request, "in-force", published.plusDays(10), null);

        // the progress report over the past: overdue after the drafting's target date, in force at the end
        assertThat(reportRow(record.reference(), start, start.plusMonths(1)).path("state").asText())
                .isEqualTo("on-schedule");
        JsonNode late = reportRow(record.reference(), start, start.plusMonths(3).plusDays(10));
        assertThat(late.path("state").asText()).isEqualTo("overdue");
        assertThat(late.path("nextStage").asText()).isEqualTo("Voorbereiding");
        assertThat(late.path("startedBy").asText()).isEqualTo("make-structural");
        JsonNode done = reportRow(record.reference(), start, published.plusDays(10));
        assertThat(done.path("state").asText()).isEqualTo("in-force");
        assertThat(done.path("inForceOn").asText()).isEqualTo(published.plusDays(10).toString());
        JsonNode section = report(start, published.plusDays(10)).path("implementation");
        JsonNode total = section.path("perKind").get(2);
        assertThat(total.path("changeKind").asText()).isEqualTo("total");
        assertThat(total.path("promised").asLong()).isEqualTo(section.path("perKind").get(0).path("promised").asLong()
                + section.path("perKind").get(1).path("promised").asLong()).isEqualTo(section.path("changes").size());
        assertThat(total.path("inForce").asLong()).isPositive();
        String csv = http.get("/api/v1/reports/progress?from=" + start + "&to=" + published.plusDays(10)
                + "&format=csv&section=implementation-changes", "programme-office").body();
        assertThat(csv).startsWith("Kenmerk,Gemeente,Titel,Soort wijziging,Ministerie,Gestart op,Bereikte fase,"
                + "Volgende fase,Streefdatum,Stand").contains(record.reference() + ",Rotterdam,");
        ClockUtil.reset();
        Jobs.runDue(engine);
        assertThat(pi).isEnded().hasPassed("EndEvent_InForce");
        assertThat(changes.ofRequest(record.id()).orElseThrow().inForceOn()).isEqualTo(published.plusDays(10));
    }

    @Test
    void aRejectionAPolicyChangeGrantedOnAJoinAndAGrantedClarificationStartNothingToFollow() {
        ProcessInstance rejected = decided("law-change", TestMailServerAddress.unique("nee"), "rejected", null, null);
        assertThat(changes.ofRequest(requestId(rejected))).isEmpty();
        ProcessInstance clarified = decided("clarification", TestMailServerAddress.unique("uitleg"), "granted",
                "clarification", null);
        assertThat(changes.ofRequest(requestId(clarified))).isEmpty();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(ChangeTracking.PROCESS).processInstanceBusinessKey(clarified.getBusinessKey())
                .count()).isZero();
    }

    @Test
    void aRevokedDecisionStopsTheChangeItPromisedAndTheReportCountsTheRevocation() {
        ProcessInstance request = decided("law-change", TestMailServerAddress.unique("ingetrokken"), "granted",
                "law-change", null);
        RequestRecord record = requests.findByReference(request.getBusinessKey()).orElseThrow();
        ProcessInstance pi = tracking(request);
        LocalDate start = CaseClock.dutchNow().toLocalDate();
        report(request, "drafting", start, "Concept klaar.");
        String reason = "De gemeente heeft de aanpak gestaakt.";

        HttpResponse<String> revoked = CaseSteps.postJson(http, "/api/v1/requests/" + record.reference()
                + "/decision/revocation", TestUsers.PROGRAMME_DIRECTOR, Map.of("version", 1, "reason", reason));
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        Jobs.runDue(engine); // the letters of the revocation go out

        assertThat(pi).isEnded();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        ImplementationChange stopped = changes.ofRequest(record.id()).orElseThrow();
        assertThat(stopped.stopped()).isTrue();
        assertThat(stopped.stopReason()).isEqualTo(reason);
        assertThat(stopped.currentStage()).isEqualTo("drafting");
        assertThat(stopped.nextStage()).isEmpty();

        JsonNode implementation = Http.json(http.get("/api/v1/requests/" + record.reference(), "rotterdam"))
                .path("implementation");
        assertThat(implementation.path("stoppedAt").asText(null)).isNotNull();
        assertThat(implementation.path("stopReason").asText()).isEqualTo(reason);
        assertThat(implementation.path("overdue").asBoolean()).isFalse();
        assertThat(implementation.path("nextStage").asText(null)).isNull();

        assertThat(auditQueries.applicationEntries(record.reference())).filteredOn(entry ->
                "implementation-stopped".equals(entry.action())).singleElement().satisfies(entry -> {
                    assertThat(entry.explanation()).isEqualTo(reason);
                    assertThat(entry.userId()).isEqualTo(TestUsers.PROGRAMME_DIRECTOR);
                });
        assertThat(timeline.of(record)).extracting(RequestTimeline.Item::text)
                .contains("Wetswijziging wordt niet langer gevolgd bij SZW: het besluit is ingetrokken");
        assertThat(TestMailServer.received()).anySatisfy(letter -> {
            assertThat(letter.subject()).isEqualTo("Doorvoering gestopt: besluit op verzoek " + record.reference()
                    + " ingetrokken");
            assertThat(letter.body()).contains(reason, "wetswijziging");
        });

        // long after every target date the stopped change is not overdue; the report names it stopped
        LocalDate later = start.plusYears(3);
        at(later);
        JsonNode report = report(start, later);
        JsonNode row = null;
        for (JsonNode change : report.path("implementation").path("changes")) {
            if (record.reference().equals(change.path("reference").asText())) {
                row = change;
            }
        }
        assertThat(row).as("the stopped change in the report").isNotNull();
        assertThat(row.path("state").asText()).isEqualTo("stopped");
        assertThat(row.path("nextStage").asText(null)).isNull();
        JsonNode total = report.path("implementation").path("perKind").get(2);
        assertThat(total.path("changeKind").asText()).isEqualTo("total");
        assertThat(total.path("stopped").asLong()).isPositive();
        assertThat(report.path("total").path("decisionsRevoked").asLong()).isPositive();
        assertThat(report.path("breakthroughs")).filteredOn(breakthrough -> record.reference()
                .equals(breakthrough.path("reference").asText())).singleElement()
                .satisfies(breakthrough -> assertThat(breakthrough.path("evaluationStatus").asText()).isEqualTo("revoked"));
        // a second revocation is refused, and nothing stops twice
        assertThat(CaseSteps.postJson(http, "/api/v1/requests/" + record.reference() + "/decision/revocation",
                TestUsers.PROGRAMME_DIRECTOR, Map.of("version", 2, "reason", reason)).statusCode()).isEqualTo(409);
        assertThat(auditQueries.applicationEntries(record.reference())).filteredOn(entry ->
                "implementation-stopped".equals(entry.action())).hasSize(1);
    }

    @AfterAll
    void everyFlowNodeOfTheModelWasReached() {
        Map<String, Set<String>> missing = ProcessCoverage.missing(engine, started, List.of("implementation-tracking"),
                "implementation-tracking");
        assertThat(missing).allSatisfy((model, nodes) -> assertThat(nodes).as("not reached in %s", model).isEmpty());
    }

    // --- driving the processes as their users do

    /** A rule-change request from Rotterdam on the Participatiewet, advised by SZW and decided. */
    private ProcessInstance decided(String requested, String mail, String outcome, String instrument, String evaluation) {
        Map<String, Object> input = new HashMap<>();
        input.put("focusArea", "rotterdam-zuid");
        input.put("title", "Kostendelersnorm voor jongvolwassenen");
        input.put("regulation", "Participatiewet");
        input.put("article", "art. 22a");
        input.put("ruleDomains", List.of("income-support"));
        input.put("conflict", "Jongvolwassenen die thuis wonen verlagen de uitkering van hun ouders.");
        input.put("proposedSolution", "De norm aanpassen.");
        input.put("requestedInstrument", requested);
        input.put("urgency", "normal");
        input.put("contactName", "J. de Vries");
        input.put("contactEmail", mail);
        RequestRecord record = submission.submit(RequestKind.RULE_CHANGE, input, ROTTERDAM, null).request();
        ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(record.processInstanceId()).singleResult();
        driver.complete(pi, "Task_Intake", "programme-office", "programme-office", Map.of("intakeOutcome", "complete",
                "ruleDomains", List.of("income-support")));
        driver.complete(pi, "Task_Assess", "ministry-szw", "reviewer-szw", Map.of("assessmentOutcome", "advice",
                "advice", "support", "rationale", "Past binnen het beleid."));
        Jobs.runDue(engine);
        Map<String, Object> decision = new HashMap<>(Map.of("decisionOutcome", outcome,
                "rationale", "Afgewogen tegen het advies van SZW."));
        if (instrument != null) {
            decision.put("instrument", instrument);
            decision.put("effectiveDate", LocalDate.now().plusMonths(1).toString());
        }
        if (evaluation != null) {
            decision.put("evaluationDate", evaluation);
        }
        driver.complete(pi, "Task_Decide", null, "programme-director", decision);
        Jobs.runDue(engine);
        return pi;
    }

    /** The implementation-tracking instance of the request. */
    private ProcessInstance tracking(ProcessInstance request) {
        ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(ChangeTracking.PROCESS).processInstanceBusinessKey(request.getBusinessKey())
                .singleResult();
        assertThat(pi).as("implementation tracking of %s", request.getBusinessKey()).isNotNull();
        started.add(pi.getId());
        return pi;
    }

    private void report(ProcessInstance request, String stage, LocalDate reached, String note) {
        Map<String, Object> values = new HashMap<>(Map.of("implementationStage", stage, "reachedOn", reached.toString()));
        if (note != null) {
            values.put("stageNote", note);
        }
        driver.complete(request, "Task_UpdateImplementation", "ministry-szw", "reviewer-szw", values);
    }

    /** The progress report from the first to the last day, as the programme office reads it. */
    private JsonNode report(LocalDate from, LocalDate to) {
        HttpResponse<String> response = http.get("/api/v1/reports/progress?from=" + from + "&to=" + to,
                "programme-office");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    private JsonNode reportRow(String reference, LocalDate from, LocalDate to) {
        JsonNode changes = report(from, to).path("implementation").path("changes");
        for (JsonNode change : changes) {
            if (reference.equals(change.path("reference").asText())) {
                return change;
            }
        }
        throw new AssertionError(reference + " not in the report up to " + to + ": " + changes);
    }

    /** Moves the engine's clock (and the case clock) to noon on the day. */
    private static void at(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(12, 0).atZone(CaseClock.DUTCH_TIME).toInstant()));
    }

    private static Date nineOClock(LocalDate day) {
        ZonedDateTime nine = day.atTime(9, 0).atZone(CaseClock.DUTCH_TIME);
        return Date.from(nine.toInstant());
    }

    private java.util.UUID requestId(ProcessInstance pi) {
        return requests.findByReference(pi.getBusinessKey()).orElseThrow().id();
    }

    /** A contact address of its own per test, so mails of one test never count in another. */
    private static final class TestMailServerAddress {
        static String unique(String prefix) {
            return prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@rotterdam.example";
        }
    }
}
