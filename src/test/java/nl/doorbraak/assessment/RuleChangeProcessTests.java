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
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.doorbraak.tasks.CaseContextVariables;
import nl.doorbraak.platform.validation.InvalidInputException;
import nl.doorbraak.request.RequestKind;
import nl.doorbraak.request.RequestRecord;
import nl.doorbraak.request.RequestSubmission;
import nl.doorbraak.request.Requests;
import nl.doorbraak.security.DoorbraakUser;
import nl.doorbraak.support.Jobs;
import nl.doorbraak.support.LetterTexts;
import nl.doorbraak.support.ProcessDriver;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TestMailServer;

/**
 * Every path through rule-change-request and ministry-assessment, driven through the real
 * application on PostgreSQL: submission through the application's service (or Tasklist's start
 * form), tasks completed as Tasklist completes them (authenticated, with form variables, so the
 * server-side validation runs), asynchronous steps and timers run by the test. After the class,
 * the flow-node coverage of both models must be 100%.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuleChangeProcessTests {

    private static final DoorbraakUser ROTTERDAM = municipality("rotterdam", "0599");
    private static final DoorbraakUser AMSTERDAM = municipality("amsterdam", "0363");

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

    @BeforeEach
    void initAssertions() {
        init(engine);
        driver = new ProcessDriver(engine);
    }

    @Test
    void happyPathIncomeSupportToSzwGrantedExperimentThenEvaluation() {
        ProcessInstance pi = submit(ROTTERDAM, "rotterdam-zuid", List.of("income-support"), "experiment",
                "happy@rotterdam.example");
        assertThat(pi).isWaitingAt("Task_Intake");
        assertThat(status(pi)).isEqualTo("intake");
        Task intake = task(pi, "Task_Intake");
        assertThat(intake.getName()).isEqualTo("Intake verzoek " + pi.getBusinessKey());
        assertThat(intake.getDueDate()).isNotNull();
        assertThat(engine.getTaskService().getVariableLocal(intake.getId(), "caseTitle"))
                .isEqualTo("Kostendelersnorm voor jongvolwassenen");
        OverdueSteps.remindAndEscalate(engine, pi, "Intake", "Intake", "programme-director", "programme-director");

        complete(pi, "Task_Intake", "programme-office", Map.of("intakeOutcome", "complete",
                "ruleDomains", List.of("income-support")));
        assertThat(pi).isWaitingAt("CallActivity_MinistryAssessment");
        assertThat(status(pi)).isEqualTo("assessment");
        assertThat(requests.ministriesOf(requestId(pi))).containsExactly("szw");
        Task assess = task(pi, "Task_Assess");
        assertThat(assess.getName()).isEqualTo("Beoordelen verzoek " + pi.getBusinessKey() + " (SZW)");
        assertThat(candidateGroups(assess)).containsExactly("ministry-szw");

        advise(pi, "szw", "support", null);
        assertThat(pi).isWaitingAt("Task_Decide");
        assertThat(variable(pi, "consolidatedAdvice")).isEqualTo("unanimous-support");
        assertThat(candidateGroups(task(pi, "Task_Decide"))).containsExactly("programme-director");
        OverdueSteps.remindAndEscalate(engine, pi, "Decide", "Besluiten", "programme-office", "programme-office");

        decide(pi, "granted", "experiment", "2027-01-01", "2028-01-01");
        Jobs.runDue(engine);
        assertThat(pi).isWaitingAt("Event_EvaluationDate");
        assertThat(status(pi)).isEqualTo("decided");
        assertThat(TestMailServer.receivedBy("happy@rotterdam.example")).anySatisfy(mail -> {
            assertThat(mail.subject()).isEqualTo("Besluit op uw verzoek " + pi.getBusinessKey());
            assertThat(mail.body()).contains("Wij hebben besloten over uw verzoek " + pi.getBusinessKey());
        });
        assertThat(LetterTexts.latest(jdbc, pi.getBusinessKey())).contains("Wij hebben besloten uw verzoek toe te kennen.",
                "Experiment op grond van een experimenteerbepaling", "1 januari 2028", "Waarom wij zo hebben besloten");

        Jobs.fireTimer(engine, pi.getId(), "Event_EvaluationDate");
        assertThat(pi).isWaitingAt("Task_DeliverEvaluation");
        assertThat(status(pi)).isEqualTo("evaluation");
        assertThat(candidateGroups(task(pi, "Task_DeliverEvaluation"))).containsExactly("municipality-0599");
        OverdueSteps.remindAndEscalate(engine, pi, "DeliverEvaluation", "Evaluatie aanleveren", "programme-office",
                "programme-office");
        complete(pi, "Task_DeliverEvaluation", "rotterdam", Map.of("evaluationReport", "Schulden daalden met 30%."));
        OverdueSteps.remindAndEscalate(engine, pi, "AssessEvaluation", "Evaluatie beoordelen", "programme-director",
                "programme-director");
        complete(pi, "Task_AssessEvaluation", "programme-office", Map.of("evaluationConclusion", "make-structural"));

        assertThat(pi).isEnded().hasPassedInOrder("StartEvent_SubmittedViaApi", "Task_Intake",
                "Task_DetermineMinistries", "Task_ConfirmRouting", "CallActivity_MinistryAssessment",
                "Task_CollectAdvice", "Task_ConsolidateAdvice", "Task_DetermineDecisionAuthority", "Task_Decide",
                "Task_RecordDecision", "Task_SendDecision", "Event_EvaluationDate", "Task_DeliverEvaluation",
                "Task_RecordEvaluation", "Task_AssessEvaluation", "Task_RecordEvaluationAssessment",
                "EndEvent_Evaluated");
        assertThat(status(pi)).isEqualTo("evaluated");
        assertThat(jdbc.sql("SELECT evaluation_conclusion FROM decision WHERE request_id = ?")
                .param(requestId(pi)).query(String.class).single()).isEqualTo("make-structural");
    }

    @Test
    void threeMinistriesInParallelWithOneRejectionGoToCoordinationThenDecision() {
        ProcessInstance pi = submit(AMSTERDAM, "amsterdam-zuidoost", List.of("data-sharing", "youth-care", "education"),
                "law-change", "zuidoost@amsterdam.example");
        complete(pi, "Task_Intake", "programme-office", Map.of("intakeOutcome", "complete",
                "ruleDomains", List.of("data-sharing", "youth-care", "education")));
        assertThat(requests.ministriesOf(requestId(pi))).containsExactly("jenv", "ocw", "vws");
        assertThat(openTasks(pi, "Task_Assess")).hasSize(3);

        // OCW runs late: its lead gets an escalation, which ends when OCW advises
        Jobs.fireTimer(engine, calledInstance(pi, "ocw"), "Event_AssessmentOverdue");
        assertThat(openTasks(pi, "Task_Escalate")).hasSize(1);

        advise(pi, "jenv", "support", null);
        advise(pi, "vws", "reject", null);
        assertThat(pi).isWaitingAt("CallActivity_MinistryAssessment");
        advise(pi, "ocw", "support-with-conditions", "Alleen met een privacytoets vooraf.");
        assertThat(openTasks(pi, "Task_Escalate")).isEmpty();

        assertThat(pi).isWaitingAt("Task_Coordinate");
        assertThat(status(pi)).isEqualTo("coordination");
        assertThat(variable(pi, "consolidation")).asString().contains("diverging");
        assertThat(CaseContextVariables.of(engine.getTaskService(), task(pi, "Task_Coordinate").getId()).get("caseHistory"))
                .asString().contains("Advies VWS", "Afwijzen", "Advies OCW", "privacytoets");
        OverdueSteps.remindAndEscalate(engine, pi, "Coordinate", "Coördineren", "programme-director", "programme-director");
        complete(pi, "Task_Coordinate", "programme-office",
                Map.of("coordinationSummary", "VWS en JenV kunnen niet instemmen zonder wetswijziging."));
        assertThat(pi).isWaitingAt("Task_Decide");
        assertThat(CaseContextVariables.of(engine.getTaskService(), task(pi, "Task_Decide").getId()).get("caseHistory"))
                .asString().contains("Uitkomst interdepartementaal overleg: VWS en JenV kunnen niet instemmen");
        decide(pi, "rejected", null, null, null);
        Jobs.runDue(engine);

        assertThat(pi).isEnded().hasPassed("Task_Coordinate", "EndEvent_Decided").hasNotPassed("Event_EvaluationDate");
        RequestRecord request = requests.get(requestId(pi));
        assertThat(request.status()).isEqualTo("decided");
        assertThat(request.closedAt()).isNotNull();
        assertThat(jdbc.sql("SELECT count(*) FROM advice WHERE request_id = ?").param(request.id())
                .query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void anAnsweredInformationRequestReturnsTheRequestToIntake() {
        ProcessInstance pi = submit(ROTTERDAM, "rotterdam-zuid", List.of("income-support"), "experiment",
                "vraag@rotterdam.example");
        complete(pi, "Task_Intake", "programme-office", Map.of("intakeOutcome", "information-needed",
                "informationQuestion", "Hoeveel huishoudens zijn betrokken?", "ruleDomains", List.of("income-support")));
        Jobs.runDue(engine);
        assertThat(pi).isWaitingAt("Task_ProvideInformation");
        assertThat(status(pi)).isEqualTo("information-requested");
        Task question = task(pi, "Task_ProvideInformation");
        assertThat(candidateGroups(question)).containsExactly("municipality-0599");
        assertThat(question.getDueDate()).isNotNull();
        assertThat(TestMailServer.receivedBy("vraag@rotterdam.example")).anySatisfy(mail -> {
            assertThat(mail.subject()).isEqualTo("Vraag over uw verzoek " + pi.getBusinessKey());
            assertThat(mail.body()).contains("Hoeveel huishoudens zijn betrokken?", "het programmabureau");
        });

        complete(pi, "Task_ProvideInformation", "rotterdam", Map.of("informationAnswer", "Ongeveer 1.200."));
        assertThat(pi).isWaitingAt("Task_Intake").hasPassedInOrder("Task_RecordInformationRequest",
                "Task_SendInformationRequest", "Task_ProvideInformation", "Task_RecordInformationAnswer");
        assertThat(status(pi)).isEqualTo("intake");
        assertThat(jdbc.sql("SELECT answer FROM information_request WHERE request_id = ?").param(requestId(pi))
                .query(String.class).single()).isEqualTo("Ongeveer 1.200.");
        assertThat(CaseContextVariables.of(engine.getTaskService(), task(pi, "Task_Intake").getId()).get("caseHistory"))
                .asString().contains("Hoeveel huishoudens zijn betrokken?", "Antwoord", "Ongeveer 1.200.");
    }

    @Test
    void anUnansweredInformationRequestLapsesTheRequest() {
        ProcessInstance pi = submit(ROTTERDAM, "rotterdam-zuid", List.of("income-support"), "experiment",
                "stil@rotterdam.example");
        complete(pi, "Task_Intake", "programme-office", Map.of("intakeOutcome", "information-needed",
                "informationQuestion", "Welke scholen doen mee?", "ruleDomains", List.of("income-support")));
        Jobs.runDue(engine);
        Jobs.fireTimer(engine, pi.getId(), "Event_InformationOverdue");

        assertThat(pi).isEnded().hasPassedInOrder("Event_InformationOverdue", "EndEvent_InformationLapsed",
                "Event_Lapsed", "Task_RecordLapse", "Task_SendLapseNotice", "EndEvent_Lapsed");
        assertThat(status(pi)).isEqualTo("lapsed");
        assertThat(requests.get(requestId(pi)).closedAt()).isNotNull();
        assertThat(TestMailServer.receivedBy("stil@rotterdam.example"))
                .anySatisfy(mail -> assertThat(mail.subject())
                        .isEqualTo("Verzoek " + pi.getBusinessKey() + " buiten behandeling gesteld"));
        assertThat(LetterTexts.latest(jdbc, pi.getBusinessKey())).contains(
                "Wij hebben besloten uw verzoek buiten behandeling te stellen.", "artikel 4:5",
                "Welke scholen doen mee?", "Bent u het niet eens met dit besluit?", "binnen zes weken");
    }

    @Test
    void withdrawalDuringAssessmentEndsEverythingAndConfirmsIt() {
        ProcessInstance pi = submit(ROTTERDAM, "rotterdam-zuid", List.of("income-support", "youth-care"),
                "temporary-exemption", "intrekken@rotterdam.example");
        complete(pi, "Task_Intake", "programme-office", Map.of("intakeOutcome", "complete",
                "ruleDomains", List.of("income-support", "youth-care")));
        assertThat(openTasks(pi, "Task_Assess")).hasSize(2);

        engine.getRuntimeService().createMessageCorrelation("RequestWithdrawn").processInstanceId(pi.getId())
                .setVariable("withdrawalReason", "Opgelost met lokaal maatwerk.").correlate();
        Jobs.runDue(engine);

        assertThat(pi).isEnded().hasPassedInOrder("Event_Withdrawn", "Task_RecordWithdrawal",
                "Task_SendWithdrawalConfirmation", "EndEvent_Withdrawn").hasNotPassed("Task_Decide");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey()).count())
                .isZero();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId()).count())
                .isZero();
        assertThat(status(pi)).isEqualTo("withdrawn");
        assertThat(TestMailServer.receivedBy("intrekken@rotterdam.example")).anySatisfy(mail -> {
            assertThat(mail.subject()).isEqualTo("Verzoek " + pi.getBusinessKey() + " ingetrokken");
            assertThat(mail.body()).contains("Opgelost met lokaal maatwerk.");
        });
    }

    @Test
    void anOverdueAssessmentRemindsTheReviewersThenEscalatesToTheLead() {
        ProcessInstance pi = submit(ROTTERDAM, "rotterdam-zuid", List.of("debt-assistance"), "policy-change",
                "laat@rotterdam.example");
        complete(pi, "Task_Intake", "programme-office", Map.of("intakeOutcome", "complete",
                "ruleDomains", List.of("debt-assistance")));
        String szw = calledInstance(pi, "szw");

        Jobs.fireTimer(engine, szw, "Event_ReminderDue");
        assertThat(TestMailServer.receivedBy("reviewer-szw@example.org")).anySatisfy(mail ->
                assertThat(mail.subject()).isEqualTo("Herinnering: beoordeling verzoek " + pi.getBusinessKey() + " (SZW)"));
        Jobs.fireTimer(engine, szw, "Event_AssessmentOverdue");
        Task escalation = task(pi, "Task_Escalate");
        assertThat(escalation.getName()).isEqualTo("Escaleren verzoek " + pi.getBusinessKey() + " (SZW)");
        assertThat(candidateGroups(escalation)).containsExactly("ministry-szw-lead");
        assertThat(openTasks(pi, "Task_Assess")).hasSize(1); // the reviewer can still advise

        complete(pi, "Task_Escalate", "lead-szw", Map.of("escalationNote", "Beoordelaar vrijgemaakt voor deze week."));
        advise(pi, "szw", "support", null);
        assertThat(pi).isWaitingAt("Task_Decide");
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(szw)
                .singleResult().getState()).isEqualTo("COMPLETED");
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(szw)
                .activityId("EndEvent_Escalated").count()).isEqualTo(1);
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(szw)
                .activityId("EndEvent_Reminded").count()).isEqualTo(1);
    }

    @Test
    void aMinistryAsksTheMunicipalityOnceWithAnswerAndOnceWithout() {
        ProcessInstance pi = submit(ROTTERDAM, "rotterdam-zuid", List.of("childcare"), "clarification",
                "ministerie@rotterdam.example");
        // the programme office corrects the classification; routing and the case file follow it
        complete(pi, "Task_Intake", "programme-office", Map.of("intakeOutcome", "complete",
                "ruleDomains", List.of("childcare", "work-and-reintegration")));
        assertThat(requests.ruleDomainsOf(requestId(pi))).containsExactly("childcare", "work-and-reintegration");
        assertThat(requests.ministriesOf(requestId(pi))).containsExactly("szw");
        String szw = calledInstance(pi, "szw");

        complete(pi, "Task_Assess", "reviewer-szw", Map.of("assessmentOutcome", "information-needed",
                "informationQuestion", "Welke kinderopvanglocaties?"));
        Jobs.runDue(engine);
        assertThat(TestMailServer.receivedBy("ministerie@rotterdam.example")).anySatisfy(mail ->
                assertThat(mail.body()).contains("Ministerie van Sociale Zaken en Werkgelegenheid",
                        "Welke kinderopvanglocaties?"));
        assertThat(status(pi)).isEqualTo("information-requested");
        complete(pi, "Task_ProvideInformation", "rotterdam", Map.of("informationAnswer", "Drie locaties in Feijenoord."));
        assertThat(openTasks(pi, "Task_Assess")).hasSize(1);
        assertThat(status(pi)).isEqualTo("assessment");

        complete(pi, "Task_Assess", "reviewer-szw", Map.of("assessmentOutcome", "information-needed",
                "informationQuestion", "En de wachtlijsten?"));
        Jobs.runDue(engine);
        Jobs.fireTimer(engine, szw, "Event_InformationOverdue");
        assertThat(openTasks(pi, "Task_Assess")).hasSize(1);
        assertThat(status(pi)).isEqualTo("assessment");

        advise(pi, "szw", "support", null);
        assertThat(pi).isWaitingAt("Task_Decide");
        assertThat(jdbc.sql("SELECT count(*) FROM information_request WHERE request_id = ? AND lapsed_at IS NOT NULL")
                .param(requestId(pi)).query(Long.class).single()).isEqualTo(1);
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(szw)
                .activityId("Task_RecordNoAnswer").count()).isEqualTo(1);
    }

    @Test
    void startedFromTasklistsStartFormTheCaseFileIsTheSameAsThroughTheApi() {
        Map<String, Object> form = new HashMap<>(input("rotterdam-zuid", List.of("income-support", "debt-assistance"),
                "temporary-exemption", "tasklist@rotterdam.example"));
        // Tasklist submits a checklist as a JSON variable and a number field as an Integer
        form.put("ruleDomains", SpinValues.jsonValue("[\"income-support\",\"debt-assistance\"]").create());
        form.put("residentsAffected", 1200);
        String definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("rule-change-request").latestVersion().singleResult().getId();

        engine.getIdentityService().setAuthentication("rotterdam", List.of("municipality-0599"));
        ProcessInstance pi;
        try {
            pi = engine.getFormService().submitStartForm(definition, Variables.fromMap(form));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        started.add(pi.getId());
        ProcessInstance viaApi = submit(ROTTERDAM, "rotterdam-zuid", List.of("income-support", "debt-assistance"),
                "temporary-exemption", "tasklist@rotterdam.example");

        assertThat(pi).isWaitingAt("Task_Intake").hasPassed("StartEvent_SubmittedViaTasklist", "Task_RegisterRequest");
        ProcessInstance fromTasklist = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(pi.getId()).singleResult();
        assertThat(fromTasklist.getBusinessKey()).startsWith("NPLV-");
        RequestRecord tasklistCase = requests.findByReference(fromTasklist.getBusinessKey()).orElseThrow();
        RequestRecord apiCase = requests.findByReference(viaApi.getBusinessKey()).orElseThrow();
        assertThat(tasklistCase.payload()).isEqualTo(apiCase.payload());
        assertThat(tasklistCase.submittedBy()).isEqualTo("rotterdam");
        assertThat(tasklistCase.processInstanceId()).isEqualTo(pi.getId());
        assertThat(requests.ruleDomainsOf(tasklistCase.id())).isEqualTo(requests.ruleDomainsOf(apiCase.id()));
        Map<String, Object> variables = engine.getRuntimeService().getVariables(pi.getId());
        Map<String, Object> apiVariables = engine.getRuntimeService().getVariables(viaApi.getId());
        assertThat(variables.keySet()).isEqualTo(apiVariables.keySet()).doesNotContain("title", "conflict", "contactEmail");
    }

    @Test
    void anInvalidStartFormIsRefusedWithADutchMessageAndLeavesNothingBehind() {
        long before = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("rule-change-request")
                .count();
        long rows = jdbc.sql("SELECT count(*) FROM request").query(Long.class).single();
        Map<String, Object> form = new HashMap<>(input("amsterdam-zuidoost", List.of("income-support"), "experiment",
                "geen-email"));
        form.put("ruleDomains", SpinValues.jsonValue("[\"income-support\"]").create());
        String definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("rule-change-request").latestVersion().singleResult().getId();

        engine.getIdentityService().setAuthentication("rotterdam", List.of("municipality-0599"));
        try {
            assertThatThrownBy(() -> engine.getFormService().submitStartForm(definition, Variables.fromMap(form)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("E-mailadres contactpersoon is geen geldig e-mailadres")
                    .hasMessageContaining("Focusgebied 'amsterdam-zuidoost' ligt niet in uw gemeente");
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("rule-change-request")
                .count()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM request").query(Long.class).single()).isEqualTo(rows);
    }

    @Test
    void anInvalidTaskFormIsRefusedAndTheTaskStaysOpenUnchanged() {
        ProcessInstance pi = submit(ROTTERDAM, "rotterdam-zuid", List.of("income-support"), "experiment",
                "formulier@rotterdam.example");
        Task intake = task(pi, "Task_Intake");
        assertThatThrownBy(() -> complete(pi, "Task_Intake", "programme-office",
                Map.of("intakeOutcome", "information-needed", "ruleDomains", List.of("astrology"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Vraag aan de gemeente is verplicht")
                .hasMessageContaining("Regeldomeinen bevat een onbekende waarde 'astrology'");
        assertThat(pi).isWaitingAt("Task_Intake");
        assertThat(task(pi, "Task_Intake").getId()).isEqualTo(intake.getId());
        assertThat(variable(pi, "intakeOutcome")).isNull();
        assertThat(variable(pi, "ruleDomains")).isEqualTo(List.of("income-support"));
    }

    // --- the term of a granted experiment or exemption (issue 20), the engine clock moved through years

    @Test
    void aGrantedExemptionRemindsTheMunicipalityAndEndsAtItsDefaultEndDate() {
        ProcessInstance pi = decided("temporary-exemption", "ends@rotterdam.example", "2027-01-01", "2027-06-01", null);
        // no end date in the decision: the effective date plus P2Y from instrument-duration
        assertThat(decision(pi).get("end_date")).isEqualTo(java.sql.Date.valueOf("2029-01-01"));
        assertThat(timerDue(pi, "Event_EndReached")).isEqualTo(dutch("2029-01-01T09:00"));
        assertThat(timerDue(pi, "Event_EndReminder")).isEqualTo(dutch("2028-10-01T09:00")); // P3M before
        try {
            moveClockTo(pi, "2027-06-02T10:00");
            assertThat(pi).isWaitingAt("Task_DeliverEvaluation");
            moveClockTo(pi, "2028-10-01T10:00");
            assertThat(TestMailServer.receivedBy("ends@rotterdam.example")).anySatisfy(mail -> {
                assertThat(mail.subject()).isEqualTo("Einde nadert: tijdelijke vrijstelling of afwijking (maatwerk) bij verzoek "
                        + pi.getBusinessKey());
                assertThat(mail.body()).contains("De tijdelijke vrijstelling of afwijking (maatwerk) die is toegekend op uw verzoek",
                        "loopt af op 1 januari 2029");
            });
            assertThat(pi).isWaitingAt("Task_DeliverEvaluation"); // the reminder leaves the evaluation open
            assertThat(status(pi)).isEqualTo("evaluation");

            moveClockTo(pi, "2029-01-01T10:00");
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
        assertThat(pi).isEnded().hasPassed("Task_RemindEnd", "Task_SendEndReminder", "EndEvent_EndReminded",
                "Task_RecordEnd", "Task_SendEndNotice", "EndEvent_Ended").hasNotPassed("Task_RecordEvaluation");
        assertThat(status(pi)).isEqualTo("ended");
        assertThat(requests.findByReference(businessKey(pi)).orElseThrow().status()).isEqualTo("ended");
        assertThat(decision(pi)).containsEntry("end_reason", "end-date");
        assertThat(decision(pi).get("ended_at")).isNotNull();
        assertThat(termChanges(pi)).containsExactly("end-date");
        assertThat(auditActions(pi)).contains("exemption-end-reminded", "exemption-ended");
        assertThat(TestMailServer.receivedBy("ends@rotterdam.example")).anySatisfy(mail ->
                assertThat(mail.body()).contains("is beëindigd: de einddatum 1 januari 2029 is bereikt"));
    }

    @Test
    void continuingTwiceMovesTheEndDateAndRunsTheEvaluationAgainThenStoppingEndsItAtOnce() {
        ProcessInstance pi = decided("experiment", "continues@rotterdam.example", "2027-01-01", "2028-01-01",
                "2029-06-30");
        assertThat(decision(pi).get("end_date")).isEqualTo(java.sql.Date.valueOf("2029-06-30"));
        try {
            moveClockTo(pi, "2028-01-02T10:00");
            complete(pi, "Task_DeliverEvaluation", "rotterdam", Map.of("evaluationReport", "Eerste ronde: goed."));
            // continue without a new end date: the end date moves by the experiment's P3Y
            complete(pi, "Task_AssessEvaluation", "programme-office", Map.of("evaluationConclusion", "continue",
                    "nextEvaluationDate", "2029-03-01", "evaluationNote", "Nog een ronde."));
            assertThat(pi).isWaitingAt("Event_EvaluationDate");
            assertThat(status(pi)).isEqualTo("decided");
            assertThat(decision(pi).get("end_date")).isEqualTo(java.sql.Date.valueOf("2032-06-30"));
            assertThat(decision(pi).get("evaluation_date")).isEqualTo(java.sql.Date.valueOf("2029-03-01"));
            assertThat(timerDue(pi, "Event_EndReached")).isEqualTo(dutch("2032-06-30T09:00"));
            assertThat(timerDue(pi, "Event_EvaluationDate")).isEqualTo(dutch("2029-03-01T09:00"));

            // the old end date passes without effect: the term was continued
            moveClockTo(pi, "2029-07-01T10:00");
            assertThat(pi).isWaitingAt("Task_DeliverEvaluation");
            assertThat(variable(pi, "evaluationReport")).isNull(); // a fresh form for the second round
            complete(pi, "Task_DeliverEvaluation", "rotterdam", Map.of("evaluationReport", "Tweede ronde: goed."));
            complete(pi, "Task_AssessEvaluation", "programme-office", Map.of("evaluationConclusion", "continue",
                    "nextEvaluationDate", "2031-01-01", "newEndDate", "2033-12-31"));
            assertThat(decision(pi).get("end_date")).isEqualTo(java.sql.Date.valueOf("2033-12-31"));
            assertThat(timerDue(pi, "Event_EndReached")).isEqualTo(dutch("2033-12-31T09:00"));

            moveClockTo(pi, "2031-01-02T10:00");
            complete(pi, "Task_DeliverEvaluation", "rotterdam", Map.of("evaluationReport", "Derde ronde: niet meer nodig."));
            complete(pi, "Task_AssessEvaluation", "programme-office", Map.of("evaluationConclusion", "stop",
                    "evaluationNote", "Het knelpunt is elders opgelost."));
            Jobs.runDue(engine, pi.getId());
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
        assertThat(pi).isEnded().hasPassed("Task_ExtendTerm", "Task_RecordStop", "Task_SendStopNotice", "EndEvent_Stopped")
                .hasNotPassed("Task_RecordEnd", "EndEvent_Evaluated");
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(status(pi)).isEqualTo("ended");
        assertThat(decision(pi)).containsEntry("end_reason", "stopped").containsEntry("evaluation_conclusion", "stop");
        assertThat(termChanges(pi)).containsExactly("extended", "extended", "stopped");
        assertThat(auditActions(pi)).containsSubsequence("exemption-extended", "exemption-extended", "exemption-ended");
        assertThat(TestMailServer.receivedBy("continues@rotterdam.example")).anySatisfy(mail ->
                assertThat(mail.body()).contains("Het experiment dat is toegekend op uw verzoek",
                        "de evaluatie concludeerde dat het niet wordt voortgezet",
                        "Het knelpunt is elders opgelost."));
    }

    @Test
    void anEndDateOrAContinuationThatDoesNotFitTheTermIsRefusedWithEveryError() {
        ProcessInstance pi = submit(ROTTERDAM, "rotterdam-zuid", List.of("income-support"), "experiment",
                "refused-term@rotterdam.example");
        complete(pi, "Task_Intake", "programme-office", Map.of("intakeOutcome", "complete",
                "ruleDomains", List.of("income-support")));
        advise(pi, "szw", "support", null);
        Map<String, Object> values = new HashMap<>(Map.of("decisionOutcome", "granted", "rationale", "Goed.",
                "instrument", "experiment", "effectiveDate", "2027-01-01", "evaluationDate", "2027-06-01",
                "endDate", "2026-12-31"));
        // without an end date the default end (the effective date plus the experiment's P3Y) must follow the evaluation
        values.remove("endDate");
        values.put("evaluationDate", "2030-01-01");
        assertThatThrownBy(() -> complete(pi, "Task_Decide", "programme-director", values))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Evaluatiedatum moet voor de einddatum (2030-01-01) liggen");
        values.put("evaluationDate", "2027-06-01");
        values.put("endDate", "2026-12-31");
        assertThatThrownBy(() -> complete(pi, "Task_Decide", "programme-director", values))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Einddatum moet na de ingangsdatum liggen.");
        values.put("endDate", "2027-03-01");
        assertThatThrownBy(() -> complete(pi, "Task_Decide", "programme-director", values))
                .hasMessageContaining("Einddatum moet na de evaluatiedatum liggen.");
        assertThat(pi).isWaitingAt("Task_Decide");
        values.put("endDate", "2028-01-01");
        complete(pi, "Task_Decide", "programme-director", values);
        Jobs.runDue(engine, pi.getId());
        Jobs.fireTimer(engine, pi.getId(), "Event_EvaluationDate");
        complete(pi, "Task_DeliverEvaluation", "rotterdam", Map.of("evaluationReport", "Goed."));

        assertThatThrownBy(() -> complete(pi, "Task_AssessEvaluation", "programme-office",
                Map.of("evaluationConclusion", "continue")))
                .hasMessageContaining("Volgende evaluatiedatum is verplicht");
        assertThatThrownBy(() -> complete(pi, "Task_AssessEvaluation", "programme-office",
                Map.of("evaluationConclusion", "continue", "nextEvaluationDate", "2031-01-01",
                        "newEndDate", "2027-12-31")))
                .hasMessageContaining("Nieuwe einddatum moet na de huidige einddatum (2028-01-01) liggen.")
                .hasMessageContaining("Volgende evaluatiedatum moet voor de nieuwe einddatum (2027-12-31) liggen.");
        // without a new end date: 2028-01-01 plus the experiment's P3Y
        assertThatThrownBy(() -> complete(pi, "Task_AssessEvaluation", "programme-office",
                Map.of("evaluationConclusion", "continue", "nextEvaluationDate", "2031-01-01")))
                .hasMessageContaining("Volgende evaluatiedatum moet voor de nieuwe einddatum (2031-01-01) liggen.");
        assertThatThrownBy(() -> complete(pi, "Task_AssessEvaluation", "programme-office",
                Map.of("evaluationConclusion", "continue", "nextEvaluationDate", "2020-01-01")))
                .hasMessageContaining("Volgende evaluatiedatum moet na vandaag liggen.");
        assertThat(pi).isWaitingAt("Task_AssessEvaluation");
        assertThat(decision(pi).get("end_date")).isEqualTo(java.sql.Date.valueOf("2028-01-01"));
        complete(pi, "Task_AssessEvaluation", "programme-office", Map.of("evaluationConclusion", "make-structural"));
        assertThat(pi).isEnded().hasPassed("EndEvent_Evaluated");
    }

    /** A request granted with this instrument and these dates, waiting for its evaluation date. */
    private ProcessInstance decided(String instrument, String contactEmail, String effective, String evaluation,
                                    String end) {
        ProcessInstance pi = submit(ROTTERDAM, "rotterdam-zuid", List.of("income-support"), instrument, contactEmail);
        complete(pi, "Task_Intake", "programme-office", Map.of("intakeOutcome", "complete",
                "ruleDomains", List.of("income-support")));
        advise(pi, "szw", "support", null);
        Map<String, Object> values = new HashMap<>(Map.of("decisionOutcome", "granted", "rationale", "Afgewogen.",
                "instrument", instrument, "effectiveDate", effective, "evaluationDate", evaluation));
        if (end != null) {
            values.put("endDate", end);
        }
        complete(pi, "Task_Decide", "programme-director", values);
        Jobs.runDue(engine, pi.getId());
        assertThat(pi).isWaitingAt("Event_EvaluationDate");
        return pi;
    }

    /** Moves the engine clock (and so the case clock) to this Dutch time and runs this instance's due jobs. */
    private void moveClockTo(ProcessInstance pi, String dutchDateTime) {
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(dutch(dutchDateTime));
        Jobs.runDue(engine, pi.getId());
    }

    private static java.util.Date dutch(String dateTime) {
        return java.util.Date.from(java.time.LocalDateTime.parse(dateTime)
                .atZone(java.time.ZoneId.of("Europe/Amsterdam")).toInstant());
    }

    private java.util.Date timerDue(ProcessInstance pi, String activityId) {
        return engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
                .activityId(activityId).singleResult().getDuedate();
    }

    private Map<String, Object> decision(ProcessInstance pi) {
        return jdbc.sql("SELECT end_date, evaluation_date, ended_at, end_reason, evaluation_conclusion FROM decision "
                + "WHERE request_id = ?").param(requestId(pi)).query().singleRow();
    }

    private List<String> termChanges(ProcessInstance pi) {
        return jdbc.sql("SELECT c.effect FROM decision_term_change c JOIN decision d ON d.id = c.decision_id "
                + "WHERE d.request_id = ? ORDER BY c.changed_at").param(requestId(pi)).query(String.class).list();
    }

    private List<String> auditActions(ProcessInstance pi) {
        return jdbc.sql("SELECT action FROM audit_event WHERE chain = ? ORDER BY sequence")
                .param(businessKey(pi)).query(String.class).list();
    }

    @AfterAll
    void everyFlowNodeOfBothModelsWasReached() {
        Map<String, Set<String>> missing = ProcessCoverage.missing(engine, started,
                List.of("rule-change-request", "ministry-assessment"), "rule-change-request");
        assertThat(missing).allSatisfy((model, nodes) -> assertThat(nodes).as("not reached in %s", model).isEmpty());
    }

    // --- driving the process as its users do

    private ProcessInstance submit(DoorbraakUser user, String focusArea, List<String> domains, String instrument,
                                   String contactEmail) {
        RequestRecord request = submission.submit(RequestKind.RULE_CHANGE,
                input(focusArea, domains, instrument, contactEmail), user, null).request();
        ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(request.processInstanceId()).singleResult();
        started.add(pi.getId());
        return pi;
    }

    private static Map<String, Object> input(String focusArea, List<String> domains, String instrument,
                                             String contactEmail) {
        Map<String, Object> input = new HashMap<>();
        input.put("focusArea", focusArea);
        input.put("title", "Kostendelersnorm voor jongvolwassenen");
        input.put("regulation", "Participatiewet");
        input.put("article", "art. 22a");
        input.put("ruleDomains", domains);
        input.put("conflict", "Jongvolwassenen die thuis wonen verlagen de uitkering van hun ouders.");
        input.put("proposedSolution", "Tijdelijke vrijstelling in het focusgebied.");
        input.put("requestedInstrument", instrument);
        input.put("residentsAffected", 1200L);
        input.put("urgency", "normal");
        input.put("contactName", "J. de Vries");
        input.put("contactEmail", contactEmail);
        return input;
    }

    private void advise(ProcessInstance pi, String ministry, String advice, String conditions) {
        Map<String, Object> values = new HashMap<>(Map.of("assessmentOutcome", "advice", "advice", advice,
                "rationale", "Past binnen de experimenteerbepaling.", "proposedInstrument", "experiment"));
        if (conditions != null) {
            values.put("conditions", conditions);
        }
        complete(pi, "Task_Assess", "ministry-" + ministry, "reviewer-" + ministry, values);
        Jobs.runDue(engine);
    }

    private void decide(ProcessInstance pi, String outcome, String instrument, String effective, String evaluation) {
        Map<String, Object> values = new HashMap<>(Map.of("decisionOutcome", outcome,
                "rationale", "Afgewogen tegen de adviezen van de ministeries."));
        if (instrument != null) {
            values.put("instrument", instrument);
            values.put("effectiveDate", effective);
        }
        if (evaluation != null) {
            values.put("evaluationDate", evaluation);
        }
        complete(pi, "Task_Decide", "programme-director", values);
    }

    private void complete(ProcessInstance pi, String taskKey, String user, Map<String, Object> values) {
        complete(pi, taskKey, null, user, values);
    }

    private void complete(ProcessInstance pi, String taskKey, String candidateGroup, String user,
                          Map<String, Object> values) {
        driver.complete(pi, taskKey, candidateGroup, user, values);
    }

    private Task task(ProcessInstance pi, String taskKey) {
        return driver.task(pi, taskKey);
    }

    private List<Task> openTasks(ProcessInstance pi, String taskKey) {
        return driver.openTasks(pi, taskKey);
    }

    private List<String> candidateGroups(Task task) {
        return driver.candidateGroups(task);
    }

    private String calledInstance(ProcessInstance pi, String ministry) {
        return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId())
                .variableValueEquals("ministry", ministry).singleResult().getId();
    }

    private Object variable(ProcessInstance pi, String name) {
        return driver.variable(pi, name);
    }

    private String status(ProcessInstance pi) {
        return requests.findByReference(businessKey(pi)).orElseThrow().status();
    }

    private UUID requestId(ProcessInstance pi) {
        return requests.findByReference(businessKey(pi)).orElseThrow().id();
    }

    private String businessKey(ProcessInstance pi) {
        return pi.getBusinessKey() != null ? pi.getBusinessKey()
                : engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pi.getId())
                .singleResult().getBusinessKey();
    }

    private static DoorbraakUser municipality(String id, String code) {
        return new DoorbraakUser(id, id, Set.of("municipality-" + code));
    }
}
