package nl.doorbraak.request;

import static nl.doorbraak.support.CaseSteps.advise;
import static nl.doorbraak.support.CaseSteps.completeCurrentTask;
import static nl.doorbraak.support.CaseSteps.decision;
import static nl.doorbraak.support.CaseSteps.intakeComplete;
import static nl.doorbraak.support.CaseSteps.references;
import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.submit;
import static nl.doorbraak.support.ProblemAssertions.assertProblem;
import static nl.doorbraak.support.ProblemAssertions.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.support.Http;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TestUsers;

/**
 * Lists and search: each role sees exactly its cases, filters and sorting work, paging links
 * keep the filters, bad parameters are one 400, and the decision register exports without
 * personal data. Three cases of Dordrecht carry a token in their title that no other test uses.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestListTests {

    static final String DORDRECHT = "dordrecht";
    static final String TOKEN = "lijst" + UUID.randomUUID().toString().substring(0, 8);

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    Http http;
    String atIntake;
    String atSzw;
    String decidedAtVws;

    @BeforeAll
    void threeCases() {
        http = new Http(port);
        atIntake = submit(http, DORDRECHT, titled("A " + TOKEN + " intake", "income-support"));
        atSzw = submit(http, DORDRECHT, titled("B " + TOKEN + " bij SZW", "income-support"));
        intakeComplete(http, engine.getTaskService(), atSzw, "income-support");
        decidedAtVws = submit(http, DORDRECHT, titled("C " + TOKEN + " besloten", "youth-care"));
        intakeComplete(http, engine.getTaskService(), decidedAtVws, "youth-care");
        advise(http, engine, decidedAtVws, "vws", "reject", "Strijdig met de Jeugdwet.");
        completeCurrentTask(http, engine.getTaskService(), decidedAtVws, "Task_Decide", TestUsers.PROGRAMME_DIRECTOR,
                decision("rejected", "Geen grondslag voor afwijking."));
    }

    @Test
    void eachRoleSeesExactlyItsCases() {
        assertThat(listed(DORDRECHT, "")).containsExactlyInAnyOrder(atIntake, atSzw, decidedAtVws);
        assertThat(listed(TestUsers.ROTTERDAM, "")).isEmpty();
        assertThat(listed(TestUsers.REVIEWER_SZW, "")).containsExactly(atSzw);
        assertThat(listed(TestUsers.LEAD_SZW, "")).containsExactly(atSzw);
        assertThat(listed(TestUsers.REVIEWER_VWS, "")).containsExactly(decidedAtVws);
        for (String central : List.of(TestUsers.PROGRAMME_OFFICE, TestUsers.PROGRAMME_DIRECTOR, TestUsers.AUDITOR)) {
            assertThat(listed(central, "")).as(central).containsExactlyInAnyOrder(atIntake, atSzw, decidedAtVws);
        }
    }

    @Test
    void filtersNarrowTheList() {
        assertThat(listed(TestUsers.PROGRAMME_OFFICE, "&status=intake")).containsExactly(atIntake);
        assertThat(listed(TestUsers.PROGRAMME_OFFICE, "&ministry=szw")).containsExactly(atSzw);
        assertThat(listed(TestUsers.PROGRAMME_OFFICE, "&municipality=0505&status=decided"))
                .containsExactly(decidedAtVws);
        assertThat(listed(TestUsers.PROGRAMME_OFFICE, "&focusArea=rotterdam-zuid")).isEmpty();
        LocalDate dutchToday = LocalDate.now(CaseClock.DUTCH_TIME); // filters take Dutch days
        String today = dutchToday.toString();
        assertThat(listed(TestUsers.AUDITOR, "&submittedFrom=" + today + "&submittedTo=" + today)).hasSize(3);
        assertThat(listed(TestUsers.AUDITOR, "&submittedFrom=" + dutchToday.plusDays(1))).isEmpty();
        assertThat(listed(TestUsers.AUDITOR, "&sort=title")).containsExactly(atIntake, atSzw, decidedAtVws);
        assertThat(listed(TestUsers.AUDITOR, "&sort=-reference")).containsExactly(decidedAtVws, atSzw, atIntake);
        assertThat(references(list(TestUsers.AUDITOR, "/api/v1/requests?q=" + TOKEN.toUpperCase() + "%20BIJ")
                .path("items"))).as("text search ignores case").containsExactly(atSzw);
        assertThat(references(list(TestUsers.AUDITOR, "/api/v1/requests?q=" + TOKEN + "%25").path("items")))
                .as("a % is a character, not a wildcard").isEmpty();
    }

    @Test
    void pagingLinksKeepTheFilters() {
        JsonNode first = list(TestUsers.AUDITOR, "/api/v1/requests?q=" + TOKEN + "&sort=title&pageSize=2");
        assertThat(references(first.path("items"))).containsExactly(atIntake, atSzw);
        assertThat(first.path("total").asLong()).isEqualTo(3);
        String next = first.path("_links").path("next").asText();
        assertThat(next).contains("q=" + TOKEN).contains("sort=title").contains("page=2").contains("pageSize=2");
        assertThat(first.path("_links").has("prev")).isFalse();
        JsonNode second = list(TestUsers.AUDITOR, next);
        assertThat(references(second.path("items"))).containsExactly(decidedAtVws);
        assertThat(second.path("_links").has("next")).isFalse();
        assertThat(second.path("_links").path("prev").asText()).contains("page=1");
        assertThat(references(list(TestUsers.AUDITOR, "/api/v1/requests?q=" + TOKEN + "&page=9").path("items")))
                .isEmpty();
    }

    @Test
    void badParametersAreOneProblemListingEveryError() {
        JsonNode problem = assertProblem(http.get("/api/v1/requests?status=bogus&sort=sideways&pageSize=0"
                + "&submittedFrom=2026-12-31&submittedTo=2026-01-01&colour=red", TestUsers.AUDITOR), 400);
        assertThat(errorFields(problem)).containsExactlyInAnyOrder("status", "sort", "pageSize", "submittedTo",
                "colour");
    }

    @Test
    void theDecisionRegisterListsAndExportsWithoutPersonalData() {
        JsonNode decisions = list(TestUsers.PROGRAMME_OFFICE, "/api/v1/decisions?q=" + TOKEN);
        assertThat(decisions.path("items")).hasSize(1);
        JsonNode item = decisions.path("items").get(0);
        assertThat(item.path("reference").asText()).isEqualTo(decidedAtVws);
        assertThat(item.path("outcome").asText()).isEqualTo("Afgewezen");
        assertThat(item.path("rationale").asText()).isEqualTo("Geen grondslag voor afwijking.");
        assertThat(references(list(DORDRECHT, "/api/v1/decisions?q=" + TOKEN).path("items")))
                .containsExactly(decidedAtVws);
        assertThat(list(TestUsers.REVIEWER_SZW, "/api/v1/decisions?q=" + TOKEN).path("items")).isEmpty();

        var csv = http.get("/api/v1/decisions?format=csv&q=" + TOKEN, TestUsers.AUDITOR);
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("reference,kind,municipality,focusArea,title,outcome,instrument,"
                + "conditions,rationale,decidedAt,effectiveDate,evaluationDate,grantedTotal,grantedAmounts,endDate,endedAt,"
                + "version,versionStatus,change,changedAt,changeReason");
        assertThat(lines.get(1)).startsWith(decidedAtVws + ",rule-change,Dordrecht,Dordrecht-West,")
                .contains("Afgewezen").contains("Geen grondslag voor afwijking.");
        assertThat(csv.body()).doesNotContain("@dordrecht.example").doesNotContain("J. de Vries")
                .doesNotContain(DORDRECHT + ",");
    }

    private Map<String, Object> titled(String title, String domain) {
        Map<String, Object> body = new LinkedHashMap<>(ruleChange("dordrecht-west", "lijst@dordrecht.example", domain));
        body.put("title", title);
        return body;
    }

    private List<String> listed(String user, String filters) {
        String sort = filters.contains("sort=") ? "" : "&sort=reference";
        return references(list(user, "/api/v1/requests?q=" + TOKEN + sort + filters).path("items"));
    }

    private JsonNode list(String user, String path) {
        var response = http.get(path, user);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }
}
