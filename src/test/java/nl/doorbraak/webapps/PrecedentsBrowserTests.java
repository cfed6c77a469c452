package nl.doorbraak.webapps;

import static nl.doorbraak.support.CaseSteps.advise;
import static nl.doorbraak.support.CaseSteps.completeCurrentTask;
import static nl.doorbraak.support.CaseSteps.decision;
import static nl.doorbraak.support.CaseSteps.intakeComplete;
import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.submit;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.doorbraak.support.Http;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TestUsers;

/**
 * An SZW reviewer's "Beoordelen" form in Tasklist, in a real (headless) Chromium, shows the
 * earlier decision on the same catalogue rule taken for another municipality.
 */
@PostgresIntegrationTest
class PrecedentsBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;

    @RegisterExtension
    final Browser browser = new Browser(() -> port);

    @Test
    void theAssessmentFormShowsTheEarlierDecisionOnTheSameRule() {
        Http http = new Http(port);
        Map<String, Object> earlier = ruleChange("amsterdam-zuidoost", uniqueEmail("amsterdam"));
        earlier.put("nationalRule", "participatiewet");
        String decided = submit(http, TestUsers.AMSTERDAM, earlier);
        intakeComplete(http, engine.getTaskService(), decided, "income-support");
        advise(http, engine, decided, "szw", "support", "Past binnen de experimenteerbepaling.");
        completeCurrentTask(http, engine.getTaskService(), decided, "Task_Decide", TestUsers.PROGRAMME_DIRECTOR,
                decision("granted", "Het experiment in Zuidoost mag doorgaan."));

        Map<String, Object> asking = ruleChange("rotterdam-zuid", uniqueEmail("rotterdam"));
        asking.put("nationalRule", "participatiewet");
        String reference = submit(http, TestUsers.ROTTERDAM, asking);
        intakeComplete(http, engine.getTaskService(), reference, "income-support");

        TasklistPage tasklist = new TasklistPage(browser);
        tasklist.login(TestUsers.REVIEWER_SZW);
        tasklist.openFilter("Open beoordelingen SZW").openTask("Beoordelen verzoek " + reference + " (SZW)");
        browser.step("assessment-with-precedents");
        assertThat(tasklist.fieldValue("Eerdere besluiten over deze regeling"))
                .contains("Participatiewet (BWBR0015703)").contains(decided).contains("Amsterdam")
                .contains("Het experiment in Zuidoost mag doorgaan.").doesNotContain(reference);
    }
}
