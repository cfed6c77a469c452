package nl.doorbraak.web;

import static nl.doorbraak.support.CaseSteps.openTask;
import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.submit;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;

import nl.doorbraak.support.Http;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TableCounts;
import nl.doorbraak.support.TasklistSession;
import nl.doorbraak.support.TestUsers;

/**
 * The API's strict rules where people submit forms: a web form that sends a field twice, a
 * Tasklist form submit with text where the form has a number, a value twice where the schema
 * says each once. The API's side of the same rules is in the hostile-input corpus. Every refusal
 * changes no row in any table.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictInputChannelTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService taskService;

    WebSession web;
    TasklistSession tasklist;

    @BeforeAll
    void sessions() {
        web = WebSession.loggedIn(port, AmountChannelTests.HEERLEN);
        web.get("/verzoeken/nieuw?soort=budget-pooling");
        tasklist = TasklistSession.loggedIn(port, AmountChannelTests.HEERLEN);
    }

    static Stream<Arguments> webFormsWithAFieldTwice() {
        return Stream.of(
                Arguments.of("title", "Een tweede titel"),
                Arguments.of("budgetLines[0].amount", "2.400,00"),
                Arguments.of("firstYear", "2030"),
                Arguments.of("kind", "rule-change"));
    }

    @ParameterizedTest(name = "{0} twice")
    @MethodSource("webFormsWithAFieldTwice")
    void aWebFormThatSendsAFieldTwiceIsRefusedNamingIt(String field, String secondValue) {
        List<Map.Entry<String, String>> fields = new ArrayList<>(AmountChannelTests.webForm("2400000,00").entrySet());
        fields.add(Map.entry(field, secondValue));
        Map<String, Long> before = TableCounts.of(jdbc);

        HttpResponse<String> response = web.postRepeating("/verzoeken/nieuw", fields);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Er is iets niet goed ingevuld")
                .contains(HtmlUtils.htmlEscape("Het veld '" + field + "' is 2 keer verstuurd"));
        assertThat(TableCounts.of(jdbc)).as("rows after %s twice", field).isEqualTo(before);
    }

    @Test
    void aWebFormTakesCheckboxesSeveralTimesButNotTheSameOneTwice() {
        List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(Map.entry("kind", "rule-change"),
                Map.entry("focusArea", AmountChannelTests.AREA), Map.entry("title", "Kostendelersnorm"),
                Map.entry("regulation", "Participatiewet"), Map.entry("ruleDomains", "income-support"),
                Map.entry("ruleDomains", "income-support"), Map.entry("conflict", "Knelpunt."),
                Map.entry("proposedSolution", "Oplossing."), Map.entry("requestedInstrument", "experiment"),
                Map.entry("residentsAffected", "340"), Map.entry("urgency", "normal"),
                Map.entry("contactName", "M. Janssen"), Map.entry("contactEmail", uniqueEmail("heerlen")),
                Map.entry("action", "submit")));
        Map<String, Long> before = TableCounts.of(jdbc);

        HttpResponse<String> response = web.postRepeating("/verzoeken/nieuw", fields);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(HtmlUtils.htmlEscape("Regeldomeinen bevat 'income-support' meer dan eens"))
                .doesNotContain("Aantal betrokken inwoners moet");
        assertThat(TableCounts.of(jdbc)).isEqualTo(before);
    }

    /** A Tasklist start form submitted with one value changed as someone editing the request would. */
    static Stream<Arguments> tasklistStartFormsWithAWrongType() {
        Map<String, Object> yearAsText = AmountChannelTests.startForm("2400000,00");
        yearAsText.put("firstYear", String.valueOf(AmountChannelTests.YEAR));
        Map<String, Object> yearTwice = AmountChannelTests.startForm("2400000,00");
        yearTwice.put("budgetLine1", Map.of("ministry", "ocw", "regulation", "ocw-school-en-omgeving",
                "amount", "2400000,00", "years", List.of(AmountChannelTests.YEAR, AmountChannelTests.YEAR)));
        Map<String, Object> residentsAsText = ruleChangeStartForm();
        residentsAsText.put("residentsAffected", "340");
        Map<String, Object> domainTwice = ruleChangeStartForm();
        domainTwice.put("ruleDomains", List.of("income-support", "income-support"));
        Map<String, Object> titleAsNumber = ruleChangeStartForm();
        titleAsNumber.put("title", 42);
        return Stream.of(
                Arguments.of("a year as text", "budget-pooling-request", yearAsText,
                        "Eerste begrotingsjaar moet een geheel getal zijn, geen tekst"),
                Arguments.of("a budget year twice", "budget-pooling-request", yearTwice,
                        "Budgetregel 1: Jaren bevat '" + AmountChannelTests.YEAR + "' meer dan eens"),
                Arguments.of("the number of residents as text", "rule-change-request", residentsAsText,
                        "Aantal betrokken inwoners moet een geheel getal zijn, geen tekst"),
                Arguments.of("a rule domain twice", "rule-change-request", domainTwice,
                        "Regeldomeinen bevat 'income-support' meer dan eens"),
                Arguments.of("a number as the title", "rule-change-request", titleAsNumber, "Titel moet tekst zijn."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tasklistStartFormsWithAWrongType")
    void tasklistsStartFormsFollowTheTypesOfTheSchema(String what, String process, Map<String, Object> values,
                                                      String message) {
        Map<String, Long> before = TableCounts.of(jdbc);

        HttpResponse<String> response = tasklist.postToEngine("/process-definition/key/" + process + "/submit-form",
                TasklistSession.formSubmit(values));

        assertThat(response.statusCode()).as("%s: %s", what, response.body()).isEqualTo(400);
        assertThat(Http.json(response).path("message").asText()).as(what).startsWith("Het formulier bevat een fout")
                .contains(message);
        assertThat(TableCounts.of(jdbc)).as("rows after %s", what).isEqualTo(before);
    }

    @Test
    void tasklistsStartFormRefusesAVariableSentTwiceNamingIt() {
        String body = TasklistSession.formSubmit(ruleChangeStartForm());
        // the same variable again at the end of the variables: Camunda's own parser would keep the last one
        String twice = body.replaceFirst("\\}\\s*}\\s*$", "") + ", \"title\": {\"value\": \"Een andere titel\"}}}";
        assertThat(twice).as("the body still ends in its variables").contains("\"Een andere titel\"");
        Map<String, Long> before = TableCounts.of(jdbc);

        HttpResponse<String> response = tasklist.postToEngine("/process-definition/key/rule-change-request/submit-form",
                twice);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(Http.json(response).path("message").asText()).contains("'variables.title' komt meer dan eens voor");
        assertThat(TableCounts.of(jdbc)).isEqualTo(before);
    }

    @Test
    void tasklistsIntakeFormRefusesARuleDomainTwice() {
        String reference = submit(new Http(port), AmountChannelTests.HEERLEN,
                ruleChange(AmountChannelTests.AREA, uniqueEmail("heerlen")));
        String intake = openTask(taskService, reference, "Task_Intake").getId();
        TasklistSession office = TasklistSession.loggedIn(port, TestUsers.PROGRAMME_OFFICE);
        Map<String, Long> before = TableCounts.of(jdbc);

        HttpResponse<String> response = office.postToEngine("/task/" + intake + "/submit-form",
                TasklistSession.formSubmit(Map.of("intakeOutcome", "complete",
                        "ruleDomains", List.of("income-support", "housing-allocation", "income-support"))));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(Http.json(response).path("message").asText())
                .contains("Regeldomeinen bevat 'income-support' meer dan eens");
        assertThat(TableCounts.of(jdbc)).isEqualTo(before);
        assertThat(taskService.createTaskQuery().taskId(intake).count()).as("the intake stays open").isEqualTo(1);
    }

    private static Map<String, Object> ruleChangeStartForm() {
        Map<String, Object> values = new LinkedHashMap<>(ruleChange(AmountChannelTests.AREA, uniqueEmail("heerlen")));
        values.remove("kind");
        return values;
    }
}
