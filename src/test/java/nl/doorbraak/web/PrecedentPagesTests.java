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
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.doorbraak.support.Http;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TestUsers;

/**
 * The precedents on the web pages: a municipality drafting a request asks for the earlier
 * decisions on its rule and gets the form back with everything it typed and the list; the
 * auditor's case page names the request's catalogue rule with its BWB id.
 */
@PostgresIntegrationTest
class PrecedentPagesTests {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;

    @Test
    void aDraftShowsTheEarlierDecisionsOnItsRuleAndKeepsWhatWasTyped() {
        Http http = new Http(port);
        String contact = uniqueEmail("rotterdam");
        Map<String, Object> body = ruleChange("rotterdam-zuid", contact, "youth-care");
        body.put("nationalRule", "jeugdwet");
        body.put("article", "artikel 2.3");
        String decided = submit(http, TestUsers.ROTTERDAM, body);
        intakeComplete(http, engine.getTaskService(), decided, "youth-care");
        advise(http, engine, decided, "vws", "support", "Past binnen de Jeugdwet.");
        completeCurrentTask(http, engine.getTaskService(), decided, "Task_Decide", TestUsers.PROGRAMME_DIRECTOR,
                decision("granted", "Jeugdhulp zonder beschikking in het focusgebied."));

        WebSession session = WebSession.loggedIn(port, TestUsers.AMSTERDAM);
        assertThat(session.get("/verzoeken/nieuw?soort=rule-change").statusCode()).isEqualTo(200);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("kind", "rule-change");
        form.put("title", "Jeugdhulp zonder wachtlijst in Zuidoost");
        form.put("nationalRule", "jeugdwet");
        form.put("article", "art. 2.3");
        form.put("conflict", "Een beschikking per kind vertraagt de hulp.");
        form.put("action", "show-precedents");
        HttpResponse<String> shown = session.post("/verzoeken/nieuw", form);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("Eerdere besluiten over deze regeling", decided, "Rotterdam",
                        "Jeugdhulp zonder beschikking in het focusgebied.", "artikel 2.3 (hetzelfde artikel)",
                        "https://wetten.overheid.nl/BWBR0034925")
                .contains("value=\"Jeugdhulp zonder wachtlijst in Zuidoost\"", "Een beschikking per kind vertraagt de hulp.")
                .doesNotContain(contact, "J. de Vries", "class=\"error\"");

        form.put("nationalRule", "");
        assertThat(session.post("/verzoeken/nieuw", form).body()).contains("Kies eerst een regeling uit de catalogus");

        String casePage = WebSession.loggedIn(port, TestUsers.AUDITOR).get("/audit/zaken/" + decided).body();
        assertThat(casePage).contains("Regeling uit de catalogus", "Jeugdwet",
                "href=\"https://wetten.overheid.nl/BWBR0034925\"", "artikel 2.3");
    }
}
