package nl.doorbraak.web;

import static nl.doorbraak.support.CaseSteps.advise;
import static nl.doorbraak.support.CaseSteps.completeCurrentTask;
import static nl.doorbraak.support.CaseSteps.decision;
import static nl.doorbraak.support.CaseSteps.intakeComplete;
import static nl.doorbraak.support.CaseSteps.postJson;
import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.submit;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.doorbraak.support.Http;
import nl.doorbraak.support.Jobs;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TestUsers;

/**
 * The request page shows the decision as it stands, "gewijzigd op … (versie n)" or "ingetrokken
 * op …", and the earlier versions; the municipality's timeline on it names each change.
 */
@PostgresIntegrationTest
class DecisionVersionPagesTests {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;

    @Test
    void theRequestPageShowsTheCurrentDecisionItsChangesAndTheEarlierVersions() {
        Http http = new Http(port);
        String reference = submit(http, "tilburg", ruleChange("tilburg-noordwest", uniqueEmail("tilburg"), "income-support"));
        intakeComplete(http, engine.getTaskService(), reference, "income-support");
        advise(http, engine, reference, "szw", "support", "Past binnen het beleid.");
        completeCurrentTask(http, engine.getTaskService(), reference, "Task_Decide", TestUsers.PROGRAMME_DIRECTOR,
                decision("granted", "Eerste motivering."));
        Jobs.runDue(engine);
        WebSession municipality = WebSession.loggedIn(port, "tilburg");
        assertThat(municipality.get("/verzoeken/" + reference).body())
                .contains("Eerste motivering.").doesNotContain("Eerdere versies van het besluit");

        Map<String, Object> amendment = decision("granted", "Tweede motivering.");
        amendment.put("effectiveDate", LocalDate.now().plusMonths(3).toString());
        amendment.put("version", 1);
        amendment.put("reason", "De ingangsdatum schuift op verzoek van de gemeente.");
        HttpResponse<String> amended = postJson(http, "/api/v1/requests/" + reference + "/decision/amendments",
                TestUsers.PROGRAMME_DIRECTOR, amendment);
        assertThat(amended.statusCode()).as(amended.body()).isEqualTo(200);

        String page = municipality.get("/verzoeken/" + reference).body();
        assertThat(page).contains("Tweede motivering.", "gewijzigd op ", "(versie 2): De ingangsdatum schuift",
                "Eerdere versies van het besluit", "Versie 1 – Besluit van ", "(vervangen)", "Eerste motivering.",
                "Besluit gewijzigd: De ingangsdatum schuift op verzoek van de gemeente.");

        HttpResponse<String> revoked = postJson(http, "/api/v1/requests/" + reference + "/decision/revocation",
                TestUsers.PROGRAMME_DIRECTOR, Map.of("version", 2, "reason", "De regeling is vervallen."));
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);

        page = municipality.get("/verzoeken/" + reference).body();
        assertThat(page).contains("Besluit ingetrokken", "ingetrokken op ", "(versie 3): De regeling is vervallen.",
                "Versie 2 – Gewijzigd besluit van ", "Versie 1 – Besluit van ",
                "Besluit ingetrokken: De regeling is vervallen.");
        assertThat(WebSession.loggedIn(port, TestUsers.AUDITOR).get("/audit/zaken/" + reference).body())
                .contains("ingetrokken op ", "Eerdere versies van het besluit");
        assertThat(WebSession.loggedIn(port, "heerlen").get("/verzoeken/" + reference).statusCode()).isEqualTo(404);
    }
}
