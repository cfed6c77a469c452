package nl.doorbraak.decision;

import static nl.doorbraak.support.CaseSteps.advise;
import static nl.doorbraak.support.CaseSteps.completeCurrentTask;
import static nl.doorbraak.support.CaseSteps.decision;
import static nl.doorbraak.support.CaseSteps.intakeComplete;
import static nl.doorbraak.support.CaseSteps.postJson;
import static nl.doorbraak.support.CaseSteps.request;
import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.submit;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static nl.doorbraak.support.ProblemAssertions.assertProblem;
import static nl.doorbraak.support.ProblemAssertions.errorFields;
import static nl.doorbraak.support.ProblemAssertions.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.doorbraak.assessment.ProcessCoverage;
import nl.doorbraak.audit.AuditEntry;
import nl.doorbraak.audit.AuditQueries;
import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.support.Http;
import nl.doorbraak.support.Jobs;
import nl.doorbraak.support.LetterTexts;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TestMailServer;
import nl.doorbraak.support.TestMailServer.ReceivedMail;
import nl.doorbraak.support.TestUsers;
import nl.doorbraak.webapps.WebappSession;

/**
 * The programme director amends and revokes decisions through the API: every version kept,
 * the evaluation timer following an amended date, a revocation ending the follow-up, a letter per
 * change through the outbox, an audit entry per change, the municipality's timeline; and the
 * refusals: 400 with every error, 404, 403, 409 on a stale version or a revoked decision.
 * Requests here come from Tilburg (0855); Heerlen (0917) is the other municipality.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DecisionChangeApiTests {

    private static final String DIRECTOR = TestUsers.PROGRAMME_DIRECTOR;
    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy",
            Locale.forLanguageTag("nl"));

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    HistoryService historyService;
    @Autowired
    AuditQueries auditQueries;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Http http;
    /** The cases decided here, whose decision-change instances the coverage check collects. */
    final List<String> decidedHere = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** A word in each case's title, to find it in the decision register. */
    final Map<String, String> titleTokens = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void anAmendedExperimentKeepsItsFirstVersionMovesTheEvaluationAndWritesToTheMunicipality() {
        String email = uniqueEmail("tilburg");
        LocalDate effective = LocalDate.now().plusMonths(1);
        LocalDate evaluation = effective.plusYears(1);
        String reference = decidedExperiment(email, effective, evaluation);
        String processInstance = processOf(reference);

        JsonNode first = versions(reference, "tilburg");
        assertThat(first.path("version").asInt()).isEqualTo(1);
        assertThat(first.path("revoked").asBoolean()).isFalse();
        assertThat(first.path("versions")).hasSize(1);
        assertThat(first.path("versions").get(0).path("change").asText()).isEqualTo("decided");
        assertThat(first.path("versions").get(0).path("status").asText()).isEqualTo("Geldend");

        LocalDate later = evaluation.plusMonths(6);
        Map<String, Object> amendment = experiment(effective, later);
        amendment.put("conditions", "Halfjaarlijks een tussenrapportage aan het programmabureau.");
        amendment.put("version", 1);
        amendment.put("reason", "De gemeente heeft meer tijd nodig om de effecten te meten.");
        HttpResponse<String> amended = postJson(http, amendmentsOf(reference), DIRECTOR, amendment);

        assertThat(amended.statusCode()).as(amended.body()).isEqualTo(200);
        JsonNode versions = Http.json(amended);
        assertThat(versions.path("version").asInt()).isEqualTo(2);
        assertThat(versions.path("versions")).hasSize(2);
        JsonNode was = versions.path("versions").get(0);
        JsonNode now = versions.path("versions").get(1);
        assertThat(was.path("status").asText()).isEqualTo("Vervangen");
        assertThat(was.path("evaluationDate").asText()).isEqualTo(evaluation.toString());
        assertThat(was.path("conditions").asText(null)).isNull();
        assertThat(now.path("status").asText()).isEqualTo("Geldend");
        assertThat(now.path("change").asText()).isEqualTo("amended");
        assertThat(now.path("changeLabel").asText()).isEqualTo("Gewijzigd besluit");
        assertThat(now.path("evaluationDate").asText()).isEqualTo(later.toString());
        assertThat(now.path("changedBy").asText()).isEqualTo(DIRECTOR);
        assertThat(now.path("reason").asText()).isEqualTo(amendment.get("reason"));
        // the register's current decision is the amended one
        JsonNode current = request(http, "tilburg", reference).path("decision");
        assertThat(current.path("evaluationDate").asText()).isEqualTo(later.toString());
        assertThat(current.path("conditions").asText()).isEqualTo(amendment.get("conditions"));

        // the case still waits for the evaluation, now until the amended date
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(processInstance)
                .activityId("Event_EvaluationDate").singleResult();
        Date due = Date.from(later.atTime(9, 0).atZone(CaseClock.DUTCH_TIME).toInstant());
        assertThat(timer.getDuedate()).isEqualTo(due);
        assertThat(engine.getRuntimeService().getVariable(processInstance, "evaluationDue")).isEqualTo(due);

        Jobs.runDue(engine);
        List<ReceivedMail> letters = TestMailServer.receivedBy(email).stream()
                .filter(mail -> mail.subject().startsWith("Wijziging")).toList();
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).subject()).isEqualTo("Wijziging van het besluit op uw verzoek " + reference);
        assertThat(letters.get(0).body()).contains("Wij hebben het besluit op uw verzoek " + reference);
        assertThat(LetterTexts.latest(jdbc, reference)).contains("Dit is versie 2 van het besluit",
                LetterTexts.flat((String) amendment.get("reason")),
                "Evaluatiedatum: " + DUTCH_DATE.format(evaluation) + " wordt " + DUTCH_DATE.format(later),
                "Voorwaarden: (geen) wordt " + LetterTexts.flat((String) amendment.get("conditions")),
                "Bent u het niet eens met dit besluit?", "binnen zes weken");

        List<AuditEntry> amendedEntries = auditQueries.applicationEntries(reference).stream()
                .filter(entry -> "decision-amended".equals(entry.action())).toList();
        assertThat(amendedEntries).hasSize(1);
        assertThat(amendedEntries.get(0).userId()).isEqualTo(DIRECTOR);
        assertThat(amendedEntries.get(0).explanation()).isEqualTo(amendment.get("reason"));
        assertThat(amendedEntries.get(0).changes()).contains(evaluation.toString(), later.toString());
        assertThat(timelineTexts(reference)).contains("Besluit gewijzigd: " + amendment.get("reason"));

        // the Woo export: a row per version, without who changed it or the municipality's contact
        List<String> rows = wooRows(reference);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).startsWith(reference + ",rule-change,Tilburg,")
                .contains("," + evaluation + ",,,").contains(",1,Vervangen,Besluit,").endsWith(",");
        assertThat(rows.get(1)).contains("," + later + ",,,").contains(",2,Geldend,Gewijzigd besluit,")
                .endsWith("," + amendment.get("reason"));
        assertThat(String.join("\n", rows)).doesNotContain(DIRECTOR).doesNotContain(email).doesNotContain("J. de Vries");
        JsonNode register = Http.json(http.get("/api/v1/decisions?q=" + titleTokens.get(reference), "tilburg"));
        assertThat(register.path("items")).hasSize(1);
        assertThat(register.path("items").get(0).path("version").asInt()).isEqualTo(2);
        assertThat(register.path("items").get(0).path("versionStatus").asText()).isEqualTo("Geldend");

        // a second amendment of version 1 comes too late
        HttpResponse<String> stale = postJson(http, amendmentsOf(reference), DIRECTOR, amendment);
        assertThat(assertProblem(stale, 409).path("detail").asText()).contains("intussen gewijzigd");
        assertThat(versions(reference, DIRECTOR).path("versions")).hasSize(2);
    }

    @Test
    void aRevocationEndsTheWaitForTheEvaluationAndTheDecisionCannotChangeAfterwards() {
        String email = uniqueEmail("tilburg");
        LocalDate effective = LocalDate.now().plusMonths(1);
        String reference = decidedExperiment(email, effective, effective.plusYears(1));
        String processInstance = processOf(reference);
        String reason = "De gemeente voert het experiment niet uit.";

        HttpResponse<String> revoked = postJson(http, revocationOf(reference), DIRECTOR,
                Map.of("version", 1, "reason", reason));

        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        JsonNode versions = Http.json(revoked);
        assertThat(versions.path("revoked").asBoolean()).isTrue();
        assertThat(versions.path("versions").get(1).path("status").asText()).isEqualTo("Ingetrokken");
        assertThat(versions.path("versions").get(1).path("changeLabel").asText()).isEqualTo("Ingetrokken besluit");
        JsonNode afterwards = request(http, "tilburg", reference);
        assertThat(afterwards.path("status").asText()).isEqualTo("decision-revoked");
        assertThat(afterwards.path("statusLabel").asText()).isEqualTo("Besluit ingetrokken");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstance).count())
                .as("the case no longer waits for the evaluation").isZero();
        HistoricProcessInstance ended = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstance).singleResult();
        assertThat(ended.getDeleteReason()).isEqualTo("Besluit ingetrokken: " + reason);
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(processInstance).count()).isZero();

        Jobs.runDue(engine);
        List<ReceivedMail> letters = TestMailServer.receivedBy(email).stream()
                .filter(mail -> mail.subject().startsWith("Intrekking")).toList();
        assertThat(letters).extracting(ReceivedMail::subject)
                .containsExactly("Intrekking van het besluit op uw verzoek " + reference);
        assertThat(letters.get(0).body()).contains("ingetrokken");
        assertThat(LetterTexts.latest(jdbc, reference)).contains(LetterTexts.flat(reason),
                "Wij hebben besloten het besluit per", "toegekend, experiment", "Bent u het niet eens met dit besluit?");
        assertThat(auditQueries.applicationEntries(reference)).extracting(AuditEntry::action)
                .contains("decision-revoked");
        assertThat(wooRows(reference)).satisfiesExactly(
                decided -> assertThat(decided).contains(",1,Vervangen,Besluit,"),
                revocation -> assertThat(revocation).contains(",2,Ingetrokken,Ingetrokken besluit,")
                        .endsWith("," + reason));
        assertThat(timelineTexts(reference)).contains("Besluit ingetrokken: " + reason);
        // a revoked decision is no precedent any more
        assertThat(http.get("/api/v1/precedents?nationalRule=participatiewet", "tilburg").body()).doesNotContain(reference);

        Map<String, Object> amendment = experiment(effective, effective.plusYears(2));
        amendment.put("version", 2);
        amendment.put("reason", "Toch doorgaan.");
        assertThat(assertProblem(postJson(http, amendmentsOf(reference), DIRECTOR, amendment), 409)
                .path("detail").asText()).contains("ingetrokken");
        assertProblem(postJson(http, revocationOf(reference), DIRECTOR, Map.of("version", 2, "reason", "Nogmaals.")),
                409);
    }

    @Test
    void anAmendmentIsCheckedWithTheRulesOfTheDecisionFormAndAllErrorsAtOnce() {
        String reference = decidedExperiment(uniqueEmail("tilburg"), LocalDate.now().plusMonths(1),
                LocalDate.now().plusMonths(13));

        JsonNode empty = assertProblem(postJson(http, amendmentsOf(reference), DIRECTOR, Map.of("colour", "rood")), 400);
        assertThat(errorFields(empty)).contains("colour", "version", "reason", "decisionOutcome", "rationale");

        Map<String, Object> beforeItsStart = experiment(LocalDate.now().plusMonths(2), LocalDate.now().plusMonths(1));
        beforeItsStart.put("version", 1);
        JsonNode dates = assertProblem(postJson(http, amendmentsOf(reference), DIRECTOR, beforeItsStart), 400);
        assertThat(errorFields(dates)).containsExactlyInAnyOrder("evaluationDate", "reason");
        assertThat(errorMessage(dates, "evaluationDate")).isEqualTo("Evaluatiedatum moet na de ingangsdatum liggen.");

        Map<String, Object> intoARejection = decision("rejected", "Toch niet.");
        intoARejection.put("version", 1);
        intoARejection.put("reason", "Heroverweging.");
        JsonNode rejection = assertProblem(postJson(http, amendmentsOf(reference), DIRECTOR, intoARejection), 400);
        assertThat(errorMessage(rejection, "decisionOutcome")).contains("trek het besluit in");

        Map<String, Object> withoutEvaluation = decision("granted", "Beleidsregel in plaats van experiment.");
        withoutEvaluation.put("version", 1);
        withoutEvaluation.put("reason", "Heroverweging.");
        JsonNode instrument = assertProblem(postJson(http, amendmentsOf(reference), DIRECTOR, withoutEvaluation), 400);
        assertThat(errorFields(instrument)).containsExactly("instrument");

        Map<String, Object> revocation = new LinkedHashMap<>(Map.of("version", 0, "colour", "rood"));
        JsonNode revoke = assertProblem(postJson(http, revocationOf(reference), DIRECTOR, revocation), 400);
        assertThat(errorFields(revoke)).containsExactlyInAnyOrder("version", "reason", "colour");

        assertThat(versions(reference, DIRECTOR).path("versions")).as("nothing changed").hasSize(1);
        assertThat(auditQueries.applicationEntries(reference)).extracting(AuditEntry::action)
                .doesNotContain("decision-amended", "decision-revoked");
    }

    @Test
    void onlyTheProgrammeDirectorChangesADecisionAndOnlyWhoMaySeeTheRequestReadsItsVersions() {
        String reference = decidedExperiment(uniqueEmail("tilburg"), LocalDate.now().plusMonths(1),
                LocalDate.now().plusMonths(13));
        Map<String, Object> revocation = Map.of("version", 1, "reason", "Toets.");

        assertProblem(postJson(http, revocationOf(reference), TestUsers.PROGRAMME_OFFICE, revocation), 403);
        assertProblem(postJson(http, revocationOf(reference), "tilburg", revocation), 403);
        assertProblem(postJson(http, revocationOf(reference), "heerlen", revocation), 404);
        assertProblem(postJson(http, amendmentsOf(reference), TestUsers.AUDITOR, revocation), 403);
        assertProblem(postJson(http, revocationOf("NPLV-2026-99999"), DIRECTOR, revocation), 404);
        assertProblem(http.get("/api/v1/requests/" + reference + "/decision/versions", "heerlen"), 404);
        assertProblem(http.get("/api/v1/requests/NPLV-2026-99999/decision/versions", DIRECTOR), 404);
        assertThat(versions(reference, TestUsers.REVIEWER_SZW).path("versions")).hasSize(1);

        String undecided = submit(http, "tilburg", ruleChange("tilburg-noordwest", uniqueEmail("tilburg")));
        assertThat(versions(undecided, "tilburg").path("versions")).isEmpty();
        assertThat(assertProblem(postJson(http, revocationOf(undecided), DIRECTOR, revocation), 409)
                .path("detail").asText()).contains("nog geen besluit");
    }

    @Test
    void aPooledBudgetsGrantedLinesAreAmendedPerMinistryAndARevocationEndsItsAccountability() {
        String email = uniqueEmail("heerlen");
        String reference = submit(http, "heerlen", nl.doorbraak.support.CaseSteps.budgetPooling("heerlen-noord", email));
        completeCurrentTask(http, engine.getTaskService(), reference, "Task_CheckBudgetLines",
                TestUsers.PROGRAMME_OFFICE, Map.of("intakeOutcome", "complete"));
        for (String ministry : List.of("ocw", "szw", "vws")) {
            advise(http, engine, reference, ministry, "support", "Past binnen het programma.");
        }
        completeCurrentTask(http, engine.getTaskService(), reference, "Task_DecidePooling", DIRECTOR,
                pooled("1200000.50", 0, "300000,00"));
        completeCurrentTask(http, engine.getTaskService(), reference, "Task_CoSign", "reviewer-fin",
                Map.of("coSignOutcome", "co-signed"));
        Jobs.runDue(engine);
        decidedHere.add(reference);
        String processInstance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(reference).processDefinitionKey("budget-pooling-request").singleResult().getId();

        Map<String, Object> tooMuch = pooled("2400000.01", 0, "300000,00");
        tooMuch.put("version", 1);
        tooMuch.put("reason", "Meer voor OCW.");
        JsonNode refused = assertProblem(postJson(http, amendmentsOf(reference), DIRECTOR, tooMuch), 400);
        assertThat(errorFields(refused)).anyMatch(field -> field.startsWith("grantedLines"));

        Map<String, Object> amendment = pooled("1500000,00", "100000.00", "300000,00");
        amendment.put("version", 1);
        amendment.put("reason", "OCW en SZW hebben extra ruimte gevonden.");
        HttpResponse<String> amended = postJson(http, amendmentsOf(reference), DIRECTOR, amendment);
        assertThat(amended.statusCode()).as(amended.body()).isEqualTo(200);
        JsonNode versions = Http.json(amended).path("versions");
        assertThat(versions.get(0).path("grantedLines").get(0).path("grantedAmount").decimalValue())
                .isEqualByComparingTo("1200000.50");
        assertThat(versions.get(1).path("grantedLines").get(0).path("grantedAmount").decimalValue())
                .isEqualByComparingTo("1500000.00");
        assertThat(versions.get(1).path("grantedLines").get(1).path("grantedAmount").decimalValue())
                .isEqualByComparingTo("100000.00");
        JsonNode current = request(http, "heerlen", reference).path("decision");
        assertThat(current.path("budgetLines").get(1).path("grantedAmount").decimalValue())
                .isEqualByComparingTo("100000.00");
        assertThat(current.path("coSignOutcome").asText()).as("the co-signature stays").isEqualTo("co-signed");
        List<String> rows = csvRows("kansrijke", reference);
        assertThat(rows).satisfiesExactly(
                first -> assertThat(first).contains("ocw=1200000.50; szw=0.00; vws=300000.00", ",1,Vervangen,"),
                second -> assertThat(second).contains("ocw=1500000.00; szw=100000.00; vws=300000.00", ",2,Geldend,"));

        HttpResponse<String> revoked = postJson(http, revocationOf(reference), DIRECTOR,
                Map.of("version", 2, "reason", "De gemeente ziet af van de bundeling."));
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstance).count())
                .as("no accountability is asked for a revoked pooling").isZero();
        assertThat(request(http, "heerlen", reference).path("status").asText()).isEqualTo("decision-revoked");

        Jobs.runDue(engine);
        List<ReceivedMail> letters = TestMailServer.receivedBy(email);
        assertThat(letters).extracting(ReceivedMail::subject).contains(
                "Wijziging van het besluit op uw verzoek " + reference,
                "Intrekking van het besluit op uw verzoek " + reference);
        List<String> archived = LetterTexts.of(jdbc, reference);
        assertThat(archived.get(archived.size() - 2)).contains("Toegekend bedrag OCW: ", "Toegekend bedrag SZW: ",
                "In totaal kennen wij ").doesNotContain("Toegekend bedrag VWS");
    }

    @Test
    void theOpenApiDocumentDescribesBothBodiesFromTheRulesThatCheckThem() {
        JsonNode document = Http.json(http.get("/api/v1/openapi.json"));
        JsonNode amendment = document.path("components").path("schemas").path("DecisionAmendment");
        assertThat(amendment.path("properties").has("decisionOutcome")).isTrue();
        assertThat(amendment.path("properties").has("evaluationDate")).isTrue();
        assertThat(amendment.path("properties").has("reason")).isTrue();
        assertThat(amendment.path("required").toString()).contains("version", "reason", "rationale");
        assertThat(document.path("components").path("schemas").path("DecisionRevocation").path("properties").has("version"))
                .isTrue();
        assertThat(document.path("paths").path("/api/v1/requests/{reference}/decision/amendments").path("post")
                .path("requestBody").toString()).contains("#/components/schemas/DecisionAmendment");
        assertThat(document.path("paths").path("/api/v1/requests/{reference}/decision/revocation").path("post")
                .path("requestBody").toString()).contains("#/components/schemas/DecisionRevocation");
    }

    @Test
    void nobodyStartsTheLetterOfADecisionChangeThroughTasklistsEngineApi() {
        String path = WebappSession.ENGINE_API + "process-definition/key/" + DecisionChanges.PROCESS + "/";
        for (String user : List.of(TestUsers.ROTTERDAM, TestUsers.PROGRAMME_OFFICE, DIRECTOR)) {
            WebappSession tasklist = WebappSession.login(port, "tasklist", user);
            assertThat(assertProblem(tasklist.post(path + "submit-form", Map.of("variables", Map.of())), 403)
                    .path("detail").asText()).as(user).contains("kan niet vanuit Tasklist worden gestart");
            assertProblem(tasklist.post(path + "start", Map.of("businessKey", "NPLV-2026-00001")), 403);
        }
    }

    @AfterAll
    void everyFlowNodeOfTheDecisionChangeModelWasReached() {
        List<String> instances = decidedHere.stream().flatMap(reference -> historyService
                .createHistoricProcessInstanceQuery().processDefinitionKey(DecisionChanges.PROCESS)
                .processInstanceBusinessKey(reference).list().stream()).map(HistoricProcessInstance::getId).toList();
        assertThat(instances).as("letters sent by the decision-change process").isNotEmpty();
        Map<String, Set<String>> missing = ProcessCoverage.missing(engine, instances, List.of(DecisionChanges.PROCESS),
                DecisionChanges.PROCESS);
        assertThat(missing).allSatisfy((model, nodes) -> assertThat(nodes).as("not reached in %s", model).isEmpty());
    }

    // ------------------------------------------------------------------ helpers

    /** A Tilburg request, through intake and SZW's advice, granted as an experiment by the director. */
    private String decidedExperiment(String email, LocalDate effective, LocalDate evaluation) {
        String token = java.util.UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new LinkedHashMap<>(ruleChange("tilburg-noordwest", email, "income-support"));
        body.put("title", "Kostendelersnorm buiten toepassing " + token);
        String reference = submit(http, "tilburg", body);
        titleTokens.put(reference, token);
        intakeComplete(http, engine.getTaskService(), reference, "income-support");
        advise(http, engine, reference, "szw", "support", "Past binnen de experimenteerbepaling.");
        completeCurrentTask(http, engine.getTaskService(), reference, "Task_Decide", DIRECTOR,
                experiment(effective, evaluation));
        Jobs.runDue(engine);
        decidedHere.add(reference);
        return reference;
    }

    private String processOf(String reference) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey("rule-change-request").singleResult().getId();
    }

    /** A partial grant of the three budget lines of {@code CaseSteps.budgetPooling}. */
    private static Map<String, Object> pooled(Object ocw, Object szw, Object vws) {
        Map<String, Object> values = new LinkedHashMap<>(decision("partly-granted", "Alleen een deel past."));
        values.put("instrument", "pooled-specific-grant");
        values.put("grantedLines", List.of(Map.of("ministry", "ocw", "grantedAmount", ocw),
                Map.of("ministry", "szw", "grantedAmount", szw), Map.of("ministry", "vws", "grantedAmount", vws)));
        return values;
    }

    /** The rows of the Woo export found by a word in the title, of this case only. */
    private List<String> csvRows(String titleWord, String reference) {
        HttpResponse<String> csv = http.get("/api/v1/decisions?format=csv&pageSize=100&q=" + titleWord, TestUsers.AUDITOR);
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        return csv.body().lines().filter(line -> line.startsWith(reference + ",")).toList();
    }

    private static Map<String, Object> experiment(LocalDate effective, LocalDate evaluation) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("decisionOutcome", "granted");
        values.put("rationale", "Het experiment past binnen de experimenteerbepaling van de Participatiewet.");
        values.put("instrument", "experiment");
        values.put("effectiveDate", effective.toString());
        values.put("evaluationDate", evaluation.toString());
        return values;
    }

    private JsonNode versions(String reference, String user) {
        HttpResponse<String> response = http.get("/api/v1/requests/" + reference + "/decision/versions", user);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    /** The rows of the Woo export (CSV) of the decision register on this case, one per version. */
    private List<String> wooRows(String reference) {
        HttpResponse<String> csv = http.get("/api/v1/decisions?format=csv&q=" + titleTokens.get(reference),
                TestUsers.AUDITOR);
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0))
                .endsWith(",grantedTotal,grantedAmounts,endDate,endedAt,version,versionStatus,change,changedAt,changeReason");
        return lines.subList(1, lines.size());
    }

    private List<String> timelineTexts(String reference) {
        HttpResponse<String> response = http.get("/api/v1/requests/" + reference + "/timeline", "tilburg");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> texts = new java.util.ArrayList<>();
        Http.json(response).path("items").forEach(item -> texts.add(item.path("text").asText()));
        return texts;
    }

    private static String amendmentsOf(String reference) {
        return "/api/v1/requests/" + reference + "/decision/amendments";
    }

    private static String revocationOf(String reference) {
        return "/api/v1/requests/" + reference + "/decision/revocation";
    }
}
