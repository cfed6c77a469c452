package nl.doorbraak.request;

import static nl.doorbraak.support.CaseSteps.advise;
import static nl.doorbraak.support.CaseSteps.completeCurrentTask;
import static nl.doorbraak.support.CaseSteps.intakeAsks;
import static nl.doorbraak.support.CaseSteps.intakeComplete;
import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.submit;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static nl.doorbraak.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.doorbraak.support.Http;
import nl.doorbraak.support.Jobs;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TestUsers;

/** The municipality's timeline of a whole case, in Dutch, from the audit trail. */
@PostgresIntegrationTest
class RequestTimelineTests {

    static final String SCHIEDAM = "schiedam";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aFullCaseReadsAsDutchSentencesWithAdviceContentOnlyAfterTheDecision() {
        String reference = submit(http, SCHIEDAM, ruleChange("schiedam-nieuwland", uniqueEmail(SCHIEDAM),
                "income-support"));
        intakeAsks(http, engine, reference, "Hoeveel jongeren wonen thuis?");
        completeCurrentTask(http, engine.getTaskService(), reference, "Task_ProvideInformation", SCHIEDAM,
                Map.of("informationAnswer", "Ongeveer 400."));
        intakeComplete(http, engine.getTaskService(), reference, "income-support", "youth-care");
        advise(http, engine, reference, "szw", "support", "Geheime afweging van SZW.");

        List<String> beforeDecision = texts(timeline(reference));
        assertThat(beforeDecision).contains("Advies ontvangen van SZW")
                .noneMatch(text -> text.contains("Geheime afweging"));

        advise(http, engine, reference, "vws", "support", "Past binnen de Jeugdwet.");
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("decisionOutcome", "granted");
        decision.put("instrument", "experiment");
        decision.put("effectiveDate", LocalDate.now().plusMonths(1).toString());
        decision.put("evaluationDate", LocalDate.now().plusYears(1).toString());
        decision.put("rationale", "Het experiment past binnen artikel 83.");
        completeCurrentTask(http, engine.getTaskService(), reference, "Task_Decide", TestUsers.PROGRAMME_DIRECTOR,
                decision);
        Jobs.runDue(engine);

        JsonNode items = timeline(reference);
        List<String> events = new ArrayList<>();
        items.forEach(item -> events.add(item.path("event").asText()));
        assertThat(events).containsSubsequence("request-submitted", "status-changed", "information-requested",
                "notification-sent", "information-provided", "status-changed", "request-routed", "advice-given",
                "advice-given", "status-changed", "decision-taken", "notification-sent", "evaluation-due");
        List<String> texts = texts(items);
        assertThat(texts).contains("Verzoek ingediend door Indiener Schiedam", "In intake bij het programmabureau",
                "Informatie gevraagd door het programmabureau: Hoeveel jongeren wonen thuis?",
                "Informatie aangeleverd door de gemeente", "In beoordeling bij SZW, VWS",
                "Wacht op het besluit van de programmadirecteur",
                "Besluit genomen: toegekend. Het experiment past binnen artikel 83.",
                "E-mail verstuurd: Besluit op uw verzoek " + reference,
                "Evaluatie verwacht op " + LocalDate.now().plusYears(1));
        assertThat(texts).anyMatch(text -> text.startsWith("Advies SZW: steunen. Geheime afweging van SZW."));
        assertThat(texts).noneMatch(text -> text.contains("Audittrail"));
    }

    @Test
    void theEndDateOfAnExemptionIsValidatedByTheTaskApiShownEverywhereAndItsContinuationAndEndAreInTheTimeline() {
        String token = "looptijd" + System.nanoTime();
        Map<String, Object> body = new LinkedHashMap<>(ruleChange("schiedam-nieuwland", uniqueEmail(SCHIEDAM),
                "income-support"));
        body.put("title", "Vrijstelling " + token);
        String reference = submit(http, SCHIEDAM, body);
        intakeComplete(http, engine.getTaskService(), reference, "income-support");
        advise(http, engine, reference, "szw", "support", "Past.");
        LocalDate effective = LocalDate.now().plusMonths(1);
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("decisionOutcome", "granted");
        decision.put("instrument", "temporary-exemption");
        decision.put("effectiveDate", effective.toString());
        decision.put("evaluationDate", effective.plusMonths(6).toString());
        decision.put("endDate", effective.minusDays(1).toString());
        decision.put("rationale", "Tijdelijk maatwerk.");
        String decide = nl.doorbraak.support.CaseSteps.openTask(engine.getTaskService(), reference, "Task_Decide").getId();
        JsonNode problem = assertProblem(nl.doorbraak.support.CaseSteps.postJson(http,
                "/api/v1/tasks/" + decide + "/completion", TestUsers.PROGRAMME_DIRECTOR, decision), 400);
        assertThat(problem.toString()).contains("endDate", "Einddatum moet na de ingangsdatum liggen.");

        decision.remove("endDate"); // the default: effective date plus P2Y (instrument-duration)
        nl.doorbraak.support.CaseSteps.complete(http, TestUsers.PROGRAMME_DIRECTOR, decide, decision);
        Jobs.runDue(engine);
        LocalDate end = effective.plusYears(2);
        assertThat(nl.doorbraak.support.CaseSteps.request(http, SCHIEDAM, reference).path("decision")
                .path("endDate").asText()).isEqualTo(end.toString());
        JsonNode register = Http.json(http.get("/api/v1/decisions?q=" + token, TestUsers.AUDITOR)).path("items");
        assertThat(register.get(0).path("endDate").asText()).isEqualTo(end.toString());
        assertThat(http.get("/api/v1/decisions?format=csv&q=" + token, TestUsers.AUDITOR).body())
                .contains("," + end + ",");
        assertThat(texts(timeline(reference))).contains("Looptijd eindigt op " + end);

        Jobs.fireTimer(engine, engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(reference).singleResult().getId(), "Event_EvaluationDate");
        nl.doorbraak.support.CaseSteps.completeCurrentTask(http, engine.getTaskService(), reference,
                "Task_DeliverEvaluation", SCHIEDAM, Map.of("evaluationReport", "Werkt."));
        Map<String, Object> continued = new LinkedHashMap<>();
        continued.put("evaluationConclusion", "continue");
        continued.put("nextEvaluationDate", end.plusMonths(6).toString());
        continued.put("newEndDate", end.plusYears(1).toString());
        nl.doorbraak.support.CaseSteps.completeCurrentTask(http, engine.getTaskService(), reference,
                "Task_AssessEvaluation", TestUsers.PROGRAMME_OFFICE, continued);
        List<String> texts = texts(timeline(reference));
        assertThat(texts).anyMatch(text -> text.startsWith("Voortgezet tot "))
                .contains("Looptijd eindigt op " + end.plusYears(1), "Evaluatie verwacht op " + end.plusMonths(6));

        Jobs.fireTimer(engine, engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(reference).singleResult().getId(), "Event_EndReached");
        texts = texts(timeline(reference));
        assertThat(texts).contains("Einddatum bereikt: tijdelijke vrijstelling of afwijking (maatwerk) beëindigd",
                "Het experiment of de vrijstelling is beëindigd; het verzoek is afgerond")
                .noneMatch(text -> text.startsWith("Looptijd eindigt op"));
        assertThat(nl.doorbraak.support.CaseSteps.request(http, SCHIEDAM, reference).path("statusLabel").asText())
                .isEqualTo("Beëindigd");
    }

    @Test
    void anotherMunicipalitysTimelineIsNotFound() {
        String reference = submit(http, SCHIEDAM, ruleChange("schiedam-nieuwland", uniqueEmail(SCHIEDAM),
                "income-support"));
        assertProblem(http.get("/api/v1/requests/" + reference + "/timeline", "rotterdam"), 404);
        assertThat(http.get("/api/v1/requests/" + reference + "/timeline", TestUsers.AUDITOR).statusCode())
                .isEqualTo(200);
    }

    private JsonNode timeline(String reference) {
        var response = http.get("/api/v1/requests/" + reference + "/timeline", SCHIEDAM);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response).path("items");
    }

    private static List<String> texts(JsonNode items) {
        List<String> texts = new ArrayList<>();
        items.forEach(item -> texts.add(item.path("text").asText()));
        return texts;
    }
}
