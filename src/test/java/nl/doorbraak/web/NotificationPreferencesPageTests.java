package nl.doorbraak.web;

import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.doorbraak.support.Http;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TestUsers;

/**
 * "Mijn e-mailmeldingen": reachable from the header for every signed-in user (a municipality of the
 * web pages and a reviewer of Tasklist alike), every error at once, only one's own choices; and
 * the receipt of a request submitted with the web form (its delivery: NotificationMailTests).
 */
@PostgresIntegrationTest
class NotificationPreferencesPageTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aReviewerChoosesTheDigestOnThePageAndTheApiShowsIt() {
        WebSession web = WebSession.loggedIn(port, TestUsers.LEAD_SZW);
        String home = web.get("/").body();
        assertThat(home).contains("<a href=\"/mijn-e-mailmeldingen\">Mijn e-mailmeldingen</a>");

        String page = web.get("/mijn-e-mailmeldingen").body();
        assertThat(page).contains("<h1>Mijn e-mailmeldingen</h1>")
                .contains("<legend>E-mail bij een nieuwe taak</legend>")
                .contains("<label for=\"newTasks-daily-digest\">Eén keer per dag, in een overzicht</label>")
                .containsPattern("id=\"newTasks-immediately\" value=\"immediately\"\\s+checked");

        var before = preferencesOf(TestUsers.LEAD_SZW);
        HttpResponse<String> refused = web.post("/mijn-e-mailmeldingen", Map.of("newTasks", "soms"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Er is iets niet goed ingevuld").contains("href=\"#newTasks\"")
                .contains("href=\"#deadlines\"");
        assertThat(preferencesOf(TestUsers.LEAD_SZW)).as("nothing stored").isEqualTo(before);

        HttpResponse<String> saved = web.post("/mijn-e-mailmeldingen",
                Map.of("newTasks", "daily-digest", "deadlines", "off"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(web.get("/mijn-e-mailmeldingen").body())
                .contains("Uw keuzes voor e-mailmeldingen zijn opgeslagen.")
                .containsPattern("id=\"newTasks-daily-digest\" value=\"daily-digest\"\\s+checked")
                .containsPattern("id=\"deadlines-off\" value=\"off\"\\s+checked");
        var api = Http.json(new Http(port).get("/api/v1/me/notification-preferences", TestUsers.LEAD_SZW));
        assertThat(api.path("newTasks").asText()).isEqualTo("daily-digest");
        assertThat(api.path("deadlines").asText()).isEqualTo("off");
    }

    @Test
    void theFormWithoutTheSessionsTokenChangesNothing() {
        WebSession web = WebSession.loggedIn(port, TestUsers.AUDITOR);
        web.get("/mijn-e-mailmeldingen");
        var before = preferencesOf(TestUsers.AUDITOR);
        HttpResponse<String> refused = web.postWithoutToken("/mijn-e-mailmeldingen",
                Map.of("newTasks", "off", "deadlines", "off"));
        assertThat(refused.statusCode()).isNotEqualTo(302);
        assertThat(preferencesOf(TestUsers.AUDITOR)).as("nothing stored").isEqualTo(before);
    }

    @Test
    void aRequestSubmittedWithTheWebFormGetsOneReceipt() {
        WebSession web = WebSession.loggedIn(port, TestUsers.ROTTERDAM);
        web.get("/verzoeken/nieuw?soort=rule-change");
        String contact = uniqueEmail("rotterdam");
        HttpResponse<String> response = web.post("/verzoeken/nieuw", webForm(contact));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        String reference = location.substring(location.lastIndexOf('/') + 1);

        assertThat(jdbc.queryForList("SELECT recipient FROM outbox WHERE topic = ? AND relayed = TRUE", String.class,
                "receipt@" + reference)).containsExactly(contact);
        assertThat(jdbc.queryForObject("SELECT subject FROM outbox WHERE topic = ?", String.class, "receipt@" + reference))
                .isEqualTo("Ontvangstbevestiging " + reference + ": Schuldhulp zonder wachttijd");
    }

    private static Map<String, String> webForm(String contact) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("kind", "rule-change");
        form.put("idempotencyKey", UUID.randomUUID().toString());
        form.put("focusArea", "rotterdam-zuid");
        form.put("title", "Schuldhulp zonder wachttijd");
        form.put("nationalRule", "");
        form.put("regulation", "Wet gemeentelijke schuldhulpverlening");
        form.put("article", "");
        form.put("ruleDomains", "debt-assistance");
        form.put("conflict", "De wachttijd houdt bewoners in de schulden.");
        form.put("proposedSolution", "Hulp zonder wachttijd in het focusgebied.");
        form.put("requestedInstrument", "experiment");
        form.put("residentsAffected", "120");
        form.put("urgency", "normal");
        form.put("contactName", "A. Bakker");
        form.put("contactEmail", contact);
        form.put("action", "submit");
        return form;
    }

    /** The user's stored choices, if any: other tests in the shared database may have set some. */
    private java.util.List<java.util.Map<String, Object>> preferencesOf(String user) {
        return jdbc.queryForList("SELECT * FROM notification_preference WHERE user_id = ?", user);
    }
}
