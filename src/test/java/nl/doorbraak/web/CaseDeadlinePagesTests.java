package nl.doorbraak.web;

import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.submit;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.platform.time.WorkingDays;
import nl.doorbraak.support.Http;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TestUsers;

/**
 * The request page shows the case deadline in words ("Besluit uiterlijk op …", "Opgeschort sinds
 * … wegens …", "Verlengd tot … wegens …"), and the programme office's page suspends, resumes and
 * extends it with a reason, with the errors in Dutch at the form; the municipality sees its own
 * deadline but no form, another municipality nothing.
 */
@PostgresIntegrationTest
class CaseDeadlinePagesTests {

    private static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("d MMMM yyyy",
            Locale.forLanguageTag("nl"));

    @LocalServerPort
    int port;

    @Test
    void theProgrammeOfficeSuspendsResumesAndExtendsOnThePageAndTheMunicipalityReadsIt() {
        String reference = submit(new Http(port), "tilburg", ruleChange("tilburg-noordwest", uniqueEmail("tilburg"),
                "income-support"));
        LocalDate today = CaseClock.dutchNow().toLocalDate();
        LocalDate due = WorkingDays.plus(today, 40);
        String page = "/verzoeken/" + reference;
        String form = page + "/doorlooptijd";

        WebSession municipality = WebSession.loggedIn(port, "tilburg");
        assertThat(municipality.get(page).body()).contains("<h2 id=\"doorlooptijdkop\">Doorlooptijd</h2>",
                "Besluit uiterlijk op " + WRITTEN.format(due) + " (nog 40 werkdagen).")
                .doesNotContain("Doorlooptijd opschorten, hervatten of verlengen");
        assertThat(municipality.get(form).statusCode()).isEqualTo(403);
        assertThat(municipality.post(form + "/opschorten", Map.of("suspensionReason", "Wij.")).statusCode())
                .isEqualTo(403);
        assertThat(WebSession.loggedIn(port, "heerlen").get(page).statusCode()).isEqualTo(404);
        assertThat(WebSession.loggedIn(port, "heerlen").get(form).statusCode()).isEqualTo(404);

        WebSession office = WebSession.loggedIn(port, TestUsers.PROGRAMME_OFFICE);
        assertThat(office.get(page).body()).contains("Doorlooptijd opschorten, hervatten of verlengen");
        assertThat(office.get(form).body()).contains("<label for=\"suspensionReason\">Reden van de opschorting</label>",
                "<label for=\"newDueDate\">Nieuwe uiterste datum</label>", "Doorlooptijd vastgesteld");
        assertThat(office.postWithoutToken(form + "/opschorten", Map.of("suspensionReason", "Zonder token."))
                .statusCode()).isEqualTo(403);

        HttpResponse<String> refused = office.post(form + "/opschorten", Map.of("suspensionReason", ""));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Er is iets niet goed ingevuld", "Reden is verplicht.");

        HttpResponse<String> suspended = office.post(form + "/opschorten",
                Map.of("suspensionReason", "Wacht op de uitspraak van de rechter."));
        assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(302);
        assertThat(office.get(page).body()).contains("De doorlooptijd is opgeschort.",
                "Opgeschort sinds " + WRITTEN.format(today) + " wegens wacht op de uitspraak van de rechter.");
        assertThat(municipality.get(page).body()).contains("Opgeschort sinds " + WRITTEN.format(today),
                "Doorlooptijd opgeschort wegens wacht op de uitspraak van de rechter.");

        office.get(form);
        HttpResponse<String> again = office.post(form + "/opschorten", Map.of("suspensionReason", "Nogmaals."));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("is al opgeschort sinds");
        assertThat(office.post(form + "/hervatten", Map.of("resumptionReason", "")).statusCode()).isEqualTo(302);

        office.get(form);
        Map<String, String> extension = new LinkedHashMap<>(Map.of("newDueDate", due.minusDays(1).toString(),
                "extensionReason", ""));
        HttpResponse<String> wrong = office.post(form + "/verlengen", extension);
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("Reden is verplicht.", "Nieuwe uiterste datum moet na de huidige uiterste datum");

        LocalDate later = WorkingDays.plus(due, 10);
        extension.put("newDueDate", later.toString());
        extension.put("extensionReason", "Advies van de Raad van State nodig.");
        assertThat(office.post(form + "/verlengen", extension).statusCode()).isEqualTo(302);
        assertThat(municipality.get(page).body()).contains("Verlengd tot " + WRITTEN.format(later)
                + " wegens advies van de Raad van State nodig.", "Doorlooptijd verlengd tot " + WRITTEN.format(later));
        assertThat(office.get(form).body()).doesNotContain("<h2 id=\"verlengen\">")
                .contains("Doorlooptijd verlengd tot", " — door programme-office", " — automatisch");
    }
}
