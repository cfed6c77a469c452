package nl.doorbraak.webapps;

import static nl.doorbraak.support.CaseSteps.advise;
import static nl.doorbraak.support.CaseSteps.intakeComplete;
import static nl.doorbraak.support.CaseSteps.openTask;
import static nl.doorbraak.support.CaseSteps.request;
import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.submit;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.doorbraak.support.Http;
import nl.doorbraak.support.Jobs;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TestUsers;

/**
 * Reviewers, the director and municipalities at work in Camunda Tasklist, in a real (headless)
 * Chromium: what they see, what they may do, and what the server refuses. Each step is
 * screenshotted to {@code target/screenshots/TasklistBrowserTests.<test>/}. Cases are prepared
 * and checked through the API.
 */
@PostgresIntegrationTest
class TasklistBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcClient jdbc;

    @RegisterExtension
    final Browser browser = new Browser(() -> port);

    Http http;
    TasklistPage tasklist;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        tasklist = new TasklistPage(browser);
    }

    /** A Rotterdam request on income support, through intake: it waits for SZW's advice only. */
    private String caseAtSzw() {
        String reference = submit(http, TestUsers.ROTTERDAM, ruleChange("rotterdam-zuid", uniqueEmail("rotterdam")));
        intakeComplete(http, engine.getTaskService(), reference, "income-support");
        return reference;
    }

    @Test
    void anSzwReviewerSeesOnlySzwTasksAndAdvisesInDutch() {
        String reference = caseAtSzw();
        String taskName = "Beoordelen verzoek " + reference + " (SZW)";

        tasklist.login(TestUsers.REVIEWER_SZW);
        browser.step("filters");
        assertThat(tasklist.header()).contains("Doorbraak").contains("Verzoek starten").contains("Beoordelaar SZW")
                .contains("Mijn e-mailmeldingen");
        assertThat(tasklist.headerLink("Mijn e-mailmeldingen")).endsWith("/mijn-e-mailmeldingen");
        assertThat(tasklist.migrationBannerShown()).isFalse();
        assertThat(tasklist.filterNames()).containsExactly("Mijn taken", "Open beoordelingen SZW",
                "Termijn verstreken SZW");

        tasklist.openFilter("Open beoordelingen SZW");
        browser.step("open-assessments");
        assertThat(tasklist.taskNames()).contains(taskName).allSatisfy(name -> assertThat(name).endsWith("(SZW)"));
        assertThat(tasklist.taskCard(taskName)).contains("Kenmerk", reference, "Gemeente", "Rotterdam",
                "Focusgebied", "Rotterdam-Zuid", "Titel", "Kostendelersnorm").contains("Termijn");

        tasklist.openTask(taskName);
        browser.step("case-context");
        assertThat(tasklist.fieldValue("Kenmerk")).isEqualTo(reference);
        assertThat(tasklist.fieldValue("Gemeente")).isEqualTo("Rotterdam");
        assertThat(tasklist.fieldValue("Focusgebied")).isEqualTo("Rotterdam-Zuid");
        assertThat(tasklist.fieldValue("Regel (regeling en artikel)")).isEqualTo("Participatiewet, artikel 22a");
        assertThat(tasklist.fieldValue("Knelpunt")).startsWith("De kostendelersnorm verlaagt de bijstand");
        // the fields above and these read members of the task's one JSON variable "case" by path (case.rule, ...)
        assertThat(tasklist.fieldValue("Regeldomeinen")).isEqualTo("Inkomensondersteuning");
        assertThat(tasklist.fieldValue("Urgentie")).isEqualTo("Normaal");
        assertThat(tasklist.fieldValue("Verloop en eerdere adviezen")).startsWith("Ingediend op ");

        tasklist.claim();
        tasklist.choose("Uitkomst van de beoordeling", "Advies uitbrengen")
                .choose("Advies", "Steunen")
                .fill("Onderbouwing", "Past binnen de experimenteerbepaling van de Participatiewet.");
        browser.step("advice-filled-in");
        assertThat(tasklist.complete()).as("the task left the view").isTrue();
        browser.step("completed");

        Jobs.runDue(engine); // the called assessment ends asynchronously
        JsonNode afterAdvice = request(http, TestUsers.PROGRAMME_DIRECTOR, reference);
        assertThat(afterAdvice.path("status").asText()).isEqualTo("decision");
        assertThat(afterAdvice.path("openTasks").findValuesAsText("taskDefinitionKey")).containsExactly("Task_Decide");
    }

    @Test
    void anOcwReviewerDoesNotSeeAnSzwTaskAnywhere() {
        String reference = caseAtSzw();
        Task szwTask = openTask(engine.getTaskService(), reference, "Task_Assess", "ministry-szw");

        tasklist.login("reviewer-ocw");
        assertThat(tasklist.filterNames()).containsExactly("Mijn taken", "Open beoordelingen OCW",
                "Termijn verstreken OCW");
        for (String filter : tasklist.filterNames()) {
            tasklist.openFilter(filter);
            browser.step("filter-" + filter.replace(' ', '-'));
            assertThat(tasklist.taskNames()).as(filter).noneMatch(name -> name.contains(reference));
        }
        // not even through a link to the task itself
        tasklist.openTaskLink(szwTask.getId());
        browser.step("direct-link");
        assertThat(tasklist.taskViewText()).doesNotContain(reference);
    }

    @Test
    void rotterdamStartsARuleChangeRequestFromTasklist() {
        String title = "Schuldhulp zonder wachttijd " + UUID.randomUUID().toString().substring(0, 8);

        tasklist.login(TestUsers.ROTTERDAM);
        tasklist.startProcess("Verzoek om regelaanpassing");
        browser.step("start-form");
        tasklist.select("Focusgebied", "Rotterdam-Zuid (Rotterdam)")
                .fill("Titel van het verzoek", title)
                .select("Regeling uit de catalogus", "Wet gemeentelijke schuldhulpverlening (Wgs)")
                .fill("Artikel", "artikel 3")
                .choose("Regeldomeinen", "Schuldhulpverlening")
                .fill("Knelpunt: hoe blokkeert de regel de integrale aanpak?",
                        "De wachttijd voor schuldhulp duwt gezinnen in het focusgebied dieper in de schulden.")
                .fill("Voorgestelde oplossing", "Schuldhulp in het focusgebied zonder wachttijd starten.")
                .select("Gevraagd instrument", "Experiment op grond van een experimenteerbepaling")
                .choose("Urgentie", "Normaal")
                .fill("Naam contactpersoon", "A. Jansen")
                .fill("E-mailadres contactpersoon", uniqueEmail("rotterdam"));
        browser.step("start-form-filled-in");
        tasklist.submitStartForm();
        browser.step("started");

        JsonNode submitted = onlyRequestTitled(TestUsers.ROTTERDAM, title);
        assertThat(submitted.path("municipality").asText()).isEqualTo("0599");
        assertThat(submitted.path("kind").asText()).isEqualTo("rule-change");
        JsonNode detail = request(http, TestUsers.ROTTERDAM, submitted.path("reference").asText());
        assertThat(detail.path("status").asText()).isEqualTo("intake");
        assertThat(detail.path("focusArea").asText()).isEqualTo("rotterdam-zuid");
        assertThat(detail.path("nationalRule").path("id").asText()).isEqualTo("wet-schuldhulpverlening");
        assertThat(detail.path("submission").path("regulation").asText()).isEqualTo("Wet gemeentelijke schuldhulpverlening");
    }

    @Test
    void theProgrammeOfficeCorrectsTheCatalogueEntryOfARequestAtIntake() {
        var body = ruleChange("rotterdam-zuid", uniqueEmail("rotterdam"));
        body.remove("regulation");
        body.put("nationalRule", "participatiewet");
        String reference = submit(http, TestUsers.ROTTERDAM, body);
        Task intake = openTask(engine.getTaskService(), reference, "Task_Intake");

        tasklist.login(TestUsers.PROGRAMME_OFFICE);
        tasklist.openTaskLink(intake.getId());
        browser.step("intake");
        assertThat(tasklist.fieldValue("Regeldomeinen volgens de catalogus")).isEqualTo(
                "Inkomensondersteuning, Werk en re-integratie (Participatiewet (PW), BWBR0015703)");
        assertThat(tasklist.fieldValue("Artikel")).isEqualTo("22a");
        assertThat(tasklist.fieldValue("Regeling uit de catalogus (koppelen of corrigeren)"))
                .as("the entry the municipality chose").isEqualTo("Participatiewet (PW)");

        tasklist.claim();
        tasklist.choose("Uitkomst van de intake", "Volledig: doorsturen naar de ministeries")
                .select("Regeling uit de catalogus (koppelen of corrigeren)", "Wet gemeentelijke schuldhulpverlening (Wgs)")
                .fill("Artikel", "4a");
        browser.step("intake-filled-in");
        assertThat(tasklist.complete()).as("the intake left the view").isTrue();

        JsonNode detail = request(http, TestUsers.ROTTERDAM, reference);
        assertThat(detail.path("nationalRule").path("id").asText()).isEqualTo("wet-schuldhulpverlening");
        assertThat(detail.path("article").asText()).isEqualTo("4a");
    }

    @Test
    void heerlenStartsABudgetPoolingRequestWithOneBudgetLineFromTasklist() {
        String title = "Eén budget voor de wijk " + UUID.randomUUID().toString().substring(0, 8);
        String year = String.valueOf(Year.now().getValue() + 1);

        tasklist.login("heerlen");
        tasklist.startProcess("Verzoek om ontschotting van budgetten");
        browser.step("start-form");
        tasklist.select("Focusgebied", "Heerlen-Noord (Heerlen)")
                .fill("Titel van het verzoek", title)
                .fill("Doel van het gebundelde budget", "Verlengde leertijd en een gezonde leefomgeving uit één budget.")
                .fill("Eerste begrotingsjaar", year)
                .fill("Laatste begrotingsjaar", year)
                .select("Gevraagd instrument", "Bundeling in één specifieke uitkering (SPUK)")
                .fill("Voorgestelde enkelvoudige verantwoording", "Eén jaarlijkse verantwoording via SiSa.")
                .choose("Urgentie", "Normaal")
                .section("Budgetregel 1")
                .select("Ministerie", "OCW – Ministerie van Onderwijs, Cultuur en Wetenschap")
                .select("Regeling", "OCW – Programma School en Omgeving (verlengde leertijd)")
                // Dutch notation: the field's pattern (Amounts.PATTERN) lets it through in the browser too
                .fill("Bedrag", "€ 250.000,00")
                .choose("Begrotingsjaren", year)
                .section(null);
        assertThat(tasklist.sectionShown("Budgetregel 2")).as("the next budget line appears, left empty").isTrue();
        assertThat(tasklist.sectionShown("Budgetregel 3")).isFalse();
        tasklist.fill("Naam contactpersoon", "M. Janssen")
                .fill("E-mailadres contactpersoon", uniqueEmail("heerlen"));
        browser.step("start-form-filled-in");
        tasklist.submitStartForm();
        browser.step("started");

        JsonNode submitted = onlyRequestTitled("heerlen", title);
        assertThat(submitted.path("municipality").asText()).isEqualTo("0917");
        assertThat(submitted.path("kind").asText()).isEqualTo("budget-pooling");
        JsonNode detail = request(http, "heerlen", submitted.path("reference").asText());
        assertThat(detail.path("status").asText()).isEqualTo("intake");
        assertThat(detail.path("openTasks").findValuesAsText("taskDefinitionKey")).containsExactly("Task_CheckBudgetLines");
        assertThat(jdbc.sql("SELECT ministry_code || ' ' || amount FROM request_budget_line WHERE request_id = "
                        + "(SELECT id FROM request WHERE reference = ?)")
                .param(submitted.path("reference").asText()).query(String.class).list())
                .as("one budget line: the empty second group does not count").containsExactly("ocw 250000.00");
    }

    @Test
    void aDecisionTheServerRefusesShowsTheDutchMessageAndTheTaskStaysOpen() {
        String reference = caseAtSzw();
        advise(http, engine, reference, "szw", "support", "Past binnen de experimenteerbepaling.");
        Task decide = openTask(engine.getTaskService(), reference, "Task_Decide");
        String taskName = "Besluiten verzoek " + reference;

        tasklist.login(TestUsers.PROGRAMME_DIRECTOR);
        tasklist.openFilter("Te besluiten").openTask(taskName).claim();
        // granted, but without instrument and effective date: the form lets it pass, the server does not
        tasklist.choose("Besluit", "Toegekend")
                .fill("Motivering", "Het experiment draagt bij aan de integrale aanpak.");
        browser.step("decision-filled-in");
        assertThat(tasklist.complete()).as("the task left the view").isFalse();
        String message = tasklist.notification();
        browser.step("refused");
        assertThat(message).contains("Het formulier bevat 2 fouten").contains("Instrument").contains("Ingangsdatum")
                .doesNotContain("Exception").doesNotContain("at org.");
        assertThat(tasklist.taskViewText()).contains(taskName);

        assertThat(engine.getTaskService().createTaskQuery().taskId(decide.getId()).count()).isEqualTo(1);
        JsonNode unchanged = request(http, TestUsers.PROGRAMME_DIRECTOR, reference);
        assertThat(unchanged.path("status").asText()).isEqualTo("decision");
        assertThat(unchanged.hasNonNull("decision")).isFalse();
        assertThat(engine.getRuntimeService().createVariableInstanceQuery()
                .processInstanceIdIn(decide.getProcessInstanceId()).variableName("decisionOutcome").count())
                .as("nothing of the refused decision stays behind").isZero();
    }

    private JsonNode onlyRequestTitled(String user, String title) {
        JsonNode items = Http.json(http.get("/api/v1/requests?q=" + title.replace(" ", "%20"), user));
        JsonNode list = items.has("items") ? items.path("items") : items;
        assertThat(list).as("requests of %s titled %s", user, title).hasSize(1);
        return list.get(0);
    }
}
