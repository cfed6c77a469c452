package nl.doorbraak.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
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
import nl.doorbraak.platform.CaseClock;
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
 * Every path through budget-pooling-request, driven through the real application on PostgreSQL:
 * under and over the co-signature threshold of the decision-authority table, Financiën's
 * refusal, a partial grant per budget line, information requests, withdrawal, lapse and the
 * yearly accountability follow-up. After the class, the flow-node coverage must be 100%.
 * Budget years lie in the future, so no end-of-year timer is due before the test fires it.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BudgetPoolingProcessTests {

    private static final DoorbraakUser HEERLEN = new DoorbraakUser("heerlen", "heerlen", Set.of("municipality-0917"));
    private static final int FIRST_YEAR = Year.now().getValue() + 1;

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
    void heerlenNoordAboveTheThresholdIsCoSignedByFinanceThenAccountedForEveryYear() {
        ProcessInstance pi = submit(heerlenNoord("heerlen-noord@heerlen.example"));
        assertThat(pi).isWaitingAt("Task_CheckBudgetLines");
        assertThat(status(pi)).isEqualTo("intake");
        Task intake = task(pi, "Task_CheckBudgetLines");
        assertThat(intake.getName()).isEqualTo("Budgetregels controleren verzoek " + pi.getBusinessKey());
        assertThat(candidateGroups(intake)).containsExactly("programme-office");
        assertThat(CaseContextVariables.of(engine.getTaskService(), intake.getId()).get("caseTotalAmount")).isEqualTo("€ 3.500.000,00");
        assertThat(CaseContextVariables.of(engine.getTaskService(), intake.getId()).get("casePeriod"))
                .isEqualTo(FIRST_YEAR + "–" + (FIRST_YEAR + 2));
        assertThat(CaseContextVariables.of(engine.getTaskService(), intake.getId()).get("caseBudgetLines").toString())
                .contains("OCW", "Programma School en Omgeving (verlengde leertijd)", "€ 2.400.000,00", "€ 300.000,00");

        // the programme office asks for the split over the years; the municipality answers
        OverdueSteps.remindAndEscalate(engine, pi, "CheckBudgetLines", "Budgetregels controleren", "programme-director", "programme-director");
        complete(pi, "Task_CheckBudgetLines", "programme-office", Map.of("intakeOutcome", "information-needed",
                "informationQuestion", "Hoe verdeelt u het budget over de jaren?"));
        Jobs.runDue(engine);
        assertThat(pi).isWaitingAt("Task_ProvideInformation");
        complete(pi, "Task_ProvideInformation", "heerlen", Map.of("informationAnswer", "Gelijk over drie jaar."));
        assertThat(pi).isWaitingAt("Task_CheckBudgetLines");
        complete(pi, "Task_CheckBudgetLines", "programme-office", Map.of("intakeOutcome", "complete"));

        assertThat(pi).isWaitingAt("CallActivity_MinistryAssessment");
        assertThat(requests.ministriesOf(requestId(pi))).containsExactly("ocw", "szw", "vws");
        assertThat(task(pi, "Task_Assess", "ministry-ocw").getName())
                .isEqualTo("Beoordelen verzoek " + pi.getBusinessKey() + " (OCW)");
        advise(pi, "ocw", "support");
        advise(pi, "szw", "support");
        advise(pi, "vws", "support");

        assertThat(pi).isWaitingAt("Task_DecidePooling");
        assertThat(variable(pi, "totalAmount")).isEqualTo(3_500_000.0);
        OverdueSteps.remindAndEscalate(engine, pi, "DecidePooling", "Besluiten", "programme-office", "programme-office");
        decide(pi, "granted", null);
        assertThat(pi).isWaitingAt("Task_CoSign");
        assertThat(status(pi)).isEqualTo("co-signature");
        Task coSign = task(pi, "Task_CoSign");
        assertThat(candidateGroups(coSign)).containsExactly("ministry-fin");
        assertThat(CaseContextVariables.of(engine.getTaskService(), coSign.getId()).get("caseDecision").toString())
                .startsWith("Toegekend, Bundeling in één specifieke uitkering (SPUK).");
        assertThat(jdbc.sql("SELECT count(*) FROM decision WHERE request_id = ?").param(requestId(pi))
                .query(Long.class).single()).as("nothing in the register before Financiën co-signs").isZero();

        OverdueSteps.remindAndEscalate(engine, pi, "CoSign", "Medeondertekenen", "ministry-fin-lead", "lead-fin");
        complete(pi, "Task_CoSign", "reviewer-fin", Map.of("coSignOutcome", "co-signed", "coSignNote", ""));
        Jobs.runDue(engine);
        assertThat(pi).isWaitingAt("Event_BudgetYearEnded");
        assertThat(status(pi)).isEqualTo("decided");
        assertThat(granted(pi)).containsExactly(
                Map.entry("ocw", new BigDecimal("2400000.00")), Map.entry("szw", new BigDecimal("800000.00")),
                Map.entry("vws", new BigDecimal("300000.00")));
        Map<String, Object> decision = jdbc.sql("SELECT outcome, decided_by, co_sign_outcome, co_signed_by FROM decision "
                + "WHERE request_id = ?").param(requestId(pi)).query().singleRow();
        assertThat(decision).containsEntry("outcome", "granted").containsEntry("decided_by", "programme-director")
                .containsEntry("co_sign_outcome", "co-signed").containsEntry("co_signed_by", "reviewer-fin");
        assertThat(TestMailServer.receivedBy("heerlen-noord@heerlen.example")).anySatisfy(mail -> {
            assertThat(mail.subject()).isEqualTo("Besluit op uw verzoek " + pi.getBusinessKey());
            assertThat(mail.body()).contains("Wij hebben besloten over uw verzoek " + pi.getBusinessKey());
        });
        assertThat(LetterTexts.latest(jdbc, pi.getBusinessKey())).contains("Wij hebben besloten uw verzoek toe te kennen.",
                "OCW, Programma School en Omgeving (verlengde leertijd): gevraagd € 2.400.000,00, toegekend € 2.400.000,00",
                "In totaal kennen wij € 3.500.000,00 toe", "Bedrag per begrotingsjaar", "Betaling:",
                "Verantwoording:", "de minister van Financiën dit besluit ondertekend", "namens deze");

        // first budget year: the report is rejected once and delivered again
        Jobs.fireTimer(engine, pi.getId(), "Event_BudgetYearEnded");
        Task deliver = task(pi, "Task_DeliverAccountability");
        assertThat(deliver.getName()).isEqualTo("Verantwoording aanleveren verzoek " + pi.getBusinessKey() + " (" + FIRST_YEAR + ")");
        assertThat(candidateGroups(deliver)).containsExactly("municipality-0917");
        assertThat(status(pi)).isEqualTo("accountability");
        OverdueSteps.remindAndEscalate(engine, pi, "DeliverAccountability", "Verantwoording aanleveren", "programme-office", "programme-office");
        complete(pi, "Task_DeliverAccountability", "heerlen", Map.of("accountabilityReport", "Eerste versie.",
                "spentAmount", "1100000,50"));
        OverdueSteps.remindAndEscalate(engine, pi, "CheckAccountability", "Verantwoording controleren", "programme-director", "programme-director");
        complete(pi, "Task_CheckAccountability", "programme-office", Map.of("accountabilityConclusion", "rejected",
                "accountabilityNote", "De besteding per regeling ontbreekt."));
        assertThat(pi).isWaitingAt("Task_DeliverAccountability");
        complete(pi, "Task_DeliverAccountability", "heerlen", Map.of("accountabilityReport", "Met besteding per regeling.",
                "spentAmount", "1166666.67"));
        complete(pi, "Task_CheckAccountability", "programme-office", Map.of("accountabilityConclusion", "approved",
                "accountabilityNote", ""));
        assertThat(pi).isWaitingAt("Event_BudgetYearEnded");

        for (int year = FIRST_YEAR + 1; year <= FIRST_YEAR + 2; year++) {
            Jobs.fireTimer(engine, pi.getId(), "Event_BudgetYearEnded");
            assertThat(variable(pi, "accountabilityReport")).as("a new year starts with an empty form").isNull();
            complete(pi, "Task_DeliverAccountability", "heerlen", Map.of("accountabilityReport", "Jaar " + year + ".",
                    "spentAmount", "1166666.66"));
            complete(pi, "Task_CheckAccountability", "programme-office", Map.of(
                    "accountabilityConclusion", "approved-with-remarks", "accountabilityNote", "Let op de onderbesteding."));
        }

        assertThat(pi).isEnded().hasPassedInOrder("StartEvent_SubmittedViaApi", "Task_CheckBudgetLines",
                "Task_RecordInformationRequest", "Task_SendInformationRequest", "Task_ProvideInformation",
                "Task_RecordInformationAnswer", "Task_CheckBudgetLines", "Task_DetermineMinistries", "Task_ConfirmRouting",
                "CallActivity_MinistryAssessment", "Task_CollectAdvice", "Task_ConsolidateAdvice",
                "Task_DetermineDecisionAuthority", "Task_DecidePooling", "Task_CoSign", "Task_RecordDecision",
                "Task_SendDecision", "SubProcess_Accountability", "EndEvent_Accounted");
        assertThat(status(pi)).isEqualTo("accounted");
        assertThat(requests.get(requestId(pi)).closedAt()).isNotNull();
        List<Map<String, Object>> reports = jdbc.sql("SELECT budget_year, spent_amount, conclusion, report "
                + "FROM accountability_report WHERE request_id = ? ORDER BY budget_year").param(requestId(pi)).query().listOfRows();
        assertThat(reports).extracting(row -> ((Number) row.get("budget_year")).intValue())
                .containsExactly(FIRST_YEAR, FIRST_YEAR + 1, FIRST_YEAR + 2);
        assertThat(reports.get(0)).containsEntry("spent_amount", new BigDecimal("1166666.67"))
                .containsEntry("conclusion", "approved").containsEntry("report", "Met besteding per regeling.");
        assertThat(reports.get(2)).containsEntry("conclusion", "approved-with-remarks");
    }

    @Test
    void belowTheThresholdDivergingAdviceLeadsToAPartialGrantPerLineWithoutCoSigning() {
        ProcessInstance pi = submit(input("kleiner@heerlen.example", "normal", line("szw", "szw-baangarantie-jongeren", "500000.00"),
                line("jenv", "jenv-preventie-met-gezag", "250000.00")));
        complete(pi, "Task_CheckBudgetLines", "programme-office", Map.of("intakeOutcome", "complete",
                "intakeNote", "Compleet."));
        advise(pi, "szw", "support-with-conditions");
        advise(pi, "jenv", "reject");
        assertThat(pi).isWaitingAt("Task_Coordinate");
        OverdueSteps.remindAndEscalate(engine, pi, "Coordinate", "Coördineren", "programme-director", "programme-director");
        complete(pi, "Task_Coordinate", "programme-office", Map.of("coordinationSummary", "JenV houdt vast aan het oormerk."));
        assertThat(pi).isWaitingAt("Task_DecidePooling");
        Task decide = task(pi, "Task_DecidePooling");
        assertThat(engine.getRuntimeService().getVariable(pi.getId(), "grantedLines").toString())
                .as("the form starts with what was asked").contains("500000.00", "250000.00");

        // more than asked, and a ministry without a line: refused, the task stays open
        assertThatThrownBy(() -> decide(pi, "partly-granted", List.of(
                Map.of("ministry", "szw", "grantedAmount", "600000.00"), Map.of("ministry", "ocw", "grantedAmount", "1.00"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("toegekend bedrag € 600.000,00 is meer dan gevraagd (€ 500.000,00)")
                .hasMessageContaining("dit verzoek heeft geen budgetregel van OCW");
        assertThat(engine.getTaskService().createTaskQuery().taskId(decide.getId()).count()).isEqualTo(1);
        assertThatThrownBy(() -> decide(pi, "partly-granted", List.of(
                Map.of("ministry", "szw", "grantedAmount", "500000"), Map.of("ministry", "jenv", "grantedAmount", "250000.00"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("kies dan Toegekend");

        decide(pi, "partly-granted", List.of(Map.of("ministry", "szw", "grantedAmount", "350000,25"),
                Map.of("ministry", "jenv", "grantedAmount", "0")));
        Jobs.runDue(engine);
        assertThat(pi).hasPassed("Gateway_CoSignNeeded").hasNotPassed("Task_CoSign").isWaitingAt("Event_BudgetYearEnded");
        assertThat(granted(pi)).containsExactly(Map.entry("szw", new BigDecimal("350000.25")),
                Map.entry("jenv", new BigDecimal("0.00")));
        assertThat(LetterTexts.latest(jdbc, pi.getBusinessKey())).contains(
                "Wij hebben besloten uw verzoek gedeeltelijk toe te kennen.",
                "JenV, Preventie met gezag: gevraagd € 250.000,00, toegekend € 0,00, geweigerd € 250.000,00",
                "In totaal kennen wij € 350.000,25 toe");
    }

    @Test
    void financeRefusingToCoSignMeansNoPooling() {
        ProcessInstance pi = submit(heerlenNoord("geweigerd@heerlen.example"));
        complete(pi, "Task_CheckBudgetLines", "programme-office", Map.of("intakeOutcome", "complete"));
        advise(pi, "ocw", "support");
        advise(pi, "szw", "support");
        advise(pi, "vws", "reject");
        complete(pi, "Task_Coordinate", "programme-office", Map.of("coordinationSummary", "VWS akkoord na overleg."));
        decide(pi, "granted", null);

        assertThatThrownBy(() -> complete(pi, "Task_CoSign", "reviewer-fin", Map.of("coSignOutcome", "refused")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Toelichting is verplicht als Financiën weigert mede te ondertekenen.");
        complete(pi, "Task_CoSign", "reviewer-fin", Map.of("coSignOutcome", "refused",
                "coSignNote", "Het oormerk van OCW is wettelijk vastgelegd."));
        Jobs.runDue(engine);

        assertThat(pi).isEnded().hasPassedInOrder("Task_CoSign", "Task_RecordDecision", "Task_SendDecision",
                "Gateway_PoolingGranted", "EndEvent_Decided").hasNotPassed("SubProcess_Accountability");
        Map<String, Object> decision = jdbc.sql("SELECT outcome, instrument, rationale, co_sign_outcome FROM decision "
                + "WHERE request_id = ?").param(requestId(pi)).query().singleRow();
        assertThat(decision).containsEntry("outcome", "rejected").containsEntry("co_sign_outcome", "refused");
        assertThat(decision.get("instrument")).isNull();
        assertThat((String) decision.get("rationale")).contains("Financiën heeft geweigerd",
                "Het oormerk van OCW is wettelijk vastgelegd.");
        assertThat(granted(pi).values()).allSatisfy(amount -> assertThat(amount).isEqualByComparingTo("0"));
        assertThat(status(pi)).isEqualTo("decided");
        assertThat(requests.get(requestId(pi)).closedAt()).isNotNull();
        assertThat(LetterTexts.latest(jdbc, pi.getBusinessKey()))
                .contains("Wij hebben besloten uw verzoek af te wijzen.", "In totaal kennen wij € 0,00 toe",
                        "Financiën heeft geweigerd").doesNotContain("Verantwoording:");
    }

    @Test
    void aRejectionAboveTheThresholdNeedsNoCoSignature() {
        ProcessInstance pi = submit(heerlenNoord("afgewezen@heerlen.example"));
        complete(pi, "Task_CheckBudgetLines", "programme-office", Map.of("intakeOutcome", "complete"));
        advise(pi, "ocw", "reject");
        advise(pi, "szw", "reject");
        advise(pi, "vws", "reject");
        assertThat(variable(pi, "consolidatedAdvice")).isEqualTo("unanimous-reject");
        decide(pi, "rejected", null);
        Jobs.runDue(engine);
        assertThat(pi).isEnded().hasNotPassed("Task_CoSign").hasPassed("EndEvent_Decided");
        assertThat(jdbc.sql("SELECT outcome FROM decision WHERE request_id = ?").param(requestId(pi))
                .query(String.class).single()).isEqualTo("rejected");
    }

    @Test
    void withdrawalWhileFinanceCoSignsEndsTheCaseWithoutADecision() {
        ProcessInstance pi = submit(heerlenNoord("ingetrokken@heerlen.example"));
        complete(pi, "Task_CheckBudgetLines", "programme-office", Map.of("intakeOutcome", "complete"));
        advise(pi, "ocw", "support");
        advise(pi, "szw", "support");
        advise(pi, "vws", "support");
        decide(pi, "granted", null);
        assertThat(pi).isWaitingAt("Task_CoSign");

        engine.getRuntimeService().createMessageCorrelation("RequestWithdrawn").processInstanceId(pi.getId())
                .setVariable("withdrawalReason", "Budget elders gevonden.").correlate();
        Jobs.runDue(engine);
        assertThat(pi).isEnded().hasPassedInOrder("Event_Withdrawn", "Task_RecordWithdrawal",
                "Task_SendWithdrawalConfirmation", "EndEvent_Withdrawn").hasNotPassed("Task_RecordDecision");
        assertThat(status(pi)).isEqualTo("withdrawn");
        assertThat(jdbc.sql("SELECT count(*) FROM decision WHERE request_id = ?").param(requestId(pi))
                .query(Long.class).single()).isZero();
    }

    @Test
    void anUnansweredInformationRequestLapsesTheRequest() {
        ProcessInstance pi = submit(heerlenNoord("stil@heerlen.example"));
        complete(pi, "Task_CheckBudgetLines", "programme-office", Map.of("intakeOutcome", "information-needed",
                "informationQuestion", "Welke school doet mee?"));
        Jobs.runDue(engine);
        Jobs.fireTimer(engine, pi.getId(), "Event_InformationOverdue");
        assertThat(pi).isEnded().hasPassedInOrder("Event_InformationOverdue", "EndEvent_InformationLapsed",
                "Event_Lapsed", "Task_RecordLapse", "Task_SendLapseNotice", "EndEvent_Lapsed");
        assertThat(status(pi)).isEqualTo("lapsed");
    }

    @Test
    void startedFromTasklistsStartFormTheCaseFileHoldsTheExactAmounts() {
        Map<String, Object> form = new HashMap<>(heerlenNoord("tasklist@heerlen.example"));
        // Tasklist submits each budget line group (path budgetLine1..4) as a JSON object, amounts as typed
        // text, the years of the checklist as the numbers its values are; the group after the last one
        // filled in arrives empty
        form.remove("budgetLines");
        form.put("budgetLine1", SpinValues.jsonValue("""
                {"ministry":"ocw","regulation":"ocw-school-en-omgeving","amount":"2.400.000,10","years":[%d]}"""
                .formatted(FIRST_YEAR)).create());
        form.put("budgetLine2", SpinValues.jsonValue("""
                {"ministry":"vws","regulation":"vws-gezonde-leefomgeving","amount":"0.20","years":[%d,%d]}"""
                .formatted(FIRST_YEAR, FIRST_YEAR + 1)).create());
        form.put("budgetLine3", SpinValues.jsonValue("""
                {"ministry":null,"regulation":null,"amount":"","years":[]}""").create());
        form.put("firstYear", FIRST_YEAR);
        form.put("lastYear", FIRST_YEAR + 1);
        String definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("budget-pooling-request").latestVersion().singleResult().getId();
        engine.getIdentityService().setAuthentication("heerlen", List.of("municipality-0917"));
        ProcessInstance pi;
        try {
            pi = engine.getFormService().submitStartForm(definition, Variables.fromMap(form));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        started.add(pi.getId());

        assertThat(pi).hasPassedInOrder("StartEvent_SubmittedViaTasklist", "Task_RegisterRequest")
                .isWaitingAt("Task_CheckBudgetLines");
        RequestRecord request = requests.findByReference(pi.getBusinessKey()).orElseThrow();
        assertThat(request.kind()).isEqualTo("budget-pooling");
        assertThat(request.municipalityCode()).isEqualTo("0917");
        assertThat(jdbc.sql("SELECT amount FROM request_budget_line WHERE request_id = ? ORDER BY line_number")
                .param(request.id()).query(BigDecimal.class).list())
                .containsExactly(new BigDecimal("2400000.10"), new BigDecimal("0.20"));
        assertThat(variable(pi, "totalAmount")).isEqualTo(2_400_000.30);
        assertThat(variable(pi, "budgetLines")).as("the content left the process variables").isNull();
        assertThat(variable(pi, "budgetLine1")).isNull();
        assertThat(variable(pi, "budgetLine3")).isNull();
        assertThat(variable(pi, "budgetYears")).isEqualTo(List.of(FIRST_YEAR, FIRST_YEAR + 1));
    }

    @Test
    void accountabilityIsAskedForTheBudgetYearsFromTheDecisionsEffectiveDateOn() {
        ProcessInstance pi = submit(input("later@heerlen.example", "normal",
                line("szw", "szw-baangarantie-jongeren", "400000.00")));
        complete(pi, "Task_CheckBudgetLines", "programme-office", Map.of("intakeOutcome", "complete"));
        advise(pi, "szw", "support");
        decide(pi, "granted", null, (FIRST_YEAR + 1) + "-01-01");
        Jobs.runDue(engine);

        assertThat(pi).isWaitingAt("Event_BudgetYearEnded");
        assertThat(variable(pi, "budgetYears")).as("the year before the decision takes effect is not accounted for")
                .isEqualTo(List.of(FIRST_YEAR + 1, FIRST_YEAR + 2));
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
                .activityId("Event_BudgetYearEnded").singleResult();
        assertThat(timer.getDuedate()).isEqualTo(Date.from(LocalDate.of(FIRST_YEAR + 1, 12, 31).atTime(9, 0)
                .atZone(CaseClock.DUTCH_TIME).toInstant()));
    }

    @AfterAll
    void everyFlowNodeWasReached() {
        Map<String, Set<String>> missing = ProcessCoverage.missing(engine, started,
                List.of("budget-pooling-request"), "budget-pooling-request");
        assertThat(missing).allSatisfy((model, nodes) -> assertThat(nodes).as("not reached in %s", model).isEmpty());
    }

    // --- the requests

    private static Map<String, Object> heerlenNoord(String contactEmail) {
        return input(contactEmail, "normal", line("ocw", "ocw-school-en-omgeving", "2400000.00"),
                line("szw", "szw-baangarantie-jongeren", "800000.00"), line("vws", "vws-gezonde-leefomgeving", "300000.00"));
    }

    @SafeVarargs
    private static Map<String, Object> input(String contactEmail, String urgency, Map<String, Object>... lines) {
        Map<String, Object> input = new HashMap<>();
        input.put("focusArea", "heerlen-noord");
        input.put("title", "Eén budget voor de kansrijke wijk");
        input.put("purpose", "Verlengde leertijd, baangarantie en een gezonde leefomgeving uit één budget.");
        input.put("firstYear", FIRST_YEAR);
        input.put("lastYear", FIRST_YEAR + 2);
        input.put("budgetLines", List.of(lines));
        input.put("requestedInstrument", "pooled-specific-grant");
        input.put("accountabilityArrangement", "Eén jaarlijkse verantwoording via SiSa.");
        input.put("urgency", urgency);
        input.put("contactName", "M. Janssen");
        input.put("contactEmail", contactEmail);
        return input;
    }

    private static Map<String, Object> line(String ministry, String regulation, String amount) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("ministry", ministry);
        line.put("regulation", regulation);
        line.put("amount", new BigDecimal(amount));
        line.put("years", List.of(FIRST_YEAR, FIRST_YEAR + 1, FIRST_YEAR + 2));
        return line;
    }

    // --- driving the process as its users do

    private ProcessInstance submit(Map<String, Object> input) {
        RequestRecord request = submission.submit(RequestKind.BUDGET_POOLING, input, HEERLEN, null).request();
        ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(request.processInstanceId()).singleResult();
        started.add(pi.getId());
        return pi;
    }

    private void advise(ProcessInstance pi, String ministry, String advice) {
        Map<String, Object> values = new HashMap<>(Map.of("assessmentOutcome", "advice", "advice", advice,
                "rationale", "Afgewogen tegen het oormerk."));
        if ("support-with-conditions".equals(advice)) {
            values.put("conditions", "Jaarlijkse verantwoording per regeling.");
        }
        complete(pi, "Task_Assess", "ministry-" + ministry, "reviewer-" + ministry, values);
        Jobs.runDue(engine);
    }

    private void decide(ProcessInstance pi, String outcome, List<Map<String, Object>> grantedLines) {
        decide(pi, outcome, grantedLines, FIRST_YEAR + "-01-01");
    }

    private void decide(ProcessInstance pi, String outcome, List<Map<String, Object>> grantedLines,
                        String effectiveDate) {
        Map<String, Object> values = new HashMap<>(Map.of("decisionOutcome", outcome,
                "rationale", "Bundeling versterkt de integrale aanpak."));
        if (!"rejected".equals(outcome)) {
            values.put("instrument", "pooled-specific-grant");
            values.put("effectiveDate", effectiveDate);
        }
        if (grantedLines != null) {
            values.put("grantedLines", SpinValues.jsonValue(json(grantedLines)).create());
        }
        complete(pi, "Task_DecidePooling", "programme-director", "programme-director", values);
    }

    private static String json(List<Map<String, Object>> rows) {
        StringBuilder json = new StringBuilder("[");
        for (Map<String, Object> row : rows) {
            json.append(json.length() > 1 ? "," : "").append("{\"ministry\":\"").append(row.get("ministry"))
                    .append("\",\"grantedAmount\":\"").append(row.get("grantedAmount")).append("\"}");
        }
        return json.append(']').toString();
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

    private Task task(ProcessInstance pi, String taskKey, String candidateGroup) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey())
                .taskDefinitionKey(taskKey).taskCandidateGroup(candidateGroup).singleResult();
        assertThat(task).as("open %s for %s", taskKey, candidateGroup).isNotNull();
        return task;
    }

    private List<String> candidateGroups(Task task) {
        return driver.candidateGroups(task);
    }

    private Map<String, BigDecimal> granted(ProcessInstance pi) {
        Map<String, BigDecimal> granted = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT l.ministry_code, l.granted_amount FROM decision_budget_line l JOIN decision d ON d.id = l.decision_id
                JOIN request_budget_line r ON r.request_id = d.request_id AND r.ministry_code = l.ministry_code
                WHERE d.request_id = ? ORDER BY r.line_number""").param(requestId(pi))
                .query((rs, row) -> granted.put(rs.getString(1), rs.getBigDecimal(2))).list();
        return granted;
    }

    private Object variable(ProcessInstance pi, String name) {
        return driver.variable(pi, name);
    }

    private String status(ProcessInstance pi) {
        return requests.findByReference(pi.getBusinessKey()).orElseThrow().status();
    }

    private UUID requestId(ProcessInstance pi) {
        return requests.findByReference(pi.getBusinessKey()).orElseThrow().id();
    }
}
