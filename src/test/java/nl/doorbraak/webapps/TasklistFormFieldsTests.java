package nl.doorbraak.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.doorbraak.security.FormFields;
import nl.doorbraak.support.CaseSteps;
import nl.doorbraak.support.DeployedForms;
import nl.doorbraak.support.Http;
import nl.doorbraak.support.Jobs;
import nl.doorbraak.support.ProcessDriver;
import nl.doorbraak.security.DoorbraakUser;
import nl.doorbraak.request.RequestKind;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.ProblemAssertions;

/**
 * Every start form and every task form of the deployed models, through Tasklist's engine API
 * as Tasklist's users call it (login, session, CSRF token): for each variable that is not a
 * field of the form — every variable the case holds at that task (who submitted, the
 * municipality, the reference, the request id, the steering values, the case context), every
 * field of every other form, {@code status} and a random name — the submission is refused with
 * a Dutch 400 naming that one variable, and nothing is stored; then exactly the form's fields
 * pass and move the case on. Two cases, a rule-change request of Rotterdam and a budget-pooling
 * request of Heerlen, walk every form; a form no step reaches fails the test.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TasklistFormFieldsTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Names the server derives that are not always process variables (yet) where a form is submitted. */
    private static final Set<String> DERIVED = Set.of("submittedBy", "municipalityCode", "reference", "requestId",
            "status", "kind", "decisionOutcome", "caseReference");

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    nl.doorbraak.request.RequestSubmission submission;
    @Autowired
    nl.doorbraak.signal.SignalAdministration signalAdministration;

    private final Map<String, WebappSession> sessions = new HashMap<>();
    private final Set<String> formsReached = new TreeSet<>();
    private final Set<String> formsOfTheModels = new TreeSet<>();
    private final Set<String> fieldsOfAllForms = new TreeSet<>();
    private final LocalDate today = LocalDate.now();
    private final int nextYear = Year.now().getValue() + 1;

    @BeforeAll
    void formsOfTheDeployedModels() {
        var repository = engine.getRepositoryService();
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
            var model = repository.getBpmnModelInstance(definition.getId());
            List<String> refs = new ArrayList<>();
            model.getModelElementsByType(StartEvent.class).forEach(start -> refs.add(start.getCamundaFormRef()));
            model.getModelElementsByType(UserTask.class).forEach(task -> refs.add(task.getCamundaFormRef()));
            for (String ref : refs) {
                if (ref != null) {
                    formsOfTheModels.add(ref);
                    fieldsOfAllForms.addAll(FormFields.names(DeployedForms.of(repository, definition.getDeploymentId(), ref)));
                }
            }
        }
        assertThat(formsOfTheModels).hasSizeGreaterThan(10);
    }

    @Test
    void everyStartFormAndEveryTaskFormTakesExactlyItsFields() {
        ruleChangeRequestFromItsStartFormToItsEvaluation();
        budgetPoolingRequestFromItsStartFormToItsAccountability();
        joinRequestFromItsStartFormToItsDecision();
        signalFromItsStartToItsAnswer();
        lawChangeFromItsDecisionUntilInForce();
        assertThat(formsReached).as("forms reached by the three cases, the signal and the implementation tracking")
                .isEqualTo(formsOfTheModels);
    }

    private void ruleChangeRequestFromItsStartFormToItsEvaluation() {
        Map<String, Object> start = CaseSteps.submission("rotterdam-zuid", CaseSteps.uniqueEmail("rotterdam"),
                "income-support", "youth-care");
        String reference = start("rotterdam", "rule-change-request", start);

        complete(reference, "Task_Intake", null, "programme-office", Map.of("intakeOutcome", "information-needed",
                "informationQuestion", "Hoeveel huishoudens doen mee?",
                "ruleDomains", List.of("income-support", "youth-care")));
        complete(reference, "Task_ProvideInformation", null, "rotterdam", Map.of("informationAnswer", "Ongeveer 340."));
        // the intake runs late: the director's escalation of any overdue step has one form
        Jobs.fireTimer(engine, processInstance(reference), "Event_Overdue_Intake");
        complete(reference, "Task_Escalate_Intake", "programme-director", "programme-director",
                Map.of("escalationNote", "Intake ingepland."));
        complete(reference, "Task_Intake", null, "programme-office", Map.of("intakeOutcome", "complete",
                "ruleDomains", List.of("income-support", "youth-care")));

        String vws = task(reference, "Task_Assess", "ministry-vws").getProcessInstanceId();
        Jobs.fireTimer(engine, vws, "Event_AssessmentOverdue");
        complete(reference, "Task_Escalate", "ministry-vws-lead", "lead-vws",
                Map.of("escalationNote", "Beoordelaar herinnerd."));
        complete(reference, "Task_Assess", "ministry-szw", "reviewer-szw", Map.of("assessmentOutcome", "information-needed",
                "informationQuestion", "Welke wijken?"));
        complete(reference, "Task_ProvideInformation", null, "rotterdam", Map.of("informationAnswer", "Zuid."));
        complete(reference, "Task_Assess", "ministry-szw", "reviewer-szw", Map.of("assessmentOutcome", "advice",
                "advice", "support", "rationale", "Past binnen de experimenteerbepaling."));
        complete(reference, "Task_Assess", "ministry-vws", "reviewer-vws", Map.of("assessmentOutcome", "advice",
                "advice", "reject", "rationale", "De Jeugdwet laat dit niet toe."));
        complete(reference, "Task_Coordinate", null, "programme-office",
                Map.of("coordinationSummary", "VWS gaat akkoord met een experiment."));
        complete(reference, "Task_Decide", null, "programme-director", Map.of("decisionOutcome", "granted",
                "instrument", "experiment", "effectiveDate", today.plusMonths(1).toString(),
                "evaluationDate", today.plusYears(1).toString(), "endDate", today.plusYears(2).toString(),
                "rationale", "Het experiment past in de aanpak."));
        Jobs.fireTimer(engine, processInstance(reference), "Event_EvaluationDate");
        complete(reference, "Task_DeliverEvaluation", null, "rotterdam",
                Map.of("evaluationReport", "Schulden daalden met 30%."));
        // continued: a second round of the same forms, then stopped
        complete(reference, "Task_AssessEvaluation", null, "programme-office",
                Map.of("evaluationConclusion", "continue", "nextEvaluationDate", today.plusYears(2).toString(),
                        "newEndDate", today.plusYears(3).toString(), "evaluationNote", "Nog een jaar."));
        Jobs.fireTimer(engine, processInstance(reference), "Event_EvaluationDate");
        complete(reference, "Task_DeliverEvaluation", null, "rotterdam",
                Map.of("evaluationReport", "Schulden daalden verder."));
        complete(reference, "Task_AssessEvaluation", null, "programme-office",
                Map.of("evaluationConclusion", "stop"));

        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference).count())
                .as("the case ended").isZero();
    }

    private void budgetPoolingRequestFromItsStartFormToItsAccountability() {
        Map<String, Object> start = new LinkedHashMap<>();
        start.put("focusArea", "heerlen-noord");
        start.put("title", "Eén budget voor de school in de wijk");
        start.put("purpose", "Verlengde leertijd uit één budget.");
        start.put("firstYear", nextYear);
        start.put("lastYear", nextYear);
        start.put("requestedInstrument", "pooled-specific-grant");
        start.put("accountabilityArrangement", "Eén jaarlijkse verantwoording via SiSa.");
        start.put("urgency", "normal");
        start.put("budgetLine1", Map.of("ministry", "ocw", "regulation", "ocw-school-en-omgeving",
                "amount", "2400000,00", "years", List.of(nextYear)));
        start.put("contactName", "M. Janssen");
        start.put("contactEmail", CaseSteps.uniqueEmail("heerlen"));
        String reference = start("heerlen", "budget-pooling-request", start);

        complete(reference, "Task_CheckBudgetLines", null, "programme-office", Map.of(
                "intakeOutcome", "information-needed", "informationQuestion", "Welke school?"));
        complete(reference, "Task_ProvideInformation", null, "heerlen", Map.of("informationAnswer", "De Vlieger."));
        complete(reference, "Task_CheckBudgetLines", null, "programme-office", Map.of("intakeOutcome", "complete"));
        complete(reference, "Task_Assess", "ministry-ocw", "reviewer-ocw", Map.of("assessmentOutcome", "advice",
                "advice", "support", "rationale", "Past bij het programma."));
        complete(reference, "Task_DecidePooling", null, "programme-director", Map.of("decisionOutcome", "granted",
                "instrument", "pooled-specific-grant", "effectiveDate", today.plusMonths(1).toString(),
                "rationale", "Eén budget maakt de aanpak eenvoudiger."));
        complete(reference, "Task_CoSign", null, "reviewer-fin", Map.of("coSignOutcome", "co-signed"));
        Jobs.fireTimer(engine, processInstance(reference), "Event_BudgetYearEnded");
        complete(reference, "Task_DeliverAccountability", null, "heerlen", Map.of(
                "accountabilityReport", "Alles besteed aan verlengde leertijd.", "spentAmount", "2400000,00"));
        complete(reference, "Task_CheckAccountability", null, "programme-office",
                Map.of("accountabilityConclusion", "approved"));

        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference).count())
                .as("the case ended").isZero();
    }

    private void joinRequestFromItsStartFormToItsDecision() {
        String precedent = nl.doorbraak.support.Breakthroughs.decided(engine, submission, "granted", "experiment");
        Map<String, Object> start = new LinkedHashMap<>();
        start.put("focusArea", "heerlen-noord");
        start.put("precedent", precedent);
        start.put("motivation", "Ook hier verlaten jongvolwassenen het ouderlijk huis.");
        start.put("residentsAffected", 120);
        start.put("urgency", "normal");
        start.put("contactName", "M. Janssen");
        start.put("contactEmail", CaseSteps.uniqueEmail("heerlen"));
        String reference = start("heerlen", "join-request", start);

        complete(reference, "Task_CheckJoin", null, "programme-office", Map.of(
                "joinCheckOutcome", "information-needed", "informationQuestion", "Welke wijken?"));
        complete(reference, "Task_ProvideInformation", null, "heerlen", Map.of("informationAnswer", "Heerlen-Noord."));
        complete(reference, "Task_CheckJoin", null, "programme-office", Map.of("joinCheckOutcome", "comparable"));
        complete(reference, "Task_ConfirmJoin", null, "reviewer-szw", Map.of("confirmationOutcome", "confirmed",
                "confirmationNote", "Zelfde doelgroep."));
        complete(reference, "Task_DecideJoin", null, "programme-director", Map.of("decisionOutcome", "granted",
                "instrument", "experiment", "conditions", "Halfjaarlijkse rapportage.",
                "effectiveDate", today.plusMonths(1).toString(), "evaluationDate", today.plusYears(1).toString(),
                "endDate", today.plusYears(2).toString(), "rationale", "Vergelijkbare situatie."));
        Jobs.fireTimer(engine, processInstance(reference), "Event_EvaluationDate");
        complete(reference, "Task_DeliverEvaluation", null, "heerlen",
                Map.of("evaluationReport", "Ook hier bleven jongeren thuis wonen."));
        complete(reference, "Task_AssessEvaluation", null, "programme-office",
                Map.of("evaluationConclusion", "stop"));

        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference).count())
                .as("the case ended").isZero();
    }

    /** A signal on a rule (started by the programme office): its escalation and answer through Tasklist. */
    private void signalFromItsStartToItsAnswer() {
        Map<String, Object> input = CaseSteps.submission("rotterdam-zuid", CaseSteps.uniqueEmail("rotterdam"));
        input.remove("regulation");
        input.put("nationalRule", "wmo-2015");
        input.put("article", "art. 2.3.5 tasklist");
        var request = submission.submit(RequestKind.RULE_CHANGE, input, ProcessDriver.ROTTERDAM, null).request();
        String reference = signalAdministration.start(new DoorbraakUser("programme-office", "Programmabureau",
                Set.of("programme-office")), Map.of("nationalRule", "wmo-2015", "article", "art. 2.3.5 tasklist",
                "reason", "Meerdere gemeenten melden dit knelpunt.", "requests", List.of(request.reference())))
                .reference();
        Jobs.fireTimer(engine, processInstance(reference), "Event_AnswerOverdue");
        complete(reference, "Task_EscalateSignal", null, "lead-vws", Map.of("escalationNote", "Beoordelaar herinnerd."));
        complete(reference, "Task_AnswerSignal", null, "reviewer-vws", Map.of("answerKind", "no-change",
                "answer", "De regel blijft.", "answerReasons", "Gemeenten kunnen al maatwerk leveren."));
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference).count())
                .as("the signal ended").isZero();
    }

    /** A granted law change followed at SZW: its escalation and every stage reported through Tasklist. */
    private void lawChangeFromItsDecisionUntilInForce() {
        Map<String, Object> start = CaseSteps.submission("rotterdam-zuid", CaseSteps.uniqueEmail("rotterdam"),
                "income-support");
        start.put("requestedInstrument", "law-change");
        String reference = start("rotterdam", "rule-change-request", start);
        complete(reference, "Task_Intake", null, "programme-office", Map.of("intakeOutcome", "complete",
                "ruleDomains", List.of("income-support")));
        complete(reference, "Task_Assess", "ministry-szw", "reviewer-szw", Map.of("assessmentOutcome", "advice",
                "advice", "support", "rationale", "De wet moet worden aangepast."));
        complete(reference, "Task_Decide", null, "programme-director", Map.of("decisionOutcome", "granted",
                "instrument", "law-change", "effectiveDate", today.plusMonths(1).toString(),
                "rationale", "Alleen een wetswijziging lost dit op."));
        String tracking = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("implementation-tracking").processInstanceBusinessKey(reference).singleResult()
                .getId();
        Jobs.fireTimer(engine, tracking, "Event_StageOverdue");
        complete(reference, "Task_EscalateImplementation", null, "lead-szw",
                Map.of("escalationNote", "Wetgevingsjurist toegewezen."));
        for (String stage : List.of("drafting", "consultation", "council-of-state", "publication", "in-force")) {
            complete(reference, "Task_UpdateImplementation", null, "reviewer-szw", Map.of("implementationStage", stage,
                    "reachedOn", today.toString(), "stageNote", "Fase " + stage + "."));
        }
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(tracking).count())
                .as("the change is in force").isZero();
    }

    // ------------------------------------------------------------------ a form through Tasklist

    /** Starts the process from its start form as the user; every extra variable refused first. Returns the reference. */
    private String start(String user, String processKey, Map<String, Object> values) {
        ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(processKey).latestVersion().singleResult();
        JsonNode form = form(engine.getFormService().getDeployedStartForm(definition.getId()));
        String path = WebappSession.ENGINE_API + "process-definition/key/" + processKey + "/submit-form";
        Set<String> extras = new TreeSet<>(fieldsOfAllForms);
        extras.addAll(DERIVED);
        extras.add("x" + UUID.randomUUID().toString().substring(0, 8));
        extras.removeAll(FormFields.names(form));
        WebappSession session = session(user);

        refusesEachExtra(session, path, form, values, extras);
        StoredNothing stored = StoredNothing.since(jdbc);
        Map<String, Object> withBusinessKey = new LinkedHashMap<>();
        withBusinessKey.put("variables", WebappSession.variables(values));
        withBusinessKey.put("businessKey", "NPLV-2000-00001");
        assertRefused(session.post(path, withBusinessKey), "businessKey");
        stored.assertStoredNothingBut("a start with a business key of one's own");

        HttpResponse<String> started = session.post(path, Map.of("variables", WebappSession.variables(values)));
        assertThat(started.statusCode()).as("start of %s by %s: %s", processKey, user, started.body()).isEqualTo(200);
        formsReached.add(form.path("id").asText());
        String processInstanceId = Http.json(started).path("id").asText();
        Jobs.runDue(engine);
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult().getBusinessKey();
    }

    /**
     * Completes the case's open task as the user does in Tasklist: claim, then submit its form;
     * first once for every variable the form does not have, each refused.
     */
    private void complete(String reference, String taskKey, String candidateGroup, String user,
                          Map<String, Object> values) {
        Task task = task(reference, taskKey, candidateGroup);
        JsonNode form = form(engine.getFormService().getDeployedTaskForm(task.getId()));
        Set<String> extras = new TreeSet<>(fieldsOfAllForms);
        extras.addAll(DERIVED);
        extras.addAll(engine.getTaskService().getVariables(task.getId()).keySet());
        extras.add("x" + UUID.randomUUID().toString().substring(0, 8));
        extras.removeAll(FormFields.names(form));
        if (engine.getTaskService().getVariable(task.getId(), "signalId") != null) {
            assertThat(extras).as("signal variables at %s", taskKey).contains("signalId", "ministry", "reference",
                    "caseReference");
        } else {
            assertThat(extras).as("case variables at %s", taskKey).contains("submittedBy", "municipalityCode",
                    "reference", "requestId", "caseReference");
        }
        WebappSession session = session(user);
        String path = WebappSession.ENGINE_API + "task/" + task.getId();
        HttpResponse<String> claim = session.post(path + "/claim", Map.of("userId", user));
        assertThat(claim.statusCode()).as("claim of %s by %s: %s", taskKey, user, claim.body()).isEqualTo(204);

        refusesEachExtra(session, path + "/submit-form", form, values, extras);

        HttpResponse<String> completed = session.post(path + "/submit-form",
                Map.of("variables", WebappSession.variables(values)));
        assertThat(completed.statusCode()).as("%s by %s: %s", taskKey, user, completed.body()).isEqualTo(204);
        formsReached.add(form.path("id").asText());
        Jobs.runDue(engine);
    }

    private void refusesEachExtra(WebappSession session, String path, JsonNode form, Map<String, Object> values,
                                  Set<String> extras) {
        StoredNothing stored = StoredNothing.since(jdbc);
        for (String extra : extras) {
            Map<String, Object> withExtra = new LinkedHashMap<>(values);
            withExtra.put(extra, "0518");
            assertRefused(session.post(path, Map.of("variables", WebappSession.variables(withExtra))), extra);
        }
        assertThat(stored.assertStoredNothingBut(extras.size() + " extra variables in " + form.path("id").asText()))
                .isEqualTo(extras.size());
        assertThat(stored.refusals()).allSatisfy(refusal -> {
            assertThat(refusal.get("action")).isEqualTo("forbidden-fields-refused");
            assertThat(refusal.get("user_id")).isEqualTo(session.user());
        });
    }

    private static void assertRefused(HttpResponse<String> response, String field) {
        JsonNode problem = ProblemAssertions.assertProblem(response, 400);
        assertThat(ProblemAssertions.errorFields(problem)).as("refused fields").containsExactly(field);
        assertThat(problem.path("message").asText()).as("what Tasklist shows")
                .startsWith("Dit formulier kan dit veld niet versturen: ").contains(field);
    }

    // ------------------------------------------------------------------ helpers

    private WebappSession session(String user) {
        return sessions.computeIfAbsent(user, name -> WebappSession.login(port, "tasklist", name));
    }

    private Task task(String reference, String taskKey, String candidateGroup) {
        return candidateGroup == null ? CaseSteps.openTask(engine.getTaskService(), reference, taskKey)
                : CaseSteps.openTask(engine.getTaskService(), reference, taskKey, candidateGroup);
    }

    private String processInstance(String reference) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .singleResult().getId();
    }

    private static JsonNode form(InputStream in) {
        try (in) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
