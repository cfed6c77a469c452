package nl.doorbraak.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.doorbraak.platform.validation.InvalidInputException;
import nl.doorbraak.request.RequestKind;
import nl.doorbraak.request.RequestRecord;
import nl.doorbraak.request.RequestSubmission;
import nl.doorbraak.request.Requests;
import nl.doorbraak.security.DoorbraakUser;
import nl.doorbraak.support.Breakthroughs;
import nl.doorbraak.support.CaseSteps;
import nl.doorbraak.support.Jobs;
import nl.doorbraak.support.LetterTexts;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.ProcessDriver;
import nl.doorbraak.support.TestMailServer;
import nl.doorbraak.tasks.CaseContextVariables;

/**
 * Every path through join-request on PostgreSQL: Heerlen-Noord asks to join Rotterdam-Zuid's
 * granted experiment on the Participatiewet (made through the real rule-change process). The
 * programme office checks (with a question to the municipality, or finds the situation not
 * comparable), SZW confirms (after a reminder) or refuses, the director decides; withdrawal,
 * lapse and Tasklist's start form. After the class, the flow-node coverage must be 100%.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JoinProcessTests {

    private static final DoorbraakUser HEERLEN = new DoorbraakUser("heerlen", "heerlen", Set.of("municipality-0917"));

    @Autowired
    ProcessEngine engine;
    @Autowired
    RequestSubmission submission;
    @Autowired
    Requests requests;
    @Autowired
    JdbcClient jdbc;

    private final List<String> started = new ArrayList<>();
    private ProcessDriver driver;
    private String precedent;

    @BeforeAll
    void aGrantedExperimentInRotterdamZuid() {
        precedent = Breakthroughs.decided(engine, submission, "granted", "experiment");
    }

    @BeforeEach
    void initAssertions() {
        init(engine);
        driver = new ProcessDriver(engine);
    }

    @Test
    void heerlenNoordJoinsAfterAQuestionSzwConfirmsAfterAReminderAndTheDirectorGrants() {
        String email = CaseSteps.uniqueEmail("heerlen");
        ProcessInstance pi = submit(email);
        RequestRecord request = request(pi);
        assertThat(request.kind()).isEqualTo("join");
        assertThat(request.title()).isEqualTo("Aansluiten bij " + precedent + ": Kostendelersnorm voor jongvolwassenen");
        assertThat(jdbc.sql("SELECT r.national_rule_id, r.rule_article, p.reference FROM request r "
                + "JOIN request p ON p.id = r.precedent_request_id WHERE r.id = ?").param(request.id()).query().singleRow())
                .containsEntry("national_rule_id", "participatiewet").containsEntry("rule_article", "22a")
                .containsEntry("reference", precedent);
        assertThat(requests.ministriesOf(request.id())).as("the confirming ministry sees the case").containsExactly("szw");
        assertThat(requests.ruleDomainsOf(request.id())).containsExactly("income-support");

        assertThat(pi).isWaitingAt("Task_CheckJoin");
        assertThat(status(pi)).isEqualTo("intake");
        Task check = driver.task(pi, "Task_CheckJoin");
        assertThat(check.getName()).isEqualTo("Aansluiting toetsen verzoek " + pi.getBusinessKey());
        assertThat(driver.candidateGroups(check)).containsExactly("programme-office");
        assertThat(check.getDueDate()).isNotNull();
        Map<String, Object> context = CaseContextVariables.of(engine.getTaskService(), check.getId());
        assertThat(context.get("casePrecedent").toString()).contains(precedent, "Rotterdam", "Rotterdam-Zuid",
                "Toegekend", "Experiment op grond van een experimenteerbepaling", Breakthroughs.CONDITIONS,
                "De kostendelersnorm werkt hier averechts.");
        assertThat(context.get("caseRule")).isEqualTo("Participatiewet, artikel 22a");
        assertThat(context.get("caseMotivation")).isEqualTo("Ook in Heerlen-Noord verlaten jongvolwassenen het ouderlijk huis.");

        // a rejection without reasons, a question without a question: refused, the task stays open
        assertThatThrownBy(() -> complete(pi, "Task_CheckJoin", "programme-office", Map.of("joinCheckOutcome", "not-comparable")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Motiveer waarom de situatie niet vergelijkbaar is");
        assertThatThrownBy(() -> complete(pi, "Task_CheckJoin", "programme-office",
                Map.of("joinCheckOutcome", "information-needed")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Vraag aan de gemeente is verplicht.");

        OverdueSteps.remindAndEscalate(engine, pi, "CheckJoin", "Aansluiting toetsen", "programme-director", "programme-director");
        complete(pi, "Task_CheckJoin", "programme-office", Map.of("joinCheckOutcome", "information-needed",
                "informationQuestion", "Hoeveel huishoudens betreft het?"));
        Jobs.runDue(engine);
        assertThat(pi).isWaitingAt("Task_ProvideInformation");
        assertThat(status(pi)).isEqualTo("information-requested");
        assertThat(TestMailServer.receivedBy(email)).anySatisfy(mail -> assertThat(mail.body())
                .contains("Hoeveel huishoudens betreft het?"));
        complete(pi, "Task_ProvideInformation", "heerlen", Map.of("informationAnswer", "Ongeveer 120."));
        assertThat(pi).isWaitingAt("Task_CheckJoin");
        assertThat(CaseContextVariables.of(engine.getTaskService(), driver.task(pi, "Task_CheckJoin").getId())
                .get("caseHistory").toString()).contains("Hoeveel huishoudens betreft het?", "Ongeveer 120.");
        complete(pi, "Task_CheckJoin", "programme-office", Map.of("joinCheckOutcome", "comparable", "checkNote", ""));

        assertThat(pi).isWaitingAt("Task_ConfirmJoin");
        assertThat(status(pi)).isEqualTo("join-confirmation");
        Task confirm = driver.task(pi, "Task_ConfirmJoin");
        assertThat(confirm.getName()).isEqualTo("Aansluiting bevestigen verzoek " + pi.getBusinessKey() + " (SZW)");
        assertThat(driver.candidateGroups(confirm)).containsExactly("ministry-szw");
        assertThat(confirm.getDueDate()).isEqualTo(driver.variable(pi, "join-confirmationDue"));
        assertThat(CaseContextVariables.of(engine.getTaskService(), confirm.getId()).get("casePrecedent").toString())
                .contains(precedent);

        Jobs.fireTimer(engine, pi.getId(), "Event_ConfirmationReminder");
        Jobs.runDue(engine);
        assertThat(pi).isWaitingAt("Task_ConfirmJoin");
        assertThat(TestMailServer.receivedBy("reviewer-szw@example.org")).anySatisfy(mail -> {
            assertThat(mail.subject()).isEqualTo("Herinnering: aansluiting bevestigen " + pi.getBusinessKey() + " (SZW)");
            assertThat(mail.body()).contains("Aansluiting bevestigen");
        });

        assertThatThrownBy(() -> complete(pi, "Task_ConfirmJoin", "reviewer-szw", Map.of("confirmationOutcome", "refused")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Toelichting is verplicht als het ministerie de aansluiting weigert.");
        complete(pi, "Task_ConfirmJoin", "reviewer-szw", Map.of("confirmationOutcome", "confirmed",
                "confirmationNote", "Zelfde doelgroep, zelfde experimenteerbepaling."));

        assertThat(pi).isWaitingAt("Task_DecideJoin");
        assertThat(status(pi)).isEqualTo("decision");
        Task decide = driver.task(pi, "Task_DecideJoin");
        assertThat(driver.candidateGroups(decide)).containsExactly("programme-director");
        assertThat(decide.getName()).isEqualTo("Besluiten over aansluiting verzoek " + pi.getBusinessKey());
        assertThat(driver.variable(pi, "instrument")).as("the original's instrument, to keep or change").isEqualTo("experiment");
        assertThat(driver.variable(pi, "conditions")).isEqualTo(Breakthroughs.CONDITIONS);
        assertThat(CaseContextVariables.of(engine.getTaskService(), decide.getId()).get("caseConfirmation"))
                .isEqualTo("Bevestigd: de doorbraak kan ook hier gelden. Zelfde doelgroep, zelfde experimenteerbepaling.");

        // a partial grant, an instrument a join cannot grant, no evaluation date: refused all at once
        assertThatThrownBy(() -> complete(pi, "Task_DecideJoin", "programme-director", Map.of("decisionOutcome",
                "partly-granted", "rationale", "x")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("onbekende waarde 'partly-granted'");
        assertThatThrownBy(() -> complete(pi, "Task_DecideJoin", "programme-director", Map.of("decisionOutcome",
                "granted", "rationale", "x", "instrument", "law-change", "effectiveDate", "2027-03-01")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("onbekende waarde 'law-change'")
                .hasMessageContaining("Evaluatiedatum is verplicht.");

        OverdueSteps.remindAndEscalate(engine, pi, "DecideJoin", "Besluiten over aansluiting", "programme-office", "programme-office");
        complete(pi, "Task_DecideJoin", "programme-director", Map.of("decisionOutcome", "granted",
                "rationale", "Vergelijkbare situatie; SZW bevestigt.", "instrument", "experiment",
                "conditions", Breakthroughs.CONDITIONS, "effectiveDate", "2027-03-01", "evaluationDate", "2028-03-01"));
        Jobs.runDue(engine);
        assertThat(pi).isWaitingAt("Event_EvaluationDate");
        assertThat(status(pi)).isEqualTo("decided");

        // like the original breakthrough, the joined one is evaluated
        Jobs.fireTimer(engine, pi.getId(), "Event_EvaluationDate");
        assertThat(status(pi)).isEqualTo("evaluation");
        assertThat(driver.candidateGroups(driver.task(pi, "Task_DeliverEvaluation"))).containsExactly("municipality-0917");
        OverdueSteps.remindAndEscalate(engine, pi, "DeliverEvaluation", "Evaluatie aanleveren", "programme-office", "programme-office");
        complete(pi, "Task_DeliverEvaluation", "heerlen", Map.of("evaluationReport", "Ook hier bleven jongeren thuis wonen."));
        OverdueSteps.remindAndEscalate(engine, pi, "AssessEvaluation", "Evaluatie beoordelen", "programme-director", "programme-director");
        complete(pi, "Task_AssessEvaluation", "programme-office", Map.of("evaluationConclusion", "make-structural"));

        assertThat(pi).isEnded().hasPassedInOrder("StartEvent_SubmittedViaApi", "Task_CheckJoin",
                "Task_RecordInformationRequest", "Task_SendInformationRequest", "Task_ProvideInformation",
                "Task_RecordInformationAnswer", "Task_CheckJoin", "Task_ScheduleConfirmation", "Task_ConfirmJoin",
                "Task_RecordConfirmation", "Task_DetermineDecisionAuthority", "Task_DecideJoin", "EndEvent_HandlingDone",
                "Task_RecordDecision", "Task_SendDecision", "Gateway_JoinGranted", "Event_EvaluationDate",
                "Task_DeliverEvaluation", "Task_RecordEvaluation", "Task_AssessEvaluation",
                "Task_RecordEvaluationAssessment", "EndEvent_Evaluated").hasNotPassed("EndEvent_Decided");
        assertThat(pi).hasPassed("Event_ConfirmationReminder", "Task_RemindConfirmingMinistry",
                "Task_SendConfirmationReminder", "EndEvent_Reminded");
        assertThat(status(pi)).isEqualTo("evaluated");
        assertThat(requests.get(request.id()).closedAt()).isNotNull();
        assertThat(jdbc.sql("SELECT outcome, instrument, conditions, decided_by, evaluation_date, evaluation_conclusion FROM decision WHERE request_id = ?")
                .param(request.id()).query().singleRow())
                .containsEntry("outcome", "granted").containsEntry("instrument", "experiment")
                .containsEntry("conditions", Breakthroughs.CONDITIONS).containsEntry("decided_by", "programme-director")
                .containsEntry("evaluation_date", java.sql.Date.valueOf("2028-03-01"))
                .containsEntry("evaluation_conclusion", "make-structural");
        assertThat(TestMailServer.receivedBy(email)).anySatisfy(mail -> {
            assertThat(mail.subject()).isEqualTo("Besluit op uw verzoek " + pi.getBusinessKey());
            assertThat(mail.body()).contains("Wij hebben besloten over uw verzoek " + pi.getBusinessKey());
        });
        assertThat(LetterTexts.latest(jdbc, pi.getBusinessKey())).contains("Wij hebben besloten uw verzoek toe te kennen.",
                "U vroeg aan te sluiten bij het besluit op verzoek " + precedent + " (Rotterdam-Zuid)",
                "experiment op grond van een experimenteerbepaling, Participatiewet, artikel 22a",
                "Voorwaarden " + LetterTexts.flat(Breakthroughs.CONDITIONS),
                "Op 1 maart 2028 vragen wij u de resultaten te evalueren");
        assertThat(auditActions(pi)).contains("join-confirmation-recorded", "decision-taken");
    }

    @Test
    void notComparableIsARejectionWithTheProgrammeOfficesReasons() {
        String email = CaseSteps.uniqueEmail("heerlen");
        ProcessInstance pi = submit(email);
        complete(pi, "Task_CheckJoin", "programme-office", Map.of("joinCheckOutcome", "not-comparable",
                "checkNote", "In Heerlen-Noord wonen vooral ouderen; de doelgroep ontbreekt."));
        Jobs.runDue(engine);
        assertThat(pi).isEnded().hasPassedInOrder("Task_CheckJoin", "Task_RejectNotComparable", "EndEvent_HandlingDone",
                "Task_RecordDecision", "Task_SendDecision", "EndEvent_Decided").hasNotPassed("Task_ConfirmJoin");
        Map<String, Object> decision = decision(pi);
        assertThat(decision).containsEntry("outcome", "rejected").containsEntry("decided_by", "programme-office");
        assertThat(decision.get("instrument")).isNull();
        assertThat((String) decision.get("rationale")).contains("niet vergelijkbaar met die van " + precedent,
                "de doelgroep ontbreekt");
        assertThat(TestMailServer.receivedBy(email)).anySatisfy(mail -> assertThat(mail.body())
                .contains("Wij hebben besloten over uw verzoek " + pi.getBusinessKey()));
        assertThat(LetterTexts.latest(jdbc, pi.getBusinessKey())).contains("Wij hebben besloten uw verzoek af te wijzen.",
                "de doelgroep ontbreekt", "U vroeg aan te sluiten bij het besluit op verzoek " + precedent);
    }

    @Test
    void aRefusalByTheMinistryIsARejectionWithItsReasonsWithoutTheDirector() {
        ProcessInstance pi = submit(CaseSteps.uniqueEmail("heerlen"));
        complete(pi, "Task_CheckJoin", "programme-office", Map.of("joinCheckOutcome", "comparable"));
        complete(pi, "Task_ConfirmJoin", "reviewer-szw", Map.of("confirmationOutcome", "refused",
                "confirmationNote", "Het experiment loopt nog; eerst de evaluatie."));
        Jobs.runDue(engine);
        assertThat(pi).isEnded().hasPassedInOrder("Task_ConfirmJoin", "Task_RecordConfirmation", "Task_RejectRefused",
                "EndEvent_HandlingDone", "Task_RecordDecision", "EndEvent_Decided").hasNotPassed("Task_DecideJoin");
        Map<String, Object> decision = decision(pi);
        assertThat(decision).containsEntry("outcome", "rejected").containsEntry("decided_by", "reviewer-szw");
        assertThat((String) decision.get("rationale")).contains("Het Ministerie van Sociale Zaken en Werkgelegenheid bevestigt niet",
                "eerst de evaluatie");
    }

    @Test
    void theDirectorMayRejectAConfirmedJoin() {
        ProcessInstance pi = submit(CaseSteps.uniqueEmail("heerlen"));
        complete(pi, "Task_CheckJoin", "programme-office", Map.of("joinCheckOutcome", "comparable"));
        complete(pi, "Task_ConfirmJoin", "reviewer-szw", Map.of("confirmationOutcome", "confirmed"));
        complete(pi, "Task_DecideJoin", "programme-director", Map.of("decisionOutcome", "rejected",
                "rationale", "Het budget voor begeleiding ontbreekt."));
        Jobs.runDue(engine);
        assertThat(pi).isEnded().hasPassed("Task_DecideJoin", "EndEvent_Decided");
        assertThat(decision(pi)).containsEntry("outcome", "rejected").containsEntry("instrument", null)
                .containsEntry("conditions", null);
    }

    @Test
    void withdrawalWhileTheMinistryConfirmsEndsTheCaseWithoutADecision() {
        ProcessInstance pi = submit(CaseSteps.uniqueEmail("heerlen"));
        complete(pi, "Task_CheckJoin", "programme-office", Map.of("joinCheckOutcome", "comparable"));
        engine.getRuntimeService().createMessageCorrelation("RequestWithdrawn").processInstanceId(pi.getId())
                .setVariable("withdrawalReason", "Toch niet nodig.").correlate();
        Jobs.runDue(engine);
        assertThat(pi).isEnded().hasPassedInOrder("Event_Withdrawn", "Task_RecordWithdrawal",
                "Task_SendWithdrawalConfirmation", "EndEvent_Withdrawn").hasNotPassed("Task_RecordDecision");
        assertThat(status(pi)).isEqualTo("withdrawn");
    }

    @Test
    void anUnansweredQuestionLapsesTheRequest() {
        ProcessInstance pi = submit(CaseSteps.uniqueEmail("heerlen"));
        complete(pi, "Task_CheckJoin", "programme-office", Map.of("joinCheckOutcome", "information-needed",
                "informationQuestion", "Welke wijken?"));
        Jobs.runDue(engine);
        Jobs.fireTimer(engine, pi.getId(), "Event_InformationOverdue");
        Jobs.runDue(engine);
        assertThat(pi).isEnded().hasPassedInOrder("Event_InformationOverdue", "EndEvent_InformationLapsed",
                "Event_Lapsed", "Task_RecordLapse", "Task_SendLapseNotice", "EndEvent_Lapsed");
        assertThat(status(pi)).isEqualTo("lapsed");
    }

    @Test
    void startedFromTasklistsStartFormTheJoinIsRegisteredWithTheSameRules() {
        String definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("join-request").latestVersion().singleResult().getId();
        Map<String, Object> form = new HashMap<>(input(CaseSteps.uniqueEmail("heerlen")));
        Map<String, Object> unknown = new HashMap<>(form);
        unknown.put("precedent", "NPLV-1999-99999");
        ProcessInstance pi;
        engine.getIdentityService().setAuthentication("heerlen", List.of("municipality-0917"));
        try {
            // the same rules as the API: the precedent must be another focus area's granted experiment or exemption
            assertThatThrownBy(() -> engine.getFormService().submitStartForm(definition, Variables.fromMap(unknown)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("Er is geen toegekend verzoek met kenmerk");
            pi = engine.getFormService().submitStartForm(definition, Variables.fromMap(form));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        started.add(pi.getId());
        assertThat(pi).hasPassedInOrder("StartEvent_SubmittedViaTasklist", "Task_RegisterRequest")
                .isWaitingAt("Task_CheckJoin");
        RequestRecord request = requests.findByReference(pi.getBusinessKey()).orElseThrow();
        assertThat(request.kind()).isEqualTo("join");
        assertThat(request.municipalityCode()).isEqualTo("0917");
        assertThat(driver.variable(pi, "motivation")).as("the content left the process variables").isNull();
        assertThat(driver.variable(pi, "confirmingMinistry")).isEqualTo("szw");
        assertThat(driver.variable(pi, "precedentReference")).isEqualTo(precedent);
    }

    @Test
    void aJoinedExperimentEndsLikeTheOriginal() {
        // continued once, reminded, then the (moved) end date is reached: the clock moved through years
        String email = CaseSteps.uniqueEmail("heerlen");
        ProcessInstance pi = grantedJoin(email, "2028-03-01");
        assertThat(jdbc.sql("SELECT end_date FROM decision WHERE request_id = ?").param(request(pi).id())
                .query(java.sql.Date.class).single()).isEqualTo(java.sql.Date.valueOf("2028-09-01"));
        try {
            moveClockTo(pi, "2027-09-02T10:00");
            complete(pi, "Task_DeliverEvaluation", "heerlen", Map.of("evaluationReport", "Werkt ook hier."));
            complete(pi, "Task_AssessEvaluation", "programme-office", Map.of("evaluationConclusion", "continue",
                    "nextEvaluationDate", "2029-03-01"));
            assertThat(pi).isWaitingAt("Event_EvaluationDate");
            assertThat(jdbc.sql("SELECT end_date FROM decision WHERE request_id = ?").param(request(pi).id())
                    .query(java.sql.Date.class).single()).isEqualTo(java.sql.Date.valueOf("2031-09-01")); // + P3Y
            moveClockTo(pi, "2029-03-02T10:00");
            assertThat(pi).isWaitingAt("Task_DeliverEvaluation");
            moveClockTo(pi, "2031-06-01T10:00");
            assertThat(TestMailServer.receivedBy(email)).anySatisfy(mail ->
                    assertThat(mail.subject()).startsWith("Einde nadert: experiment bij verzoek"));
            moveClockTo(pi, "2031-09-01T10:00");
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
        assertThat(pi).isEnded().hasPassed("Task_ExtendTerm", "Task_RemindEnd", "Task_SendEndReminder",
                "EndEvent_EndReminded", "Task_RecordEnd", "Task_SendEndNotice", "EndEvent_Ended");
        assertThat(status(pi)).isEqualTo("ended");
        assertThat(auditActions(pi)).containsSubsequence("exemption-extended", "exemption-end-reminded", "exemption-ended");

        // an evaluation that stops the joined experiment ends it at once
        ProcessInstance stopped = grantedJoin(CaseSteps.uniqueEmail("heerlen"), null);
        Jobs.fireTimer(engine, stopped.getId(), "Event_EvaluationDate");
        complete(stopped, "Task_DeliverEvaluation", "heerlen", Map.of("evaluationReport", "Werkt hier niet."));
        complete(stopped, "Task_AssessEvaluation", "programme-office", Map.of("evaluationConclusion", "stop"));
        Jobs.runDue(engine, stopped.getId());
        assertThat(stopped).isEnded().hasPassed("Task_RecordStop", "Task_SendStopNotice", "EndEvent_Stopped");
        assertThat(status(stopped)).isEqualTo("ended");
    }

    private ProcessInstance grantedJoin(String email, String endDate) {
        ProcessInstance pi = submit(email);
        complete(pi, "Task_CheckJoin", "programme-office", Map.of("joinCheckOutcome", "comparable"));
        complete(pi, "Task_ConfirmJoin", "reviewer-szw", Map.of("confirmationOutcome", "confirmed"));
        Map<String, Object> values = new HashMap<>(Map.of("decisionOutcome", "granted", "rationale", "Vergelijkbaar.",
                "instrument", "experiment", "effectiveDate", "2027-03-01", "evaluationDate", "2027-09-01"));
        if (endDate != null) {
            values.put("endDate", "2026-01-01");
            assertThatThrownBy(() -> complete(pi, "Task_DecideJoin", "programme-director", values))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("Einddatum moet na de ingangsdatum liggen.");
            values.put("endDate", "2028-09-01");
        }
        complete(pi, "Task_DecideJoin", "programme-director", values);
        Jobs.runDue(engine, pi.getId());
        assertThat(pi).isWaitingAt("Event_EvaluationDate");
        return pi;
    }

    private void moveClockTo(ProcessInstance pi, String dutchDateTime) {
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(java.time.LocalDateTime
                .parse(dutchDateTime).atZone(java.time.ZoneId.of("Europe/Amsterdam")).toInstant()));
        Jobs.runDue(engine, pi.getId());
    }

    @AfterAll
    void everyFlowNodeWasReached() {
        Map<String, Set<String>> missing = ProcessCoverage.missing(engine, started, List.of("join-request"),
                "join-request");
        assertThat(missing).allSatisfy((model, nodes) -> assertThat(nodes).as("not reached in %s", model).isEmpty());
    }

    // --- driving the process as its users do

    private Map<String, Object> input(String email) {
        Map<String, Object> input = new HashMap<>();
        input.put("focusArea", "heerlen-noord");
        input.put("precedent", precedent);
        input.put("motivation", "Ook in Heerlen-Noord verlaten jongvolwassenen het ouderlijk huis.");
        input.put("urgency", "normal");
        input.put("contactName", "M. Janssen");
        input.put("contactEmail", email);
        return input;
    }

    private ProcessInstance submit(String email) {
        RequestRecord request = submission.submit(RequestKind.JOIN, input(email), HEERLEN, null).request();
        ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(request.processInstanceId()).singleResult();
        started.add(pi.getId());
        return pi;
    }

    private void complete(ProcessInstance pi, String taskKey, String user, Map<String, Object> values) {
        driver.complete(pi, taskKey, null, user, values);
    }

    private RequestRecord request(ProcessInstance pi) {
        return requests.findByReference(pi.getBusinessKey()).orElseThrow();
    }

    private String status(ProcessInstance pi) {
        return request(pi).status();
    }

    private Map<String, Object> decision(ProcessInstance pi) {
        return jdbc.sql("SELECT outcome, instrument, conditions, rationale, decided_by FROM decision WHERE request_id = ?")
                .param(request(pi).id()).query().singleRow();
    }

    private List<String> auditActions(ProcessInstance pi) {
        return jdbc.sql("SELECT action FROM audit_event WHERE chain = ? ORDER BY sequence").param(pi.getBusinessKey())
                .query(String.class).list();
    }
}
