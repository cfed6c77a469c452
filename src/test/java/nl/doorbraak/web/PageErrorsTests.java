package nl.doorbraak.web;

import java.net.http.HttpResponse;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.doorbraak.support.Http;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TestUsers;

import static nl.doorbraak.support.CaseSteps.PDF;
import static nl.doorbraak.support.CaseSteps.intakeAsks;
import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.submit;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static nl.doorbraak.support.CaseSteps.upload;
import static nl.doorbraak.support.ProblemAssertions.assertProblem;
import static nl.doorbraak.web.WebPagesTests.NIEUWEGEIN;
import static nl.doorbraak.web.WebPagesTests.NIEUWEGEIN_AREA;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors on the pages are Dutch pages in the site's layout, never problem+json (the API keeps
 * that); another party's case, task or document and a forbidden page are refused attempts on
 * the audit trail; what a page pulls in, and what browsers ask for by themselves, answers
 * without a login and leaves no trace.
 */
@PostgresIntegrationTest
class PageErrorsTests {

    private static final Pattern SUB_RESOURCE = Pattern.compile("<(?:link|img|script)\\b[^>]*\\b(?:href|src)=\"(/[^\"]*)\"");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessEngine engine;

    @Test
    void anUnknownPageIsADutch404PageForWhoeverIsLoggedInAndTheLoginForAnyoneElse() {
        WebSession municipality = WebSession.loggedIn(port, NIEUWEGEIN);
        long refusals = PageRefusals.count(jdbc);
        for (String unknown : new String[] {"/bestaat-niet", "/verzoeken/nieuw/extra/deel", "/audit",
                "/engine-rest/process-definition"}) {
            HttpResponse<String> page = municipality.get(unknown, Map.of("Accept-Language", "en-US,en"));
            assertThat(page.statusCode()).as(unknown).isEqualTo(404);
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(page.headers().firstValue("Content-Language")).hasValue("nl");
            assertThat(page.body()).contains("<html lang=\"nl\"").contains("<h1>Niet gevonden</h1>")
                    .contains("Deze pagina bestaat niet.").contains("Mijn verzoeken").contains("Afmelden");
        }
        assertThat(PageRefusals.count(jdbc)).as("an address that does not exist is no attempt").isEqualTo(refusals);

        WebSession anonymous = new WebSession(port);
        HttpResponse<String> login = anonymous.get("/bestaat-niet");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        HttpResponse<String> afterLogin = anonymous.login(NIEUWEGEIN, TestUsers.PASSWORD);
        assertThat(afterLogin.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/bestaat-niet"));

        // the API keeps problem+json
        assertProblem(new Http(port).get("/api/v1/bestaat-niet", NIEUWEGEIN), 404);
    }

    @Test
    void anotherMunicipalitysCaseTaskAndDocumentAreNotFoundAndEachIsARefusedAttempt() {
        Http http = new Http(port);
        String reference = submit(http, NIEUWEGEIN, ruleChange(NIEUWEGEIN_AREA, uniqueEmail(NIEUWEGEIN)));
        JsonNode document = Http.json(upload(http, NIEUWEGEIN, reference, "onderbouwing.pdf", "application/pdf", PDF));
        intakeAsks(http, engine, reference, "Welke straten horen erbij?");
        String taskId = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey("Task_ProvideInformation").singleResult().getId();
        WebSession other = WebSession.loggedIn(port, "zaanstad");
        other.get("/verzoeken");

        var before = PageRefusals.tables(jdbc);
        String documentPath = "/verzoeken/" + reference + "/documenten/" + document.path("id").asText();
        for (String path : new String[] {"/verzoeken/" + reference, documentPath}) {
            HttpResponse<String> page = other.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.body()).contains("<h1>Niet gevonden</h1>").doesNotContain("onderbouwing.pdf");
            assertThat(PageRefusals.newest(jdbc)).containsEntry("action", "access-not-found")
                    .containsEntry("user_id", "zaanstad").containsEntry("resource_id", "GET " + path)
                    .containsEntry("explanation", "Verzoek '" + reference + "' bestaat niet.");
        }
        HttpResponse<String> answer = other.post("/verzoeken/" + reference + "/vragen/" + taskId,
                Map.of("informationAnswer", "Niet van ons"));
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(PageRefusals.newest(jdbc)).containsEntry("action", "access-not-found")
                .containsEntry("resource_id", "POST /verzoeken/" + reference + "/vragen/" + taskId);
        PageRefusals.onlyAuditEntriesAdded(before, PageRefusals.tables(jdbc), 3);
        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isOne();
    }

    @Test
    void aPageThatIsNotForThisUserIsADutch403PageAndARefusedAttempt() {
        WebSession municipality = WebSession.loggedIn(port, NIEUWEGEIN);
        HttpResponse<String> page = municipality.get("/audit/zaken");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("<h1>Geen toegang</h1>").contains("U heeft geen toegang tot deze pagina.");
        assertThat(PageRefusals.newest(jdbc)).containsEntry("action", "access-denied")
                .containsEntry("user_id", NIEUWEGEIN).containsEntry("resource_id", "GET /audit/zaken");
    }

    @Test
    void anUploadAboveTheMultipartLimitIsADutch413PageNotAForgery() {
        WebSession municipality = WebSession.loggedIn(port, NIEUWEGEIN);
        municipality.get("/verzoeken/nieuw?soort=rule-change");
        var before = PageRefusals.tables(jdbc);
        // above spring.servlet.multipart.max-file-size: Tomcat stops reading the parts, the CSRF token among them
        HttpResponse<String> refused = municipality.postMultipart("/verzoeken/nieuw",
                Map.of("kind", "rule-change", "title", "Te groot", "action", "submit"),
                Map.of("files", Map.entry("bijlage.pdf", new byte[27 * 1024 * 1024])));
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(refused.body()).contains("<h1>Te groot</h1>").contains("hoogstens 20 MB per bestand");
        assertThat(PageRefusals.tables(jdbc)).as("no case, and no csrf-refused entry").isEqualTo(before);
    }

    @Test
    void whatBrowsersAndRobotsAskForAnswersWithoutALoginAndWritesNothing() {
        WebSession anonymous = new WebSession(port);
        var before = PageRefusals.tables(jdbc);
        HttpResponse<String> favicon = anonymous.get("/favicon.ico");
        assertThat(favicon.statusCode()).isIn(200, 404);
        assertThat(anonymous.get("/robots.txt").body()).contains("Disallow: /");
        assertThat(anonymous.get("/assets/doorbraak.css").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/assets/favicon.svg").statusCode()).isEqualTo(200);
        assertThat(PageRefusals.tables(jdbc)).isEqualTo(before);
        assertThat(anonymous.sessionId()).as("no session for a visitor who only fetched these").isNull();
    }

    @Test
    void aLoggedInPageViewWithEverythingItReferencesWritesNoRefusal() {
        String reference = submit(new Http(port), NIEUWEGEIN, ruleChange(NIEUWEGEIN_AREA, uniqueEmail(NIEUWEGEIN)));
        WebSession municipality = WebSession.loggedIn(port, NIEUWEGEIN);
        WebSession auditor = WebSession.loggedIn(port, TestUsers.AUDITOR);
        long refusals = PageRefusals.count(jdbc);
        Set<String> fetched = new LinkedHashSet<>();
        for (var view : Map.of(municipality, new String[] {"/verzoeken", "/verzoeken/nieuw?soort=rule-change",
                        "/verzoeken/" + reference},
                auditor, new String[] {"/audit/zaken", "/audit/zaken/" + reference}).entrySet()) {
            for (String path : view.getValue()) {
                HttpResponse<String> page = view.getKey().get(path);
                assertThat(page.statusCode()).as(path).isEqualTo(200);
                Matcher link = SUB_RESOURCE.matcher(page.body());
                while (link.find()) {
                    String sub = link.group(1).replace("&amp;", "&");
                    assertThat(view.getKey().get(sub).statusCode()).as(sub).isEqualTo(200);
                    fetched.add(sub);
                }
                view.getKey().get("/favicon.ico");
            }
        }
        assertThat(fetched).as("the stylesheet, the icon and the diagram were among them")
                .contains("/assets/doorbraak.css", "/assets/favicon.svg")
                .anySatisfy(sub -> assertThat(sub).endsWith(".svg").startsWith("/audit/zaken/" + reference + "/diagram/"));
        assertThat(PageRefusals.count(jdbc)).isEqualTo(refusals);
    }
}
