package nl.doorbraak.web;

import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.submit;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.doorbraak.support.Http;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TestUsers;

/**
 * The signal pages: the programme office starts a signal, links and unlinks requests with their
 * errors at the fields; auditors read without forms; others are refused; the request's own page
 * and the auditor's case page show the signal. The requests name the Wmo 2015, article 2.3.6.
 */
@PostgresIntegrationTest
class SignalPagesTests {

    @LocalServerPort
    int port;

    @Test
    void theProgrammeOfficeStartsLinksAndUnlinksWithErrorsAtTheirFields() {
        Http http = new Http(port);
        String first = request(http, "rotterdam", "rotterdam-zuid");
        String second = request(http, "schiedam", "schiedam-nieuwland");
        WebSession office = WebSession.loggedIn(port, TestUsers.PROGRAMME_OFFICE);

        String list = office.get("/signalen").body();
        assertThat(list).contains("<h1>Signalen: terugkerende knelpunten</h1>", "Signaal starten",
                "<label for=\"nationalRule\">");
        String errors = office.post("/signalen", Map.of("nationalRule", "", "article", "", "requests", "NPLV-1900-99999",
                "reason", "")).body();
        assertThat(errors).contains("Er is iets niet goed ingevuld", "Landelijke regel is verplicht.",
                "Reden is verplicht.", "Verzoek &#39;NPLV-1900-99999&#39; bestaat niet.");
        int requestsField = errors.indexOf("<label for=\"requests\">");
        assertThat(errors.indexOf("bestaat niet", requestsField)).isBetween(requestsField,
                errors.indexOf("id=\"requests\"", requestsField));

        HttpResponse<String> started = office.post("/signalen", Map.of("nationalRule", "wmo-2015",
                "article", "art. 2.3.6 web", "requests", first, "reason", "Het maatwerkbesluit doorkruist de wijkaanpak."));
        assertThat(started.statusCode()).isEqualTo(302);
        String location = started.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/signalen/SIG-\\d{4}-\\d{3}");
        String reference = location.substring(location.lastIndexOf('/') + 1);

        String page = office.get("/signalen/" + reference).body();
        assertThat(page).contains("Signaal " + reference + " is gestart.", first, "Rotterdam-Zuid", "Verzoek koppelen",
                "Wet maatschappelijke ondersteuning 2015 (Wmo 2015), artikel 2.3.6 web", "BWBR0035362",
                "Nog niet gegeven.");

        assertThat(office.post("/signalen/" + reference + "/koppelen", Map.of("request", "NPLV-1900-99999", "reason", ""))
                .body()).contains("Verzoek &#39;NPLV-1900-99999&#39; bestaat niet.", "Reden is verplicht.");
        assertThat(office.post("/signalen/" + reference + "/koppelen", Map.of("request", second,
                "reason", "Zelfde knelpunt in Nieuwland-Oost.")).statusCode()).isEqualTo(302);
        office.get("/signalen/" + reference);
        assertThat(office.post("/signalen/" + reference + "/koppelen", Map.of("request", second, "reason", "Nog eens."))
                .body()).contains("is al gekoppeld aan signaal " + reference);

        office.get("/signalen/" + reference);
        assertThat(office.post("/signalen/" + reference + "/ontkoppelen", Map.of("request", second, "reason", ""))
                .body()).contains("Reden is verplicht.", "id=\"unlinkReason\"");
        assertThat(office.post("/signalen/" + reference + "/ontkoppelen", Map.of("request", second,
                "reason", "Ander artikel.")).statusCode()).isEqualTo(302);
        assertThat(office.get("/signalen/" + reference).body()).contains("Ontkoppelde verzoeken", "Ander artikel.");
        assertThat(office.get("/signalen").body()).contains(reference);

        // the request's pages show the signal: the municipality's without a link, the auditor's with one
        assertThat(WebSession.loggedIn(port, "rotterdam").get("/verzoeken/" + first).body())
                .contains("<dt>Signaal</dt>", reference).doesNotContain("href=\"/signalen/" + reference + "\"");
        WebSession auditor = WebSession.loggedIn(port, TestUsers.AUDITOR);
        assertThat(auditor.get("/audit/zaken/" + first).body()).contains("href=\"/signalen/" + reference + "\"");

        // auditors read, without the forms
        String read = auditor.get("/signalen/" + reference).body();
        assertThat(read).contains(first).doesNotContain("Verzoek koppelen", "Verzoek ontkoppelen");
        assertThat(auditor.get("/signalen").body()).contains(reference).doesNotContain("Signaal starten");
        assertThat(auditor.post("/signalen/" + reference + "/koppelen", Map.of("request", second, "reason", "x"))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void ministriesMunicipalitiesAndTheDirectorHaveNoSignalPages() {
        for (String user : new String[] {TestUsers.REVIEWER_SZW, TestUsers.ROTTERDAM, TestUsers.PROGRAMME_DIRECTOR}) {
            WebSession session = WebSession.loggedIn(port, user);
            HttpResponse<String> page = session.get("/signalen");
            assertThat(page.statusCode()).as(user).isEqualTo(403);
            assertThat(page.body()).contains("<html lang=\"nl\"");
        }
        assertThat(WebSession.loggedIn(port, TestUsers.PROGRAMME_OFFICE).get("/signalen/SIG-1900-999").statusCode())
                .isEqualTo(404);
    }

    private static String request(Http http, String user, String focusArea) {
        Map<String, Object> body = new LinkedHashMap<>(ruleChange(focusArea, uniqueEmail(user)));
        body.remove("regulation");
        body.put("nationalRule", "wmo-2015");
        body.put("article", "art. 2.3.6 web");
        return submit(http, user, body);
    }
}
