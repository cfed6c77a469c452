package nl.doorbraak.request;

import static nl.doorbraak.support.CaseSteps.advise;
import static nl.doorbraak.support.CaseSteps.completeCurrentTask;
import static nl.doorbraak.support.CaseSteps.decision;
import static nl.doorbraak.support.CaseSteps.intakeAsks;
import static nl.doorbraak.support.CaseSteps.intakeComplete;
import static nl.doorbraak.support.CaseSteps.postJson;
import static nl.doorbraak.support.CaseSteps.references;
import static nl.doorbraak.support.CaseSteps.request;
import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.submit;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static nl.doorbraak.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.platform.time.WorkingDays;
import nl.doorbraak.support.Http;
import nl.doorbraak.support.Jobs;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TestMailServer;
import nl.doorbraak.support.TestMailServer.ReceivedMail;
import nl.doorbraak.support.TestUsers;

/**
 * The municipality's side of the requests API: following a request from intake to decision,
 * safe retries with an Idempotency-Key, who sees which requests, paging, and withdrawal.
 * Requests here are submitted by Utrecht (0344), Groningen (0014) and Leeuwarden (0080).
 */
@PostgresIntegrationTest
class RequestApiTests {

    static final String UTRECHT = "utrecht";
    static final String UTRECHT_AREA = "utrecht-overvecht";
    static final String GRONINGEN = "groningen";
    static final String GRONINGEN_AREA = "groningen-noord";
    static final String LEEUWARDEN = "leeuwarden";
    static final String LEEUWARDEN_AREA = "leeuwarden-oost";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    // ------------------------------------------------------------------ following a request

    @Test
    void aMunicipalityFollowsItsRequestFromIntakeThroughQuestionsAndAdviceToTheDecision() {
        String email = uniqueEmail(UTRECHT);
        Instant submitted = Instant.now();
        String reference = submit(http, UTRECHT, ruleChange(UTRECHT_AREA, email, "income-support"));

        JsonNode intake = request(http, UTRECHT, reference);
        assertThat(intake.path("reference").asText()).isEqualTo(reference);
        assertThat(intake.path("kind").asText()).isEqualTo("rule-change");
        assertThat(intake.path("municipality").asText()).isEqualTo("0344");
        assertThat(intake.path("municipalityName").asText()).isEqualTo("Utrecht");
        assertThat(intake.path("focusArea").asText()).isEqualTo(UTRECHT_AREA);
        assertThat(intake.path("focusAreaName").asText()).isEqualTo("Overvecht");
        assertThat(intake.path("submittedBy").asText()).isEqualTo(UTRECHT);
        assertThat(intake.path("submission").path("contactEmail").asText()).isEqualTo(email);
        assertStatus(intake, "intake", "In intake bij het programmabureau");
        assertThat(intake.path("routedTo")).isEmpty();
        assertThat(intake.hasNonNull("decision")).isFalse();
        assertThat(intake.hasNonNull("closedAt")).isFalse();
        JsonNode intakeTask = onlyOpenTask(intake);
        assertThat(intakeTask.path("taskDefinitionKey").asText()).isEqualTo("Task_Intake");
        assertThat(intakeTask.path("name").asText()).isEqualTo("Intake verzoek " + reference);
        assertThat(groups(intakeTask)).containsExactly("programme-office");
        assertDue(intakeTask, submitted, 5);

        // the programme office asks a question: the municipality gets an e-mail and a task
        String question = "Hoeveel huishoudens in Overvecht vallen onder de kostendelersnorm?";
        Instant asked = Instant.now();
        intakeAsks(http, processEngine, reference, question, "income-support");

        JsonNode informationRequested = request(http, UTRECHT, reference);
        assertStatus(informationRequested, "information-requested", "Informatie gevraagd aan de gemeente");
        JsonNode provideTask = onlyOpenTask(informationRequested);
        assertThat(provideTask.path("taskDefinitionKey").asText()).isEqualTo("Task_ProvideInformation");
        assertThat(groups(provideTask)).containsExactly("municipality-0344");
        assertDue(provideTask, asked, 10);
        List<ReceivedMail> questionMails = TestMailServer.receivedBy(email);
        assertThat(questionMails).hasSize(1);
        assertThat(questionMails.get(0).subject()).isEqualTo("Vraag over uw verzoek " + reference);
        assertThat(questionMails.get(0).body()).contains(reference).contains(question).contains("het programmabureau")
                .contains("Informatie aanleveren").contains("stellen wij uw verzoek buiten behandeling");

        // the municipality answers: back to intake
        completeCurrentTask(http, taskService, reference, "Task_ProvideInformation", UTRECHT,
                Map.of("informationAnswer", "Ongeveer 340 huishoudens, zie de bijgevoegde wijkanalyse."));
        JsonNode backInIntake = request(http, UTRECHT, reference);
        assertStatus(backInIntake, "intake", "In intake bij het programmabureau");
        assertThat(onlyOpenTask(backInIntake).path("taskDefinitionKey").asText()).isEqualTo("Task_Intake");
        assertThat(texts(backInIntake.path("currentSteps"))).containsExactly("Intake");

        // intake complete: routed to SZW (income support) and, added by the programme office, VWS
        Instant routed = Instant.now();
        completeCurrentTask(http, taskService, reference, "Task_Intake", TestUsers.PROGRAMME_OFFICE, Map.of(
                "intakeOutcome", "complete", "ruleDomains", List.of("income-support"),
                "extraMinistries", List.of("vws")));
        JsonNode assessment = request(http, UTRECHT, reference);
        assertStatus(assessment, "assessment", "In beoordeling bij de ministeries");
        assertThat(texts(assessment.path("routedTo"))).containsExactly("szw", "vws");
        assertThat(texts(assessment.path("currentSteps"))).containsExactly("Beoordelen");
        assertThat(assessment.path("openTasks")).hasSize(2);
        for (JsonNode task : assessment.path("openTasks")) {
            assertThat(task.path("taskDefinitionKey").asText()).isEqualTo("Task_Assess");
            assertDue(task, routed, 20);
        }
        assertThat(assessment.path("openTasks").findValuesAsText("name")).containsExactlyInAnyOrder(
                "Beoordelen verzoek " + reference + " (SZW)", "Beoordelen verzoek " + reference + " (VWS)");
        List<String> assessors = new ArrayList<>();
        assessment.path("openTasks").forEach(task -> assessors.addAll(groups(task)));
        assertThat(assessors).containsExactlyInAnyOrder("ministry-szw", "ministry-vws");

        // one advice in: still in assessment, one task left
        advise(http, processEngine, reference, "szw", "support", "Past binnen de experimenteerbepaling.");
        JsonNode halfway = request(http, UTRECHT, reference);
        assertStatus(halfway, "assessment", "In beoordeling bij de ministeries");
        assertThat(groups(onlyOpenTask(halfway))).containsExactly("ministry-vws");

        // both advices in: the director decides
        Instant advised = Instant.now();
        advise(http, processEngine, reference, "vws", "support-with-conditions", "Steun, mits de zorg blijft.");
        JsonNode awaitingDecision = request(http, UTRECHT, reference);
        assertStatus(awaitingDecision, "decision", "Wacht op besluit");
        JsonNode decideTask = onlyOpenTask(awaitingDecision);
        assertThat(decideTask.path("taskDefinitionKey").asText()).isEqualTo("Task_Decide");
        assertThat(groups(decideTask)).containsExactly("programme-director");
        assertDue(decideTask, advised, 10);
        assertThat(awaitingDecision.hasNonNull("decision")).isFalse();
        assertThat(texts(awaitingDecision.path("currentSteps"))).containsExactly("Besluiten");

        // the decision: recorded at once, the letter goes out asynchronously
        String rationale = "Het experiment draagt bij aan de integrale aanpak in Overvecht.";
        completeCurrentTask(http, taskService, reference, "Task_Decide", TestUsers.PROGRAMME_DIRECTOR,
                decision("granted", rationale));
        JsonNode decided = request(http, UTRECHT, reference);
        assertStatus(decided, "decided", "Besloten");
        // the request's own steps are done; the granted policy change is followed at the ministry (section 11)
        assertThat(decided.path("openTasks").findValuesAsText("taskDefinitionKey"))
                .containsExactly("Task_UpdateImplementation");
        assertThat(decided.path("implementation").path("changeKind").asText()).isEqualTo("policy");
        JsonNode decisionNode = decided.path("decision");
        assertThat(decisionNode.path("outcome").asText()).isEqualTo("granted");
        assertThat(decisionNode.path("outcomeLabel").asText()).isEqualTo("Toegekend");
        assertThat(decisionNode.path("instrument").asText()).isEqualTo("policy-change");
        assertThat(decisionNode.path("instrumentLabel").asText())
                .isEqualTo("Wijziging van beleidsregel, circulaire of besluit");
        assertThat(decisionNode.path("rationale").asText()).isEqualTo(rationale);
        assertThat(decisionNode.path("effectiveDate").asText())
                .isEqualTo(java.time.LocalDate.now().plusMonths(1).toString());
        assertThat(decisionNode.hasNonNull("decidedAt")).isTrue();
        assertThat(TestMailServer.receivedBy(email)).extracting(ReceivedMail::subject)
                .doesNotContain("Besluit op uw verzoek " + reference);

        Jobs.runDue(processEngine);

        List<ReceivedMail> decisionMails = TestMailServer.receivedBy(email).stream()
                .filter(mail -> mail.subject().startsWith("Besluit")).toList();
        assertThat(decisionMails).hasSize(1);
        assertThat(decisionMails.get(0).subject()).isEqualTo("Besluit op uw verzoek " + reference);
        assertThat(decisionMails.get(0).body())
                .contains("Wij hebben besloten over uw verzoek " + reference)
                .contains("/verzoeken/" + reference + "/documenten/")
                .contains("/api/v1/requests/" + reference + "/documents/");
        assertThat(nl.doorbraak.support.LetterTexts.latest(jdbc, reference))
                .contains("Wij hebben besloten uw verzoek toe te kennen.")
                .contains("Wijziging van beleidsregel, circulaire of besluit")
                .contains(nl.doorbraak.support.LetterTexts.flat(rationale));
        JsonNode closed = request(http, UTRECHT, reference);
        assertStatus(closed, "decided", "Besloten");
        assertThat(closed.hasNonNull("closedAt")).as("closed once the letter is sent").isTrue();
        // the request's process has ended; only the following of the granted policy change goes on
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).list())
                .extracting(org.camunda.bpm.engine.runtime.ProcessInstance::getProcessDefinitionId)
                .singleElement().asString().startsWith("implementation-tracking:");
    }

    // ------------------------------------------------------------------ Idempotency-Key

    @Test
    void retryingASubmissionWithTheSameIdempotencyKeyReturnsTheFirstRequestAndStartsNothingNew() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = ruleChange(UTRECHT_AREA, uniqueEmail(UTRECHT), "income-support");

        HttpResponse<String> first = postJson(http, "/api/v1/requests", UTRECHT, body, key);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        String reference = Http.json(first).path("reference").asText();
        assertThat(first.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/api/v1/requests/" + reference));
        long rowsAfterFirst = requestRows("0344");
        long instancesAfterFirst = ruleChangeInstances();

        HttpResponse<String> retry = postJson(http, "/api/v1/requests", UTRECHT, body, key);
        assertThat(retry.statusCode()).as(retry.body()).isIn(200, 201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(Http.json(retry).path("reference").asText()).isEqualTo(reference);
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));

        assertThat(jdbc.sql("SELECT count(*) FROM request WHERE reference = ?").param(reference)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM request WHERE idempotency_key = ?").param(key)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).count())
                .isEqualTo(1);
        assertThat(requestRows("0344")).isEqualTo(rowsAfterFirst);
        assertThat(ruleChangeInstances()).isEqualTo(instancesAfterFirst);
    }

    @Test
    void theSameIdempotencyKeyWithADifferentBodyIsA422AndStoresNothing() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = ruleChange(UTRECHT_AREA, uniqueEmail(UTRECHT), "income-support");
        HttpResponse<String> first = postJson(http, "/api/v1/requests", UTRECHT, body, key);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        String reference = Http.json(first).path("reference").asText();
        long rows = requestRows("0344");
        long instances = ruleChangeInstances();
        Object originalTitle = body.get("title");

        body.put("title", "Een heel ander verzoek onder dezelfde sleutel");
        JsonNode problem = assertProblem(postJson(http, "/api/v1/requests", UTRECHT, body, key), 422);
        assertThat(problem.path("detail").asText()).contains("Idempotency-Key");

        assertThat(requestRows("0344")).isEqualTo(rows);
        assertThat(ruleChangeInstances()).isEqualTo(instances);
        assertThat(jdbc.sql("SELECT count(*) FROM request WHERE idempotency_key = ?").param(key)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(request(http, UTRECHT, reference).path("title").asText()).isEqualTo(originalTitle);
    }

    @Test
    void concurrentRetriesWithTheSameIdempotencyKeyCreateOneRequest() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = ruleChange(UTRECHT_AREA, uniqueEmail(UTRECHT), "income-support");
        int retries = 6;
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(retries);
        List<HttpResponse<String>> responses = new ArrayList<>();
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < retries; i++) {
                calls.add(clients.submit(() -> {
                    start.await();
                    return postJson(http, "/api/v1/requests", UTRECHT, body, key);
                }));
            }
            start.countDown();
            for (var call : calls) {
                responses.add(call.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            clients.shutdownNow();
        }

        Set<String> references = new LinkedHashSet<>();
        for (HttpResponse<String> response : responses) {
            assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
            references.add(Http.json(response).path("reference").asText());
        }
        assertThat(references).hasSize(1);
        String reference = references.iterator().next();
        assertThat(responses.stream().filter(r -> r.headers().firstValue("Idempotent-Replayed").isEmpty()))
                .as("exactly one response created the request").hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM request WHERE idempotency_key = ?").param(key)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).count())
                .isEqualTo(1);
    }

    @Test
    void anIdempotencyKeyBelongsToTheMunicipalityThatUsedIt() {
        String key = UUID.randomUUID().toString();
        String utrecht = submitWithKey(UTRECHT, ruleChange(UTRECHT_AREA, uniqueEmail(UTRECHT)), key);
        String groningen = submitWithKey(GRONINGEN, ruleChange(GRONINGEN_AREA, uniqueEmail(GRONINGEN)), key);
        assertThat(groningen).isNotEqualTo(utrecht);
        assertThat(request(http, GRONINGEN, groningen).path("municipality").asText()).isEqualTo("0014");
        assertProblem(http.get("/api/v1/requests/" + utrecht, GRONINGEN), 404);
    }

    // ------------------------------------------------------------------ who sees what

    @Test
    void theListShowsAMunicipalityItsOwnRequestsAMinistryWhatWasRoutedToItAndTheProgrammeAll() {
        String socialAffairs = submit(http, UTRECHT, ruleChange(UTRECHT_AREA, uniqueEmail(UTRECHT), "income-support"));
        String health = submit(http, UTRECHT, ruleChange(UTRECHT_AREA, uniqueEmail(UTRECHT), "youth-care"));
        String groningen = submit(http, GRONINGEN, ruleChange(GRONINGEN_AREA, uniqueEmail(GRONINGEN), "income-support"));
        List<String> mine = List.of(socialAffairs, health, groningen);

        // before intake no ministry sees anything
        assertThat(visibleReferences("reviewer-szw")).doesNotContainAnyElementsOf(mine);
        assertProblem(http.get("/api/v1/requests/" + socialAffairs, "reviewer-szw"), 404);

        intakeComplete(http, taskService, socialAffairs, "income-support");
        intakeComplete(http, taskService, health, "youth-care");

        assertThat(visibleReferences(UTRECHT)).contains(socialAffairs, health).doesNotContain(groningen);
        assertThat(visibleReferences(GRONINGEN)).contains(groningen).doesNotContain(socialAffairs, health);
        assertThat(visibleReferences("reviewer-szw")).contains(socialAffairs).doesNotContain(health, groningen);
        assertThat(visibleReferences("lead-szw")).contains(socialAffairs).doesNotContain(health, groningen);
        assertThat(visibleReferences("reviewer-vws")).contains(health).doesNotContain(socialAffairs, groningen);
        assertThat(visibleReferences("reviewer-ocw")).doesNotContainAnyElementsOf(mine);
        for (String everything : List.of(TestUsers.PROGRAMME_OFFICE, TestUsers.PROGRAMME_DIRECTOR, TestUsers.AUDITOR,
                TestUsers.ADMIN)) {
            assertThat(visibleReferences(everything)).as(everything).containsAll(mine);
        }

        // what the list shows, the single request shows too
        assertThat(request(http, "reviewer-szw", socialAffairs).path("routedTo").get(0).asText()).isEqualTo("szw");
        assertProblem(http.get("/api/v1/requests/" + health, "reviewer-szw"), 404);
        assertProblem(http.get("/api/v1/requests/" + socialAffairs, GRONINGEN), 404);
        request(http, TestUsers.AUDITOR, groningen);
    }

    @Test
    void everyListedRequestIsOfTheCallersMunicipality() {
        submit(http, GRONINGEN, ruleChange(GRONINGEN_AREA, uniqueEmail(GRONINGEN)));
        JsonNode page = Http.json(ok(http.get("/api/v1/requests?page=1&pageSize=100", GRONINGEN)));
        assertThat(page.path("items")).isNotEmpty();
        assertThat(page.path("items").findValuesAsText("municipality")).containsOnly("0014");
        JsonNode first = page.path("items").get(0);
        assertThat(first.path("statusLabel").asText()).isNotBlank();
        assertThat(first.path("_links").path("self").asText())
                .isEqualTo("/api/v1/requests/" + first.path("reference").asText());
    }

    @Test
    void pagingLinksLeadThroughAllOfTheCallersRequestsNewestFirst() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(submit(http, LEEUWARDEN, ruleChange(LEEUWARDEN_AREA, uniqueEmail(LEEUWARDEN))));
        }

        JsonNode first = Http.json(ok(http.get("/api/v1/requests?page=1&pageSize=2", LEEUWARDEN)));
        long total = first.path("total").asLong();
        assertThat(total).isGreaterThanOrEqualTo(3);
        assertThat(first.path("page").asInt()).isEqualTo(1);
        assertThat(first.path("pageSize").asInt()).isEqualTo(2);
        assertThat(references(first.path("items"))).containsExactly(created.get(2), created.get(1));
        assertThat(first.path("_links").path("self").asText()).isEqualTo("/api/v1/requests?page=1&pageSize=2");
        assertThat(first.path("_links").has("prev")).isFalse();
        assertThat(first.path("_links").path("next").asText()).isEqualTo("/api/v1/requests?page=2&pageSize=2");

        JsonNode second = Http.json(ok(http.get(first.path("_links").path("next").asText(), LEEUWARDEN)));
        assertThat(references(second.path("items"))).startsWith(created.get(0));
        assertThat(second.path("_links").path("prev").asText()).isEqualTo("/api/v1/requests?page=1&pageSize=2");

        // following next to the end visits every request exactly once
        Set<String> seen = new LinkedHashSet<>();
        JsonNode page = first;
        int pages = 0;
        while (true) {
            pages++;
            for (String reference : references(page.path("items"))) {
                assertThat(seen.add(reference)).as("%s listed twice", reference).isTrue();
            }
            if (!page.path("_links").has("next")) {
                break;
            }
            page = Http.json(ok(http.get(page.path("_links").path("next").asText(), LEEUWARDEN)));
        }
        long lastPage = (total + 1) / 2;
        assertThat(pages).isEqualTo(lastPage);
        assertThat(page.path("page").asLong()).isEqualTo(lastPage);
        assertThat(page.path("_links").path("prev").asText())
                .isEqualTo("/api/v1/requests?page=" + (lastPage - 1) + "&pageSize=2");
        assertThat(page.path("items")).hasSize((int) (total - 2 * (lastPage - 1)));
        assertThat(seen).hasSize((int) total).containsAll(created);

        // beyond the last page: empty, with a way back
        JsonNode beyond = Http.json(ok(http.get("/api/v1/requests?page=" + (lastPage + 1) + "&pageSize=2", LEEUWARDEN)));
        assertThat(beyond.path("items")).isEmpty();
        assertThat(beyond.path("_links").has("next")).isFalse();
        assertThat(beyond.path("_links").path("prev").asText())
                .isEqualTo("/api/v1/requests?page=" + lastPage + "&pageSize=2");
    }

    @Test
    void aPageOrPageSizeOutOfRangeIsAProblem400() {
        for (String query : List.of("page=0", "pageSize=0", "pageSize=101", "page=-1&pageSize=10")) {
            JsonNode problem = assertProblem(http.get("/api/v1/requests?" + query, LEEUWARDEN), 400);
            assertThat(problem.path("errors")).as(query).isNotEmpty();
        }
        assertProblem(http.get("/api/v1/requests?page=abc", LEEUWARDEN), 400);
    }

    @Test
    void aPageFarBeyondTheLastIsEmptyNotAnError() {
        for (String query : List.of("page=2147483647&pageSize=100", "page=21474837&pageSize=100",
                "page=1073741824&pageSize=2")) {
            HttpResponse<String> response = http.get("/api/v1/requests?" + query, LEEUWARDEN);
            assertThat(response.statusCode()).as("%s: %s", query, response.body()).isIn(200, 400);
            if (response.statusCode() == 200) {
                assertThat(Http.json(response).path("items")).as(query).isEmpty();
                assertThat(Http.json(response).path("_links").has("next")).as(query).isFalse();
            } else {
                assertProblem(response, 400);
            }
        }
    }

    @Test
    void anotherMunicipalitysRequestDoesNotExistForAMunicipality() {
        String reference = submit(http, UTRECHT, ruleChange(UTRECHT_AREA, uniqueEmail(UTRECHT)));

        JsonNode notFound = assertProblem(http.get("/api/v1/requests/" + reference, GRONINGEN), 404);
        JsonNode unknown = assertProblem(http.get("/api/v1/requests/NPLV-1999-99999", GRONINGEN), 404);
        assertThat(notFound.path("title").asText()).isEqualTo(unknown.path("title").asText());

        assertProblem(postJson(http, "/api/v1/requests/" + reference + "/withdrawal", GRONINGEN,
                Map.of("reason", "Niet van ons")), 404);
        assertStatus(request(http, UTRECHT, reference), "intake", "In intake bij het programmabureau");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(reference).count()).isEqualTo(1);
    }

    // ------------------------------------------------------------------ withdrawal

    @Test
    void aMunicipalityWithdrawsDuringAssessmentAndEveryOpenTaskIsGone() {
        String email = uniqueEmail(UTRECHT);
        String reference = submit(http, UTRECHT, ruleChange(UTRECHT_AREA, email, "income-support", "youth-care"));
        intakeComplete(http, taskService, reference, "income-support", "youth-care");
        assertStatus(request(http, UTRECHT, reference), "assessment", "In beoordeling bij de ministeries");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(reference).count()).isEqualTo(2);

        String reason = "De gemeenteraad heeft een eigen regeling vastgesteld.";
        HttpResponse<String> response = postJson(http, "/api/v1/requests/" + reference + "/withdrawal", UTRECHT,
                Map.of("reason", reason));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode withdrawn = Http.json(response);
        assertStatus(withdrawn, "withdrawn", "Ingetrokken");
        assertThat(withdrawn.path("openTasks")).isEmpty();
        assertThat(withdrawn.hasNonNull("closedAt")).isTrue();
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(reference).count()).isZero();

        Jobs.runDue(processEngine);

        List<ReceivedMail> mails = TestMailServer.receivedBy(email);
        assertThat(mails).extracting(ReceivedMail::subject).containsExactly("Verzoek " + reference + " ingetrokken");
        assertThat(mails.get(0).body()).contains(reference).contains(reason);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isZero();
        JsonNode after = request(http, UTRECHT, reference);
        assertStatus(after, "withdrawn", "Ingetrokken");
        assertThat(after.path("openTasks")).isEmpty();
        assertThat(after.hasNonNull("decision")).isFalse();

        // withdrawing twice is a conflict
        assertProblem(postJson(http, "/api/v1/requests/" + reference + "/withdrawal", UTRECHT, Map.of()), 409);
    }

    @Test
    void aQuestionNotYetMailedWhenTheMunicipalityWithdrawsIsNotSentAfterTheWithdrawal() {
        String email = uniqueEmail(UTRECHT);
        String reference = submit(http, UTRECHT, ruleChange(UTRECHT_AREA, email, "income-support"));
        // the programme office asks; the e-mail waits for the asynchronous step
        completeCurrentTask(http, taskService, reference, "Task_Intake", TestUsers.PROGRAMME_OFFICE, Map.of(
                "intakeOutcome", "information-needed", "ruleDomains", List.of("income-support"),
                "informationQuestion", "Welke woningcorporaties doen mee?"));
        HttpResponse<String> response = postJson(http, "/api/v1/requests/" + reference + "/withdrawal", UTRECHT,
                Map.of("reason", "Ingehaald door nieuwe wetgeving."));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

        Jobs.runDue(processEngine);

        // a question that asks to answer in a task that no longer exists, or the request lapses, must not follow
        assertThat(TestMailServer.receivedBy(email)).extracting(ReceivedMail::subject)
                .containsExactly("Verzoek " + reference + " ingetrokken");
        // not silently: the discarded question is on the case's audit trail
        assertThat(jdbc.sql("SELECT action_display FROM audit_event WHERE chain = ? AND action = 'notification-discarded'")
                .param(reference).query(String.class).list())
                .containsExactly("1 nog niet verstuurde e-mail(s) vervallen door de intrekking");
    }

    @Test
    void aMunicipalityMayWithdrawWithoutGivingAReason() {
        String reference = submit(http, UTRECHT, ruleChange(UTRECHT_AREA, uniqueEmail(UTRECHT)));
        HttpResponse<String> response = http.send(http.request("/api/v1/requests/" + reference + "/withdrawal", UTRECHT)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertStatus(Http.json(response), "withdrawn", "Ingetrokken");
    }

    @Test
    void aRequestCannotBeWithdrawnOnceDecided() {
        String reference = submit(http, UTRECHT, ruleChange(UTRECHT_AREA, uniqueEmail(UTRECHT), "income-support"));
        intakeComplete(http, taskService, reference, "income-support");
        advise(http, processEngine, reference, "szw", "reject", "Geen grondslag voor afwijking.");
        completeCurrentTask(http, taskService, reference, "Task_Decide", TestUsers.PROGRAMME_DIRECTOR,
                decision("rejected", "Het Rijk ziet geen ruimte voor een experiment."));

        // decided, the letter not yet sent
        JsonNode conflict = assertProblem(postJson(http, "/api/v1/requests/" + reference + "/withdrawal", UTRECHT,
                Map.of("reason", "Te laat")), 409);
        assertThat(conflict.path("detail").asText()).contains(reference);
        assertStatus(request(http, UTRECHT, reference), "decided", "Besloten");

        // decided and sent: the case is over
        Jobs.runDue(processEngine);
        assertProblem(postJson(http, "/api/v1/requests/" + reference + "/withdrawal", UTRECHT,
                Map.of("reason", "Te laat")), 409);
        JsonNode after = request(http, UTRECHT, reference);
        assertStatus(after, "decided", "Besloten");
        assertThat(after.path("decision").path("outcome").asText()).isEqualTo("rejected");
        assertThat(after.path("decision").path("outcomeLabel").asText()).isEqualTo("Afgewezen");
    }

    @Test
    void theProgrammeOfficeMayNotWithdrawAMunicipalitysRequest() {
        String reference = submit(http, UTRECHT, ruleChange(UTRECHT_AREA, uniqueEmail(UTRECHT)));
        assertProblem(postJson(http, "/api/v1/requests/" + reference + "/withdrawal", TestUsers.PROGRAMME_OFFICE,
                Map.of("reason", "Namens de gemeente")), 403);
        assertStatus(request(http, UTRECHT, reference), "intake", "In intake bij het programmabureau");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(reference).count()).isEqualTo(1);
    }

    @Test
    void aWithdrawalWithAnInvalidBodyIsAProblem400AndWithdrawsNothing() {
        String reference = submit(http, UTRECHT, ruleChange(UTRECHT_AREA, uniqueEmail(UTRECHT)));
        JsonNode problem = assertProblem(postJson(http, "/api/v1/requests/" + reference + "/withdrawal", UTRECHT,
                Map.of("reason", "x".repeat(2001), "effective", "now")), 400);
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("reason", "effective");
        assertStatus(request(http, UTRECHT, reference), "intake", "In intake bij het programmabureau");
    }

    // ------------------------------------------------------------------ helpers

    private String submitWithKey(String user, Map<String, Object> body, String key) {
        HttpResponse<String> response = postJson(http, "/api/v1/requests", user, body, key);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Idempotent-Replayed")).isEmpty();
        return Http.json(response).path("reference").asText();
    }

    /** Every reference the user can list, following the next links from the first page. */
    private List<String> visibleReferences(String user) {
        List<String> references = new ArrayList<>();
        String next = "/api/v1/requests?page=1&pageSize=100";
        while (next != null) {
            JsonNode page = Http.json(ok(http.get(next, user)));
            references.addAll(references(page.path("items")));
            next = page.path("_links").has("next") ? page.path("_links").path("next").asText() : null;
        }
        return references;
    }

    private long requestRows(String municipalityCode) {
        return jdbc.sql("SELECT count(*) FROM request WHERE municipality_code = ?").param(municipalityCode)
                .query(Long.class).single();
    }

    private long ruleChangeInstances() {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey("rule-change-request").count();
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("%s: %s", response.uri(), response.body()).isEqualTo(200);
        return response;
    }

    private static void assertStatus(JsonNode request, String status, String label) {
        assertThat(request.path("status").asText()).as("status of %s", request.path("reference").asText())
                .isEqualTo(status);
        assertThat(request.path("statusLabel").asText()).isEqualTo(label);
    }

    private static JsonNode onlyOpenTask(JsonNode request) {
        assertThat(request.path("openTasks")).as("open tasks of %s", request.path("reference").asText()).hasSize(1);
        return request.path("openTasks").get(0);
    }

    private static List<String> groups(JsonNode task) {
        return texts(task.path("candidateGroups"));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    /** The task is due the period after it was created (in Dutch time, so a day may have 23 or 25 hours). */
    /** Due the given number of working days after a moment between {@code before} and now. */
    private static void assertDue(JsonNode task, Instant before, int workingDays) {
        assertThat(task.hasNonNull("due")).as("due date of %s", task.path("name").asText()).isTrue();
        Instant due = OffsetDateTime.parse(task.path("due").asText()).toInstant();
        Instant earliest = WorkingDays.plus(before.atZone(CaseClock.DUTCH_TIME), workingDays).toInstant().minus(Duration.ofHours(1).plusSeconds(5));
        Instant latest = WorkingDays.plus(Instant.now().atZone(CaseClock.DUTCH_TIME), workingDays).toInstant().plus(Duration.ofHours(1));
        assertThat(due).as("due date of %s", task.path("name").asText()).isBetween(earliest, latest);
    }
}
