package nl.doorbraak.web;

import static nl.doorbraak.support.CaseSteps.advise;
import static nl.doorbraak.support.CaseSteps.completeCurrentTask;
import static nl.doorbraak.support.CaseSteps.intakeComplete;
import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.submit;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.doorbraak.support.Http;
import nl.doorbraak.support.Jobs;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TestUsers;

/** The request page shows the end date of a granted exemption, and when it ended, to its municipality only. */
@PostgresIntegrationTest
class ExemptionEndPageTests {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;

    @Test
    void theRequestPageShowsTheEndDateAndThenTheEnd() {
        Http http = new Http(port);
        String reference = submit(http, "rotterdam", ruleChange("rotterdam-zuid", uniqueEmail("rotterdam"),
                "income-support"));
        intakeComplete(http, engine.getTaskService(), reference, "income-support");
        advise(http, engine, reference, "szw", "support", "Past.");
        LocalDate effective = LocalDate.now().plusMonths(1);
        LocalDate end = effective.plusYears(1);
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("decisionOutcome", "granted");
        decision.put("instrument", "temporary-exemption");
        decision.put("effectiveDate", effective.toString());
        decision.put("evaluationDate", effective.plusMonths(6).toString());
        decision.put("endDate", end.toString());
        decision.put("rationale", "Tijdelijk maatwerk.");
        completeCurrentTask(http, engine.getTaskService(), reference, "Task_Decide", TestUsers.PROGRAMME_DIRECTOR,
                decision);
        Jobs.runDue(engine);

        String page = WebSession.loggedIn(port, "rotterdam").get("/verzoeken/" + reference).body();
        assertThat(page).contains("<dt>Einddatum</dt><dd>" + DAY.format(end) + "</dd>").doesNotContain("Beëindigd op");
        assertThat(WebSession.loggedIn(port, "amsterdam").get("/verzoeken/" + reference).statusCode()).isEqualTo(404);

        Jobs.fireTimer(engine, engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(reference).singleResult().getId(), "Event_EndReached");
        page = WebSession.loggedIn(port, "rotterdam").get("/verzoeken/" + reference).body();
        assertThat(page).contains("<dt>Einddatum</dt><dd>" + DAY.format(end) + "</dd>", "<dt>Beëindigd op</dt>",
                "Beëindigd");
    }
}
