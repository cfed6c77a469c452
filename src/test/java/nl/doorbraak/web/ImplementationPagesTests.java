package nl.doorbraak.web;

import static nl.doorbraak.support.CaseSteps.advise;
import static nl.doorbraak.support.CaseSteps.completeCurrentTask;
import static nl.doorbraak.support.CaseSteps.decision;
import static nl.doorbraak.support.CaseSteps.intakeComplete;
import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.submit;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.doorbraak.support.Http;
import nl.doorbraak.support.Jobs;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TestUsers;

/**
 * The municipality's request page shows a granted policy change being followed at the ministry:
 * its stages with target dates and the timeline entry; another municipality does not see the page.
 */
@PostgresIntegrationTest
class ImplementationPagesTests {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;

    @Test
    void theRequestPageShowsTheStagesOfTheGrantedPolicyChangeToItsMunicipalityOnly() {
        Http http = new Http(port);
        String reference = submit(http, "utrecht", ruleChange("utrecht-overvecht", uniqueEmail("utrecht"),
                "debt-assistance"));
        intakeComplete(http, engine.getTaskService(), reference, "debt-assistance");
        advise(http, engine, reference, "szw", "support", "Past binnen het beleid.");
        completeCurrentTask(http, engine.getTaskService(), reference, "Task_Decide", TestUsers.PROGRAMME_DIRECTOR,
                decision("granted", "De beleidsregel wordt aangepast."));
        Jobs.runDue(engine);

        HttpResponse<String> page = WebSession.loggedIn(port, "utrecht").get("/verzoeken/" + reference);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h2 id=\"doorvoering\">Doorvoering van de wijziging</h2>",
                "Beleidswijziging bij SZW.", "<caption>Fasen met streefdatum en datum bereikt</caption>",
                "Consultatie (niet verplicht)", "Publicatie in de Staatscourant", "nog niet",
                "Beleidswijziging wordt gevolgd bij SZW tot de regel in werking is");
        assertThat(WebSession.loggedIn(port, "rotterdam").get("/verzoeken/" + reference).statusCode()).isEqualTo(404);
    }
}
