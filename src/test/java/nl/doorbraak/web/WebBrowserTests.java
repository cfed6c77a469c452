package nl.doorbraak.web;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.doorbraak.support.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pages in a real Chromium: a municipality submits through the form (first meeting the Dutch
 * validation messages), follows its case; another municipality does not find it; an auditor
 * finds the case, reads its trail and diagram and downloads an export the offline verifier
 * accepts; a form sent after the session expired is back, filled in, after the login, and one
 * click sends it, while page views with all they pull in write no refusal. Cases here are
 * submitted by Eindhoven and recognised by a token in their title.
 */
@PostgresIntegrationTest
class WebBrowserTests {

    static final Path VERIFIER = Path.of("docs", "audit", "AuditVerify.java");

    @LocalServerPort
    int port;
    @TempDir
    Path dir;
    @Autowired
    WebServerApplicationContext server;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aMunicipalitySubmitsAndFollowsItsCaseAndAnAuditorReviewsIt() throws Exception {
        String token = UUID.randomUUID().toString().substring(0, 8);
        String title = "<script>alert('" + token + "')</script> Woensel-Zuid";
        try (Browser browser = new Browser(port, "submit-follow-review")) {
            // the municipality: the form first answers with every Dutch message next to its field
            browser.login("eindhoven");
            assertThat(browser.text("h1")).isEqualTo("Mijn verzoeken");
            browser.follow("a[href='/verzoeken/nieuw']");
            browser.follow("a[href='/verzoeken/nieuw?soort=rule-change']");
            browser.type("title", title);
            browser.follow("form button.button[value=submit]");
            browser.screenshot("validation-messages");
            assertThat(browser.text(".error-summary h2")).isEqualTo("Er is iets niet goed ingevuld");
            assertThat(fieldErrors(browser, "focusArea")).containsExactly("Focusgebied is verplicht.");
            assertThat(fieldErrors(browser, "contactEmail")).containsExactly("E-mailadres contactpersoon is verplicht.");
            assertThat(fieldErrors(browser, "title")).isEmpty();
            assertThat(browser.driver.findElement(By.id("title")).getAttribute("value")).isEqualTo(title);

            fillInTheRestOfARuleChange(browser, token);
            browser.follow("form button.button[value=submit]");
            browser.screenshot("submitted");

            assertThat(browser.text(".notice")).startsWith("Uw verzoek is ingediend onder kenmerk NPLV-");
            String reference = browser.text("h1 .reference");
            assertThat(reference).matches("NPLV-\\d{4}-\\d{5}");
            assertThat(browser.text("h1")).startsWith(title);
            assertThatThrownBy(() -> browser.driver.switchTo().alert()).as("the script in the title did not run")
                    .isInstanceOf(NoAlertPresentException.class);
            assertThat(browser.text(".timeline")).contains("Verzoek ingediend door");
            assertThat(browser.text("ul.documents")).contains("onderbouwing-" + token + ".pdf").contains("application/pdf");
            assertThat(browser.text("main")).contains("Experiment op grond van een experimenteerbepaling")
                    .contains("Participatiewet");
            assertThat(browser.text("dd.status")).isNotBlank();
            browser.open("/verzoeken");
            assertThat(browser.text("table")).contains(reference);

            // another municipality: the case does not exist for it
            browser.login("zaanstad");
            browser.open("/verzoeken/" + reference);
            browser.screenshot("other-municipality");
            assertThat(browser.text("h1")).isEqualTo("Niet gevonden");
            assertThat(browser.driver.getPageSource()).doesNotContain(token);

            // the auditor: finds the case, reads its trail, verification and process path
            browser.login("auditor");
            assertThat(browser.text("h1")).isEqualTo("Zaken zoeken");
            browser.type("reference", reference);
            browser.follow("form.filters button[type=submit]");
            browser.screenshot("auditor-case");
            assertThat(browser.text("h1 .reference")).isEqualTo(reference);
            assertThat(browser.text("h1")).contains(title);
            assertThat(browser.text(".verification .verdict")).startsWith("Intact");
            assertThat(browser.text("ol.trail")).contains("Verzoek ingediend (verzoek om regelaanpassing)")
                    .contains(", door Indiener Eindhoven");
            WebElement diagram = browser.driver.findElement(By.cssSelector("figure.diagram img"));
            assertThat((Boolean) browser.driver.executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0",
                    diagram)).as("the diagram loads").isTrue();
            String exportHref = browser.driver.findElement(By.partialLinkText("NDJSON")).getAttribute("href");

            browser.driver.get(diagram.getAttribute("src"));
            browser.screenshot("diagram");
            assertThat(browser.driver.findElement(By.cssSelector("g[data-element-id='Task_Intake']")).getAttribute("class"))
                    .contains("current");
            assertThat(browser.driver.findElement(By.cssSelector("g[data-element-id='StartEvent_SubmittedViaApi']"))
                    .getAttribute("class")).contains("visited");

            // the export, downloaded with the auditor's session, verifies offline
            Path export = dir.resolve("export.ndjson");
            HttpResponse<Path> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(exportHref))
                    .header("Cookie", "JSESSIONID=" + browser.sessionCookie()).GET().build(),
                    HttpResponse.BodyHandlers.ofFile(export));
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                    value -> assertThat(value).contains("attachment").contains(reference + ".ndjson"));
            assertThat(Files.readAllLines(export)).isNotEmpty().allSatisfy(line ->
                    assertThat(line).contains("\"chain\":\"" + reference + "\""));
            String verdict = verifyOffline(export);
            assertThat(verdict).contains("RESULT ok=true chains=1").contains("Resultaat: intact");
        }
    }

    @Test
    void aFormSentAfterTheSessionExpiredIsBackAfterTheLoginAndOneClickSendsIt() throws Exception {
        String token = UUID.randomUUID().toString().substring(0, 8);
        String title = "Wachtlijst schuldhulp " + token;
        try (Browser browser = new Browser(port, "expired-session")) {
            browser.login("eindhoven");
            long refusals = PageRefusals.count(jdbc);
            browser.open("/verzoeken/nieuw?soort=rule-change");
            browser.type("title", title);
            fillInTheRestOfARuleChange(browser, token);
            assertThat(PageRefusals.count(jdbc)).as("page views, with all they pull in, are no refusals")
                    .isEqualTo(refusals);

            // the form was left open longer than the session lives
            WebSession.expire(server, browser.sessionCookie());
            browser.follow("form button.button[value=submit]");
            browser.screenshot("login-after-expiry");
            assertThat(browser.text("h1")).isEqualTo("Inloggen");
            assertThat(browser.text("main .notice")).contains("Wat u had ingevuld is bewaard");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM request WHERE title = ?", Long.class, title)).isZero();
            assertThat(PageRefusals.count(jdbc)).isEqualTo(refusals + 1);

            browser.type("username", "eindhoven");
            browser.type("password", nl.doorbraak.support.TestUsers.PASSWORD);
            browser.follow("main form button[type=submit]");
            browser.screenshot("form-restored");
            assertThat(browser.driver.getCurrentUrl()).endsWith("/verzoeken/nieuw?soort=rule-change");
            assertThat(browser.text(".notice.restored")).contains("Wat u had ingevuld staat hieronder weer klaar")
                    .contains("Kies het bestand onderbouwing-" + token + ".pdf opnieuw");
            assertThat(value(browser, "title")).isEqualTo(title);
            assertThat(value(browser, "regulation")).isEqualTo("Participatiewet");
            assertThat(value(browser, "contactEmail")).isEqualTo("f.elamrani@eindhoven.example");
            assertThat(value(browser, "conflict")).startsWith("De kostendelersnorm ontmoedigt");
            assertThat(browser.driver.findElement(By.id("ruleDomain-income-support")).isSelected()).isTrue();

            // one click sends it
            browser.follow("form button.button[value=submit]");
            browser.screenshot("submitted-after-login");
            assertThat(browser.text(".notice")).startsWith("Uw verzoek is ingediend onder kenmerk NPLV-");
            assertThat(browser.text("h1")).startsWith(title);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM request WHERE title = ?", Long.class, title)).isOne();
            assertThat(PageRefusals.count(jdbc)).isEqualTo(refusals + 1);
        }
    }

    /** Everything of a rule-change request but its title, and a PDF to go with it. */
    private void fillInTheRestOfARuleChange(Browser browser, String token) throws IOException {
        browser.choose("focusArea", "Woensel-Zuid");
        browser.type("regulation", "Participatiewet");
        browser.click("label[for='ruleDomain-income-support']");
        browser.type("conflict", "De kostendelersnorm ontmoedigt jongvolwassenen om thuis te blijven wonen.");
        browser.type("proposedSolution", "Experiment: de norm buiten toepassing laten in Woensel-Zuid.");
        browser.choose("requestedInstrument", "Experiment op grond van een experimenteerbepaling");
        browser.type("contactName", "Fatima el Amrani");
        browser.type("contactEmail", "f.elamrani@eindhoven.example");
        Path attachment = dir.resolve("onderbouwing-" + token + ".pdf");
        Files.write(attachment, nl.doorbraak.support.CaseSteps.PDF);
        browser.driver.findElement(By.id("files")).sendKeys(attachment.toAbsolutePath().toString());
    }

    private static String value(Browser browser, String id) {
        return browser.driver.findElement(By.id(id)).getDomProperty("value");
    }

    private static List<String> fieldErrors(Browser browser, String id) {
        WebElement field = browser.driver.findElement(By.id(id)).findElement(By.xpath("ancestor::div[contains(@class,'field')][1]"));
        List<String> messages = new ArrayList<>();
        field.findElements(By.cssSelector("p.error")).forEach(error -> messages.add(error.getText()));
        return messages;
    }

    /** Runs the offline verifier as an auditor would, in a Java runtime of its own; its output. */
    private static String verifyOffline(Path export) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", VERIFIER.toString(),
                export.toString()).directory(new File(System.getProperty("user.dir"))).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
