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
        String reference = decidedPolicyChange(http);
        WebSession municipality = WebSession.loggedIn(port, "tilburg");
        assertThat(municipality.get("/verzoeken/" + reference).body())
                .contains("Eerste motivering.", "Besluitbrief (PDF)", "brief-" + reference + "-1.pdf",
                        "/verzoeken/" + reference + "/documenten/")
                .doesNotContain("Eerdere versies van het besluit");

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

    @Test
    void theDirectorAmendsAndRevokesThroughTheFormWithEveryErrorShownAndNobodyElseMay() {
        Http http = new Http(port);
        String reference = decidedPolicyChange(http);
        String form = "/verzoeken/" + reference + "/besluit/wijzigen";

        WebSession municipality = WebSession.loggedIn(port, "tilburg");
        assertThat(municipality.get("/verzoeken/" + reference).body()).doesNotContain("Besluit wijzigen of intrekken");
        assertThat(municipality.get(form).statusCode()).isEqualTo(403);
        assertThat(municipality.post("/verzoeken/" + reference + "/besluit/intrekken",
                Map.of("version", "1", "revocationReason", "Toets.")).statusCode()).isEqualTo(403);
        assertThat(WebSession.loggedIn(port, "heerlen").get(form).statusCode()).isEqualTo(404);
        assertThat(WebSession.loggedIn(port, TestUsers.PROGRAMME_OFFICE).get(form).statusCode()).isEqualTo(403);

        WebSession director = WebSession.loggedIn(port, TestUsers.PROGRAMME_DIRECTOR);
        assertThat(director.get("/verzoeken/" + reference).body()).contains("Besluit wijzigen of intrekken");
        String page = director.get(form).body();
        assertThat(page).contains("staat nu op versie <strong>1</strong>", "<label for=\"reason\">Reden van de wijziging</label>",
                "<label for=\"revocationReason\">Reden van de intrekking</label>", "Eerste motivering.");
        assertThat(director.postWithoutToken("/verzoeken/" + reference + "/besluit/intrekken",
                Map.of("version", "1", "revocationReason", "Zonder token.")).statusCode()).isEqualTo(403);

        Map<String, String> amendment = new java.util.LinkedHashMap<>(Map.of("version", "1",
                "decisionOutcome", "granted", "instrument", "policy-change",
                "effectiveDate", LocalDate.now().plusMonths(4).toString(), "rationale", "", "reason", ""));
        HttpResponse<String> refused = director.post(form, amendment);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Er is iets niet goed ingevuld", "Motivering is verplicht.",
                "Reden is verplicht.");

        amendment.put("rationale", "Motivering uit het formulier.");
        amendment.put("reason", "Later ingaan.");
        HttpResponse<String> amended = director.post(form, amendment);
        assertThat(amended.statusCode()).as(amended.body()).isEqualTo(302);
        assertThat(amended.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/verzoeken/" + reference));
        assertThat(director.get("/verzoeken/" + reference).body()).contains("Het besluit is gewijzigd",
                "Motivering uit het formulier.", "(versie 2): Later ingaan.");

        director.get(form);
        HttpResponse<String> stale = director.post("/verzoeken/" + reference + "/besluit/intrekken",
                Map.of("version", "1", "revocationReason", "Met een oude versie."));
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).contains("is intussen gewijzigd");
        HttpResponse<String> revoked = director.post("/verzoeken/" + reference + "/besluit/intrekken",
                Map.of("version", "2", "revocationReason", "De gemeente ziet ervan af."));
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(302);
        assertThat(director.get("/verzoeken/" + reference).body()).contains("Het besluit is ingetrokken",
                "Besluit ingetrokken", "(versie 3): De gemeente ziet ervan af.");
        assertThat(director.get(form).body()).contains("is ingetrokken en kan niet meer worden gewijzigd")
                .doesNotContain("<form method=\"post\"");
    }

    private String decidedPolicyChange(Http http) {
        String reference = submit(http, "tilburg", ruleChange("tilburg-noordwest", uniqueEmail("tilburg"), "income-support"));
        intakeComplete(http, engine.getTaskService(), reference, "income-support");
        advise(http, engine, reference, "szw", "support", "Past binnen het beleid.");
        completeCurrentTask(http, engine.getTaskService(), reference, "Task_Decide", TestUsers.PROGRAMME_DIRECTOR,
                decision("granted", "Eerste motivering."));
        Jobs.runDue(engine);
        return reference;
    }
}
