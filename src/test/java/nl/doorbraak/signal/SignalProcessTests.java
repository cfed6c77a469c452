package nl.doorbraak.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import nl.doorbraak.assessment.ProcessCoverage;
import nl.doorbraak.audit.AuditEntry;
import nl.doorbraak.audit.AuditQueries;
import nl.doorbraak.platform.validation.InvalidInputException;
import nl.doorbraak.request.RequestKind;
import nl.doorbraak.request.RequestRecord;
import nl.doorbraak.request.RequestSubmission;
import nl.doorbraak.request.Requests;
import nl.doorbraak.security.DoorbraakUser;
import nl.doorbraak.support.Jobs;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.ProcessDriver;
import nl.doorbraak.support.TestMailServer;
import nl.doorbraak.tasks.CaseContextVariables;
import nl.doorbraak.web.RequestTimeline;

/**
 * Recurring obstacles end to end on PostgreSQL: the detection after routing in rule-change-request
 * (threshold reached or not, joining an open signal, what counts as the same rule, two intakes at
 * once) and every path of recurring-obstacle-signal (answer, reminder, escalation, the answer's
 * rules), driven as Tasklist drives them. Each test uses articles of its own, so the signals of one
 * test never meet the requests of another. After the class, the signal model's flow-node coverage
 * must be 100%.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignalProcessTests {

    static final DoorbraakUser ROTTERDAM = municipality("rotterdam", "0599");
    static final DoorbraakUser SCHIEDAM = municipality("schiedam", "0606");
    static final DoorbraakUser TILBURG = municipality("tilburg", "0855");

    @Autowired
    ProcessEngine engine;
    @Autowired
    RequestSubmission submission;
    @Autowired
    Requests requests;
    @Autowired
    nl.doorbraak.request.RequestWithdrawal withdrawal;
    @Autowired
    Signals signals;
    @Autowired
    AuditQueries auditQueries;
    @Autowired
    RequestTimeline timeline;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    private final List<String> signalInstances = new ArrayList<>();
    private ProcessDriver driver;

    @BeforeEach
    void initAssertions() {
        init(engine);
        driver = new ProcessDriver(engine);
    }

    @Test
    void twoFocusAreasOnOneRuleStartASignalThatSzwAnswersForEveryLinkedRequest() {
        String article = "art. 31 lid 2 onderdeel a";
        String rotterdamMail = mail("rotterdam");
        RequestRecord rotterdam = routed(ROTTERDAM, "rotterdam-zuid", "participatiewet", article, rotterdamMail);
        assertThat(signals.ofRequest(rotterdam.id())).as("one focus area is no recurring obstacle").isEmpty();

        String schiedamMail = mail("schiedam");
        RequestRecord schiedam = routed(SCHIEDAM, "schiedam-nieuwland", "participatiewet", "Artikel 31 lid 2 onderdeel A",
                schiedamMail);
        Signal signal = signals.ofRequest(schiedam.id()).orElseThrow();
        assertThat(signals.ofRequest(rotterdam.id())).contains(signal);
        assertThat(signal.reference()).matches("SIG-\\d{4}-\\d{3}");
        assertThat(signal.nationalRuleId()).isEqualTo("participatiewet");
        assertThat(signal.articleKey()).isEqualTo("31 lid 2 onderdeel a");
        assertThat(signal.ministryCode()).isEqualTo("szw");
        assertThat(signal.startedBy()).isEqualTo(Signal.AUTOMATIC);
        assertThat(signal.startReason()).isEqualTo("Verzoeken uit 2 focusgebieden noemen dezelfde regel.");
        // thirty working days, holidays skipped
        java.time.Instant thirty = nl.doorbraak.platform.time.WorkingDays.plus(
                signal.createdAt().toInstant().atZone(nl.doorbraak.platform.CaseClock.DUTCH_TIME), 30).toInstant();
        assertThat(signal.dueAt().toInstant()).isBetween(thirty.minusSeconds(60), thirty.plusSeconds(60));

        ProcessInstance pi = signalProcess(signal);
        assertThat(pi).isWaitingAt("Task_AnswerSignal").hasPassed("Task_ScheduleAnswer");
        Task answer = driver.task(pi, "Task_AnswerSignal");
        assertThat(answer.getName()).isEqualTo("Structureel antwoord geven signaal " + signal.reference() + " (SZW)");
        assertThat(driver.candidateGroups(answer)).containsExactly("ministry-szw");
        assertThat(answer.getDueDate().toInstant()).isEqualTo(signal.dueAt().toInstant());
        Map<String, Object> context = CaseContextVariables.of(engine.getTaskService(), answer.getId());
        assertThat(context.get("caseReference")).isEqualTo(signal.reference());
        assertThat(context.get("caseRule").toString()).contains("Participatiewet", "31 lid 2 onderdeel a", "BWBR0015703");
        assertThat(context.get("caseFocusArea").toString()).contains("Rotterdam-Zuid", "Nieuwland-Oost");
        assertThat((List<?>) context.get("caseRequests")).hasSize(2).anySatisfy(row -> assertThat(row.toString())
                .contains("reference=" + rotterdam.reference(), "focusArea=Rotterdam-Zuid"));

        // the request's own tasks show the signal
        Task assess = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(rotterdam.reference())
                .taskDefinitionKey("Task_Assess").singleResult();
        assertThat(CaseContextVariables.of(engine.getTaskService(), assess.getId()).get("caseSignal").toString())
                .startsWith("Gekoppeld aan signaal " + signal.reference() + " over Participatiewet (PW), artikel 31 lid 2 onderdeel a");

        // a third request on the rule, from a focus area already counted, joins the open signal
        RequestRecord third = routed(ROTTERDAM, "rotterdam-zuid", "participatiewet", article, mail("rotterdam"));
        assertThat(signals.ofRequest(third.id())).contains(signal);
        assertThat(signals.linkedRequestIds(signal.id())).containsExactly(rotterdam.id(), schiedam.id(), third.id());

        driver.complete(pi, "Task_AnswerSignal", "ministry-szw", "reviewer-szw", Map.of("answerKind", "change-rule",
                "answer", "Per 1 januari telt een thuiswonende jongvolwassene tot 27 jaar niet mee als kostendeler."));
        assertThat(pi).isWaitingAt("Task_SendAnswer");
        Jobs.runDue(engine);
        assertThat(pi).isEnded().hasPassedInOrder("Task_ScheduleAnswer", "Task_AnswerSignal", "Task_RecordAnswer",
                "Task_SendAnswer", "EndEvent_Answered");

        Signal answered = signals.find(signal.id()).orElseThrow();
        assertThat(answered.status()).isEqualTo(Signal.ANSWERED);
        assertThat(answered.answerKind()).isEqualTo("change-rule");
        assertThat(answered.answeredBy()).isEqualTo("reviewer-szw");
        for (String address : List.of(rotterdamMail, schiedamMail)) {
            assertThat(TestMailServer.receivedBy(address)).singleElement().satisfies(mail -> {
                assertThat(mail.subject()).isEqualTo("Structureel antwoord op knelpunt Participatiewet");
                assertThat(mail.body()).contains(signal.reference(), "SZW heeft geantwoord: de regel wordt aangepast",
                        "telt een thuiswonende jongvolwassene tot 27 jaar niet mee");
            });
        }
        assertThat(timeline.of(requests.get(schiedam.id()))).extracting(RequestTimeline.Item::text)
                .contains("Gekoppeld aan signaal " + signal.reference(),
                        "Structureel antwoord op signaal " + signal.reference() + " (SZW): De regel wordt aangepast. "
                                + "Per 1 januari telt een thuiswonende jongvolwassene tot 27 jaar niet mee als kostendeler.");
        assertThat(auditQueries.applicationEntries(signal.reference())).extracting(AuditEntry::action)
                .contains("signal-started", "signal-linked", "signal-answered", "notification-sent");
        assertThat(auditQueries.applicationEntries(third.reference())).extracting(AuditEntry::action)
                .contains("signal-linked", "signal-answered");

        // once answered, a new request on the rule counts afresh: with the answered ones it is a new signal
        RequestRecord fourth = routed(TILBURG, "tilburg-noordwest", "participatiewet", article, mail("tilburg"));
        Signal next = signals.ofRequest(fourth.id()).orElseThrow();
        assertThat(next.id()).isNotEqualTo(signal.id());
        assertThat(signals.linkedRequestIds(next.id())).contains(rotterdam.id(), schiedam.id(), fourth.id());
        signalProcess(next);
    }

    @Test
    void aLateAnswerRemindsTheReviewersThenEscalatesToTheLeadAndNoChangeNeedsReasons() {
        String article = "art. 32";
        routed(ROTTERDAM, "rotterdam-zuid", "participatiewet", article, mail("rotterdam"));
        RequestRecord schiedam = routed(SCHIEDAM, "schiedam-nieuwland", "participatiewet", article, mail("schiedam"));
        Signal signal = signals.ofRequest(schiedam.id()).orElseThrow();
        ProcessInstance pi = signalProcess(signal);

        Jobs.fireTimer(engine, pi.getId(), "Event_AnswerReminderDue");
        assertThat(pi).hasPassed("Task_RemindReviewers", "Task_SendReminder", "EndEvent_Reminded")
                .isWaitingAt("Task_AnswerSignal");
        assertThat(TestMailServer.receivedBy("reviewer-szw@example.org"))
                .anySatisfy(mail -> assertThat(mail.subject())
                        .isEqualTo("Herinnering: structureel antwoord op signaal " + signal.reference() + " (SZW)"));

        Jobs.fireTimer(engine, pi.getId(), "Event_AnswerOverdue");
        Task escalation = driver.task(pi, "Task_EscalateSignal");
        assertThat(escalation.getName()).isEqualTo("Escaleren signaal " + signal.reference() + " (SZW)");
        assertThat(driver.candidateGroups(escalation)).containsExactly("ministry-szw-lead");
        assertThatThrownBy(() -> driver.complete(pi, "Task_EscalateSignal", null, "lead-szw", Map.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Genomen actie is verplicht");
        driver.complete(pi, "Task_EscalateSignal", null, "lead-szw",
                Map.of("escalationNote", "Met de directeur Participatie afgesproken: antwoord binnen twee weken."));
        assertThat(pi).hasPassed("EndEvent_Escalated").isWaitingAt("Task_AnswerSignal");

        assertThatThrownBy(() -> driver.complete(pi, "Task_AnswerSignal", null, "reviewer-szw",
                Map.of("answerKind", "no-change", "answer", "De norm blijft.")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Redenen om de regel niet aan te passen is verplicht");
        assertThatThrownBy(() -> driver.complete(pi, "Task_AnswerSignal", null, "reviewer-szw",
                Map.of("answerKind", "abolish-everything", "answer", "x")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Soort antwoord");
        assertThat(signals.find(signal.id()).orElseThrow().isOpen()).isTrue();

        driver.complete(pi, "Task_AnswerSignal", null, "reviewer-szw", Map.of("answerKind", "no-change",
                "answer", "De kostendelersnorm blijft ongewijzigd.",
                "answerReasons", "De norm is in 2015 bewust ingevoerd; gemeenten kunnen individueel afwijken."));
        Jobs.runDue(engine);
        assertThat(pi).isEnded();
        Signal answered = signals.find(signal.id()).orElseThrow();
        assertThat(answered.answerReasons()).startsWith("De norm is in 2015");
        assertThat(TestMailServer.receivedBy(schiedam.contactEmail())).singleElement()
                .satisfies(mail -> assertThat(mail.body()).contains("Redenen:", "bewust ingevoerd"));
    }

    @Test
    void theSameRuleIsTheSameEntryAndArticleAndARequestWithoutArticleCountsForTheRegulationAsAWhole() {
        // the same entry, other articles: no recurring obstacle
        RequestRecord one = routed(ROTTERDAM, "rotterdam-zuid", "wet-kinderopvang", "art. 1.7", mail("rotterdam"));
        RequestRecord two = routed(SCHIEDAM, "schiedam-nieuwland", "wet-kinderopvang", "art. 1.8", mail("schiedam"));
        assertThat(signals.ofRequest(one.id())).isEmpty();
        assertThat(signals.ofRequest(two.id())).isEmpty();

        // without an article: the regulation as a whole
        RequestRecord three = routed(ROTTERDAM, "rotterdam-zuid", "wet-kinderopvang", null, mail("rotterdam"));
        RequestRecord four = routed(TILBURG, "tilburg-noordwest", "wet-kinderopvang", null, mail("tilburg"));
        Signal whole = signals.ofRequest(four.id()).orElseThrow();
        assertThat(whole.articleKey()).isNull();
        assertThat(signals.linkedRequestIds(whole.id())).containsExactlyInAnyOrder(three.id(), four.id());
        signalProcess(whole);

        // a request on an article joins the open signal on the regulation as a whole
        RequestRecord five = routed(SCHIEDAM, "schiedam-nieuwland", "wet-kinderopvang", "art. 1.8", mail("schiedam"));
        assertThat(signals.ofRequest(five.id())).contains(whole);

        // a request that names no catalogue entry passes
        Map<String, Object> input = input("rotterdam-zuid", null, null, mail("rotterdam"));
        input.put("regulation", "Wet kinderopvang");
        RequestRecord free = routed(ROTTERDAM, input);
        assertThat(signals.ofRequest(free.id())).isEmpty();
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(free.processInstanceId()).activityId("Task_SignalRecurringObstacle").count())
                .isEqualTo(1);
    }

    @Test
    void aWithdrawnRequestAndOneStillAtIntakeDoNotCount() {
        String article = "art. 34";
        RequestRecord withdrawn = routed(ROTTERDAM, "rotterdam-zuid", "participatiewet", article, mail("rotterdam"));
        withdrawal.withdraw(withdrawn.reference(), ROTTERDAM, Map.of("reason", "Opgelost met de uitvoeringsorganisatie."));
        atIntake(TILBURG, input("tilburg-noordwest", "participatiewet", article, mail("tilburg")));
        RequestRecord schiedam = routed(SCHIEDAM, "schiedam-nieuwland", "participatiewet", article, mail("schiedam"));
        assertThat(signals.ofRequest(schiedam.id())).as("only one living, routed request on the rule").isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM signal WHERE national_rule_id = 'participatiewet' AND article_key = '34'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void twoIntakesOnOneRuleCompletingAtTheSameMomentStartOneSignalWithBoth() throws Exception {
        String article = "art. 33";
        RequestRecord rotterdam = atIntake(ROTTERDAM, input("rotterdam-zuid", "participatiewet", article, mail("rotterdam")));
        RequestRecord schiedam = atIntake(SCHIEDAM, input("schiedam-nieuwland", "participatiewet", article, mail("schiedam")));

        // the test holds the entry's row, so both intakes reach the detection and wait there together
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() ->
                new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                    jdbc.sql("SELECT id FROM national_rule WHERE id = 'participatiewet' FOR UPDATE")
                            .query(String.class).list();
                    held.countDown();
                    await(release);
                }));
        await(held);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> intake(rotterdam));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> intake(schiedam));
        waitForSessionsWaitingOnALock(3);
        release.countDown();
        holder.get(60, TimeUnit.SECONDS);
        first.get(60, TimeUnit.SECONDS);
        second.get(60, TimeUnit.SECONDS);

        Signal signal = signals.ofRequest(rotterdam.id()).orElseThrow();
        assertThat(signals.ofRequest(schiedam.id())).contains(signal);
        assertThat(signals.linkedRequestIds(signal.id())).containsExactlyInAnyOrder(rotterdam.id(), schiedam.id());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM signal WHERE national_rule_id = 'participatiewet' AND article_key = '33'")
                .query(Long.class).single()).isEqualTo(1);
        signalProcess(signal);
    }

    @AfterAll
    void everyFlowNodeOfTheSignalModelWasReached() {
        Map<String, Set<String>> missing = ProcessCoverage.missing(engine, signalInstances,
                List.of("recurring-obstacle-signal"), "recurring-obstacle-signal");
        assertThat(missing).allSatisfy((model, nodes) -> assertThat(nodes).as("not reached in %s", model).isEmpty());
    }

    // --- helpers

    /** The request submitted and through its intake (routed on its rule domain), where the detection runs. */
    private RequestRecord routed(DoorbraakUser user, String focusArea, String nationalRule, String article, String email) {
        return routed(user, input(focusArea, nationalRule, article, email));
    }

    private RequestRecord routed(DoorbraakUser user, Map<String, Object> input) {
        RequestRecord request = atIntake(user, input);
        intake(request);
        return request;
    }

    private RequestRecord atIntake(DoorbraakUser user, Map<String, Object> input) {
        return submission.submit(RequestKind.RULE_CHANGE, input, user, null).request();
    }

    private void intake(RequestRecord request) {
        ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(request.processInstanceId()).singleResult();
        driver.complete(pi, "Task_Intake", null, "programme-office",
                Map.of("intakeOutcome", "complete", "ruleDomains", List.of("income-support")));
    }

    private ProcessInstance signalProcess(Signal signal) {
        ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(signal.processInstanceId()).singleResult();
        assertThat(pi).as("process of %s", signal.reference()).isNotNull();
        assertThat(pi.getBusinessKey()).isEqualTo(signal.reference());
        signalInstances.add(pi.getId());
        return pi;
    }

    static Map<String, Object> input(String focusArea, String nationalRule, String article, String email) {
        Map<String, Object> input = new HashMap<>();
        input.put("focusArea", focusArea);
        input.put("title", "Kostendelersnorm voor thuiswonende jongvolwassenen");
        if (nationalRule != null) {
            input.put("nationalRule", nationalRule);
        }
        if (article != null) {
            input.put("article", article);
        }
        input.put("ruleDomains", List.of("income-support"));
        input.put("conflict", "Jongvolwassenen die thuis wonen verlagen de uitkering van hun ouders.");
        input.put("proposedSolution", "Tijdelijke vrijstelling in het focusgebied.");
        input.put("requestedInstrument", "temporary-exemption");
        input.put("residentsAffected", 400L);
        input.put("urgency", "normal");
        input.put("contactName", "J. de Vries");
        input.put("contactEmail", email);
        return input;
    }

    static String mail(String municipality) {
        return "signaal-" + UUID.randomUUID().toString().substring(0, 8) + "@" + municipality + ".example.nl";
    }

    private void waitForSessionsWaitingOnALock(int sessions) {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (jdbc.sql("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
                .query(Long.class).single() < sessions - 1) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("The two intakes never waited for the rule's row");
            }
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("waited in vain");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static DoorbraakUser municipality(String id, String code) {
        return new DoorbraakUser(id, id, Set.of("municipality-" + code));
    }
}
