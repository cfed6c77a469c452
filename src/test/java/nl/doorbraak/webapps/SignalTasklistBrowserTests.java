package nl.doorbraak.webapps;

import static nl.doorbraak.support.CaseSteps.advise;
import static nl.doorbraak.support.CaseSteps.completeCurrentTask;
import static nl.doorbraak.support.CaseSteps.decision;
import static nl.doorbraak.support.CaseSteps.intakeComplete;
import static nl.doorbraak.support.CaseSteps.request;
import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.submit;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.doorbraak.support.Http;
import nl.doorbraak.support.Jobs;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TestUsers;

/**
 * An SZW reviewer in Camunda Tasklist (headless Chromium) when two focus areas name the same
 * rule and article, and a third was granted earlier on another article of it: the "Beoordelen"
 * form of a request shows its signal and that earlier decision (a precedent), and the signal's
 * own task "Structureel antwoord geven" shows the rule and the linked requests and takes the
 * answer. The rule is one no other test uses (Wet SUWI), so no other test's signal is open on it.
 * Screenshots go to {@code target/screenshots/SignalTasklistBrowserTests.<test>/}.
 */
@PostgresIntegrationTest
class SignalTasklistBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;

    @RegisterExtension
    final Browser browser = new Browser(() -> port);

    @Test
    void anSzwReviewerSeesTheSignalAndThePrecedentOnTheAssessmentAndGivesTheStructuralAnswer() {
        Http http = new Http(port);
        String amsterdam = submitOnRule(http, TestUsers.AMSTERDAM, "amsterdam-zuidoost", "art. 9");
        intakeComplete(http, engine.getTaskService(), amsterdam, "income-support");
        advise(http, engine, amsterdam, "szw", "support", "Past binnen de experimenteerbepaling.");
        completeCurrentTask(http, engine.getTaskService(), amsterdam, "Task_Decide", TestUsers.PROGRAMME_DIRECTOR,
                decision("granted", "Het experiment in Zuidoost mag doorgaan."));

        String rotterdam = submitOnRule(http, "rotterdam", "rotterdam-zuid", "art. 8");
        intakeComplete(http, engine.getTaskService(), rotterdam, "income-support");
        String schiedam = submitOnRule(http, "schiedam", "schiedam-nieuwland", "art. 8");
        intakeComplete(http, engine.getTaskService(), schiedam, "income-support");
        String signal = request(http, TestUsers.PROGRAMME_OFFICE, rotterdam).path("signal").path("reference").asText();
        assertThat(signal).matches("SIG-\\d{4}-\\d{3}");

        TasklistPage tasklist = new TasklistPage(browser);
        tasklist.login(TestUsers.REVIEWER_SZW);
        tasklist.openFilter("Open beoordelingen SZW");
        browser.step("open-assessments");
        String assessment = "Beoordelen verzoek " + rotterdam + " (SZW)";
        String answer = "Structureel antwoord geven signaal " + signal + " (SZW)";
        assertThat(tasklist.taskNames()).contains(assessment, answer);

        tasklist.openTask(assessment);
        browser.step("assessment-with-signal");
        assertThat(tasklist.fieldValue("Signaal (terugkerend knelpunt)"))
                .startsWith("Gekoppeld aan signaal " + signal
                        + " over Wet structuur uitvoeringsorganisatie werk en inkomen (Wet SUWI), artikel 8")
                .contains("(2 verzoeken), bij SZW", "Status: Open: wacht op structureel antwoord.");
        assertThat(tasklist.fieldValue("Eerdere besluiten over deze regeling"))
                .contains("Wet structuur uitvoeringsorganisatie werk en inkomen (BWBR0013060)", amsterdam, "Amsterdam",
                        "Het experiment in Zuidoost mag doorgaan.")
                .doesNotContain(rotterdam);

        tasklist.openTask(answer);
        browser.step("signal-task");
        assertThat(tasklist.fieldValue("Kenmerk signaal")).isEqualTo(signal);
        assertThat(tasklist.fieldValue("Regel (regeling, artikel, BWB-id)")).contains("Wet SUWI", "BWBR0013060");
        assertThat(tasklist.taskViewText()).contains("Gekoppelde verzoeken", rotterdam, schiedam, "Rotterdam-Zuid",
                "Nieuwland-Oost");

        tasklist.claim();
        tasklist.choose("Soort antwoord", "Er komt een handreiking of uitleg")
                .fill("Structureel antwoord (wat verandert er, per wanneer)",
                        "SZW publiceert binnen drie maanden een handreiking over maatwerk bij de kostendelersnorm.");
        browser.step("answer-filled-in");
        assertThat(tasklist.complete()).as("the task left the view").isTrue();
        Jobs.runDue(engine);

        JsonNode after = request(http, "schiedam", schiedam).path("signal");
        assertThat(after.path("status").asText()).isEqualTo("answered");
        assertThat(after.path("answerKind").asText()).isEqualTo("guidance");
        assertThat(after.path("answer").asText()).startsWith("SZW publiceert binnen drie maanden");
    }

    private static String submitOnRule(Http http, String user, String focusArea, String article) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(ruleChange(focusArea, uniqueEmail(user)));
        body.remove("regulation");
        body.put("nationalRule", "wet-suwi");
        body.put("article", article);
        return submit(http, user, body);
    }
}
