package nl.doorbraak.web;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.doorbraak.support.Http;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TestUsers;

import static nl.doorbraak.support.CaseSteps.PDF;
import static nl.doorbraak.support.CaseSteps.intakeAsks;
import static nl.doorbraak.support.CaseSteps.request;
import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.submit;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static nl.doorbraak.web.WebPagesTests.NIEUWEGEIN;
import static nl.doorbraak.web.WebPagesTests.NIEUWEGEIN_AREA;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A form posted without a valid CSRF token, over HTTP with a session cookie as a browser sends it:
 * after the session expired (kept, back after the login, sent with one more click), without any
 * session cookie (not kept), with a valid session (a forgery attempt), a logout and a login page
 * left open too long. Each refusal changes nothing but its own entry on the audit trail.
 */
@PostgresIntegrationTest
class InterruptedFormTests {

    private static final Pattern TEXTAREA = Pattern.compile("<textarea[^>]*name=\"(\\w+)\"[^>]*>([^<]*)</textarea>");

    @LocalServerPort
    int port;
    @Autowired
    WebServerApplicationContext server;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessEngine engine;

    @Test
    void aWithdrawalSentAfterTheSessionExpiredIsKeptAndSentWithOneClickAfterTheLogin() {
        WebSession owner = WebSession.loggedIn(port, NIEUWEGEIN);
        String reference = openWithdrawalOfANewCase(owner);
        String withdrawal = "/verzoeken/" + reference + "/intrekken";
        owner.expire(server);

        var before = PageRefusals.tables(jdbc);
        HttpResponse<String> refused = owner.post(withdrawal, Map.of("reason", "Opgelost met de woningcorporatie & wijkteam."));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?verlopen"));
        PageRefusals.onlyAuditEntriesAdded(before, PageRefusals.tables(jdbc), 1);
        assertThat(PageRefusals.newest(jdbc)).containsEntry("action", "csrf-refused").containsEntry("result", "refused")
                .containsEntry("user_id", null).containsEntry("resource_id", "POST " + withdrawal)
                .containsEntry("explanation", "De sessie was verlopen: niet verwerkt; wat was ingevuld is bewaard tot de"
                        + " gebruiker opnieuw inlogt.");
        assertThat(request(new Http(port), NIEUWEGEIN, reference).path("status").asText()).isNotEqualTo("withdrawn");

        String login = owner.get("/login?verlopen").body();
        assertThat(login).contains("<html lang=\"nl\"").contains("Wat u had ingevuld is bewaard");
        HttpResponse<String> loggedIn = owner.login(NIEUWEGEIN, TestUsers.PASSWORD);
        assertThat(loggedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        HttpResponse<String> start = owner.get("/");
        assertThat(start.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(withdrawal));

        String form = owner.get(withdrawal).body();
        assertThat(form).contains("Wat u had ingevuld staat hieronder weer klaar")
                .doesNotContain("Kies het bestand");
        Map<String, String> fields = textareas(form);
        assertThat(fields).containsEntry("reason", "Opgelost met de woningcorporatie &amp; wijkteam.");

        // one click sends the form as the page shows it
        HttpResponse<String> sent = owner.post(withdrawal, Map.of("reason", unescape(fields.get("reason"))));
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(request(new Http(port), NIEUWEGEIN, reference).path("status").asText()).isEqualTo("withdrawn");
        assertThat(owner.get("/verzoeken/" + reference).body())
                .contains("Verzoek ingetrokken: Opgelost met de woningcorporatie &amp; wijkteam.");
        // shown once: the form and the start page are back to normal
        assertThat(owner.get(withdrawal).body()).doesNotContain("Wat u had ingevuld");
        assertThat(owner.get("/").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/verzoeken"));
    }

    @Test
    void anAnswerWithAFileSentAfterTheSessionExpiredComesBackAndAsksForTheFileAgain() {
        String reference = submit(new Http(port), NIEUWEGEIN, ruleChange(NIEUWEGEIN_AREA, uniqueEmail(NIEUWEGEIN)));
        intakeAsks(new Http(port), engine, reference, "Om hoeveel woningen gaat het?");
        String taskId = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey("Task_ProvideInformation").singleResult().getId();
        WebSession owner = WebSession.loggedIn(port, NIEUWEGEIN);
        assertThat(owner.get("/verzoeken/" + reference).body()).contains("Vraag aan uw gemeente");
        owner.expire(server);

        var before = PageRefusals.tables(jdbc);
        HttpResponse<String> refused = owner.postMultipart("/verzoeken/" + reference + "/vragen/" + taskId,
                Map.of("informationAnswer", "Het gaat om 120 woningen."),
                Map.of("files", Map.entry("woningen-centrale-as.pdf", PDF)));
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?verlopen"));
        PageRefusals.onlyAuditEntriesAdded(before, PageRefusals.tables(jdbc), 1);
        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).as("the task is still open").isOne();

        assertThat(WebSession.loggedIn(port, NIEUWEGEIN).get("/").headers().firstValue("Location"))
                .as("another browser of the same user: nothing waits there")
                .hasValueSatisfying(l -> assertThat(l).endsWith("/verzoeken"));
        owner.login(NIEUWEGEIN, TestUsers.PASSWORD);
        assertThat(owner.get("/").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/verzoeken/" + reference));
        String page = owner.get("/verzoeken/" + reference).body();
        assertThat(textareas(page)).containsEntry("informationAnswer", "Het gaat om 120 woningen.");
        assertThat(page).contains("Kies het bestand woningen-centrale-as.pdf opnieuw: een browser kan een gekozen"
                + " bestand niet bewaren.");

        HttpResponse<String> sent = owner.postMultipart("/verzoeken/" + reference + "/vragen/" + taskId,
                Map.of("informationAnswer", textareas(page).get("informationAnswer")),
                Map.of("files", Map.entry("woningen-centrale-as.pdf", PDF)));
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isZero();
        assertThat(owner.get("/verzoeken/" + reference).body()).contains("woningen-centrale-as.pdf");
    }

    @Test
    void aFormPostedWithoutAnySessionCookieIsNeitherProcessedNorKept() {
        WebSession owner = WebSession.loggedIn(port, NIEUWEGEIN);
        String reference = openWithdrawalOfANewCase(owner);
        String withdrawal = "/verzoeken/" + reference + "/intrekken";
        owner.dropCookies();

        var before = PageRefusals.tables(jdbc);
        HttpResponse<String> refused = owner.post(withdrawal, Map.of("reason", "Van een andere website"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(refused.body()).contains("<html lang=\"nl\"").contains("Niet verwerkt")
                .contains("U bent niet ingelogd, daarom is het formulier niet verwerkt.");
        assertThat(refused.headers().allValues("Set-Cookie")).as("no new session to replace the browser's own").isEmpty();
        assertThat(refused.headers().firstValue("Content-Security-Policy")).isPresent();
        PageRefusals.onlyAuditEntriesAdded(before, PageRefusals.tables(jdbc), 1);
        assertThat(PageRefusals.newest(jdbc)).containsEntry("action", "csrf-refused").containsEntry("user_id", null)
                .containsEntry("resource_id", "POST " + withdrawal)
                .hasEntrySatisfying("explanation", e -> assertThat((String) e).startsWith("Zonder sessie"));

        owner.login(NIEUWEGEIN, TestUsers.PASSWORD);
        assertThat(owner.get("/").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/verzoeken"));
        assertThat(owner.get(withdrawal).body()).doesNotContain("Van een andere website");
        assertThat(request(new Http(port), NIEUWEGEIN, reference).path("status").asText()).isNotEqualTo("withdrawn");
    }

    @Test
    void aFormWithoutTheTokenInAValidSessionIsAForgeryAttemptRefusedWithADutchPage() {
        WebSession owner = WebSession.loggedIn(port, NIEUWEGEIN);
        String reference = openWithdrawalOfANewCase(owner);
        String withdrawal = "/verzoeken/" + reference + "/intrekken";

        var before = PageRefusals.tables(jdbc);
        for (Map<String, String> forged : java.util.List.of(Map.of("reason", "Vervalst"),
                Map.of("reason", "Vervalst", "_csrf", "niet-het-token"))) {
            HttpResponse<String> refused = owner.postWithoutToken(withdrawal, forged);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(refused.body()).contains("Niet verwerkt").contains("het beveiligingskenmerk ontbrak of niet klopte")
                    .contains("href=\"" + withdrawal + "\"").doesNotContain("Vervalst");
            assertThat(PageRefusals.newest(jdbc)).containsEntry("action", "csrf-refused")
                    .containsEntry("user_id", NIEUWEGEIN).containsEntry("resource_id", "POST " + withdrawal)
                    .hasEntrySatisfying("explanation", e -> assertThat((String) e).contains("bij een geldige sessie"));
        }
        PageRefusals.onlyAuditEntriesAdded(before, PageRefusals.tables(jdbc), 2);
        assertThat(request(new Http(port), NIEUWEGEIN, reference).path("status").asText()).isNotEqualTo("withdrawn");
        // the session itself goes on
        assertThat(owner.get("/verzoeken").statusCode()).isEqualTo(200);
    }

    @Test
    void aLogoutFromAnExpiredSessionIsNoRefusalAndAStaleLoginPageAsksAgain() {
        WebSession owner = WebSession.loggedIn(port, NIEUWEGEIN);
        owner.get("/verzoeken");
        owner.expire(server);
        var before = PageRefusals.tables(jdbc);
        HttpResponse<String> logout = owner.post("/logout", Map.of());
        assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?afgemeld"));
        assertThat(PageRefusals.tables(jdbc)).isEqualTo(before);

        WebSession visitor = new WebSession(port);
        visitor.get("/login");
        visitor.expire(server);
        HttpResponse<String> login = visitor.post("/login", Map.of("username", NIEUWEGEIN,
                "password", TestUsers.PASSWORD));
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?verlopen"));
        assertThat(PageRefusals.newest(jdbc)).containsEntry("action", "csrf-refused").containsEntry("user_id", null)
                .containsEntry("resource_id", "POST /login")
                .containsEntry("explanation", "De inlogpagina was verlopen: opnieuw getoond.");
        assertThat(visitor.get("/login?verlopen").body()).contains("Uw sessie was verlopen. Log").doesNotContain("bewaard");
        assertThat(visitor.login(NIEUWEGEIN, TestUsers.PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/"));
    }

    /** Submits a case for Nieuwegein and opens its withdrawal form in the owner's session; the case's reference. */
    private String openWithdrawalOfANewCase(WebSession owner) {
        String reference = submit(new Http(port), NIEUWEGEIN, ruleChange(NIEUWEGEIN_AREA, uniqueEmail(NIEUWEGEIN)));
        assertThat(owner.get("/verzoeken/" + reference + "/intrekken").body()).contains("Weet u zeker dat u verzoek");
        return reference;
    }

    /** name → content of every textarea of the page, as the HTML has it (escaped). */
    private static Map<String, String> textareas(String page) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        Matcher textarea = TEXTAREA.matcher(page);
        while (textarea.find()) {
            fields.put(textarea.group(1), textarea.group(2));
        }
        return fields;
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
