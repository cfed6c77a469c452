package nl.doorbraak.decision;

import static nl.doorbraak.support.CaseSteps.advise;
import static nl.doorbraak.support.CaseSteps.completeCurrentTask;
import static nl.doorbraak.support.CaseSteps.decision;
import static nl.doorbraak.support.CaseSteps.intakeComplete;
import static nl.doorbraak.support.CaseSteps.openTask;
import static nl.doorbraak.support.CaseSteps.postJson;
import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.submit;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static nl.doorbraak.support.ProblemAssertions.assertProblem;
import static nl.doorbraak.support.ProblemAssertions.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.doorbraak.support.Http;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TestUsers;

/**
 * Precedents through the API and the task API: a decision on Rotterdam's request about the
 * Leerplichtwet is what Amsterdam sees while drafting, and what the intake of Amsterdam's request
 * shows, without personal data; bad input is refused with every error at once.
 */
@PostgresIntegrationTest
class PrecedentApiTests {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;

    @Test
    void aDecisionOnTheSameRuleIsAPrecedentForAnotherMunicipalityWithoutPersonalData() {
        Http http = new Http(port);
        String rotterdamEmail = uniqueEmail("rotterdam");
        Map<String, Object> body = ruleChange("rotterdam-zuid", rotterdamEmail, "education");
        body.put("nationalRule", "leerplichtwet");
        body.put("article", "artikel 7");
        String decided = submit(http, TestUsers.ROTTERDAM, body);
        intakeComplete(http, engine.getTaskService(), decided, "education");
        advise(http, engine, decided, "ocw", "support", "Past binnen de wet.");
        completeCurrentTask(http, engine.getTaskService(), decided, "Task_Decide", TestUsers.PROGRAMME_DIRECTOR,
                decision("granted", "Verlengde leertijd draagt bij aan de aanpak."));

        HttpResponse<String> query = http.get("/api/v1/precedents?nationalRule=leerplichtwet&article=Art.%207",
                TestUsers.AMSTERDAM);
        assertThat(query.statusCode()).as(query.body()).isEqualTo(200);
        JsonNode answer = Http.json(query);
        assertThat(answer.path("nationalRule").path("bwbId").asText()).isEqualTo("BWBR0002628");
        JsonNode mine = null;
        for (JsonNode item : answer.path("items")) {
            if (item.path("reference").asText().equals(decided)) {
                mine = item;
            }
        }
        assertThat(mine).as("Rotterdam's decision among Amsterdam's precedents").isNotNull();
        assertThat(mine.path("municipalityName").asText()).isEqualTo("Rotterdam");
        assertThat(mine.path("sameArticle").asBoolean()).isTrue();
        assertThat(mine.path("outcome").asText()).isEqualTo("granted");
        assertThat(mine.path("outcomeLabel").asText()).isEqualTo("Toegekend");
        assertThat(mine.path("rationale").asText()).isEqualTo("Verlengde leertijd draagt bij aan de aanpak.");
        assertThat(answer.path("items").get(0).path("sameArticle").asBoolean()).as("same article first").isTrue();
        assertThat(query.body()).doesNotContain(rotterdamEmail, "J. de Vries", TestUsers.PROGRAMME_DIRECTOR,
                TestUsers.ROTTERDAM + "\"", "decidedBy", "contact", "submittedBy", "title");

        // the same as a body, while drafting
        HttpResponse<String> posted = postJson(http, "/api/v1/requests/precedents", TestUsers.AMSTERDAM,
                Map.of("nationalRule", "leerplichtwet", "article", "7"));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        assertThat(posted.body()).contains(decided);

        // Amsterdam's own request on the same rule: its intake shows the precedent, never the case itself
        Map<String, Object> own = ruleChange("amsterdam-zuidoost", uniqueEmail("amsterdam"), "education");
        own.put("nationalRule", "leerplichtwet");
        String asking = submit(http, TestUsers.AMSTERDAM, own);
        String intake = openTask(engine.getTaskService(), asking, "Task_Intake").getId();
        JsonNode context = Http.json(http.get("/api/v1/tasks/" + intake, TestUsers.PROGRAMME_OFFICE)).path("context");
        assertThat(context.path("casePrecedents").asText()).contains("Leerplichtwet 1969 (BWBR0002628)")
                .contains(decided).contains("Rotterdam").doesNotContain(asking);
        assertThat(context.path("precedents").findValuesAsText("reference")).contains(decided).doesNotContain(asking);
    }

    @Test
    void badInputIsRefusedWithEveryErrorAtOnce() {
        Http http = new Http(port);
        JsonNode problem = assertProblem(postJson(http, "/api/v1/requests/precedents", TestUsers.ROTTERDAM,
                Map.of("article", "7", "municipality", "0363")), 400);
        assertThat(errorFields(problem)).containsExactlyInAnyOrder("nationalRule", "municipality");
        problem = assertProblem(http.get("/api/v1/precedents?nationalRule=geen-wet&extra=1", TestUsers.AUDITOR), 400);
        assertThat(errorFields(problem)).containsExactlyInAnyOrder("nationalRule", "extra");
        assertThat(http.get("/api/v1/precedents?nationalRule=leerplichtwet").statusCode()).isEqualTo(401);
        for (String user : List.of(TestUsers.REVIEWER_SZW, TestUsers.AUDITOR, TestUsers.PROGRAMME_DIRECTOR)) {
            assertThat(http.get("/api/v1/precedents?nationalRule=leerplichtwet", user).statusCode()).isEqualTo(200);
        }
    }
}
