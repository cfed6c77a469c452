package nl.doorbraak.report;

import static nl.doorbraak.support.ProblemAssertions.assertProblem;
import static nl.doorbraak.support.ProblemAssertions.errorFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import nl.doorbraak.request.RequestKind;
import nl.doorbraak.request.RequestSubmission;
import nl.doorbraak.request.Requests;
import nl.doorbraak.security.DoorbraakUser;
import nl.doorbraak.support.Http;
import nl.doorbraak.support.Jobs;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.ProcessDriver;

/**
 * A known set of cases driven through the real processes, on the engine's clock moved through
 * the first half of 2031, then the progress report over that half-year, asserted to the number:
 * counts, medians and 90th percentiles, bottlenecks, breakthroughs, pooled amounts and open
 * steps past their deadline; in JSON, CSV, HTML and PDF; for everyone and for one municipality;
 * and stored at the end of the period. The class runs in a JVM and a database of its own, with
 * no demo requests, so the report holds these cases and nothing else.
 */
@PostgresIntegrationTest
@TestPropertySource(properties = "doorbraak.demo.cases=false")
@Tag("own-application-context")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgressReportTests {

    private static final DoorbraakUser ROTTERDAM = municipality("rotterdam", "0599");
    private static final DoorbraakUser AMSTERDAM = municipality("amsterdam", "0363");
    private static final DoorbraakUser GRONINGEN = municipality("groningen", "0014");
    private static final DoorbraakUser HEERLEN = municipality("heerlen", "0917");

    @Autowired
    ProcessEngine engine;
    @Autowired
    RequestSubmission submission;
    @Autowired
    Requests requests;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StoredProgressReports stored;
    @LocalServerPort
    int port;

    private ProcessDriver driver;
    private Http http;
    private final Map<String, ProcessInstance> cases = new LinkedHashMap<>();

    @BeforeAll
    void driveTheFirstHalfOf2031() {
        driver = new ProcessDriver(engine);
        http = new Http(port);

        at("2030-12-20");
        ruleChange("R7", ROTTERDAM, "rotterdam-zuid", "Huisvestingswet", List.of("housing-allocation"));
        at("2030-12-21");
        intake("R7", "housing-allocation");
        at("2031-01-05");
        advise("R7", "vro", "support");
        at("2031-01-15");
        decide("R7", "granted", "temporary-exemption", "2031-02-01", "2031-05-01");

        at("2031-02-03");
        ruleChange("R1", ROTTERDAM, "rotterdam-zuid", "Participatiewet", List.of("income-support"));
        at("2031-02-04");
        intake("R1", "income-support");
        at("2031-02-05");
        // linked to the same catalogue entry, in other words: one rule in the report
        ruleChange("R2", AMSTERDAM, "amsterdam-zuidoost", "PW art. 22a", List.of("income-support", "youth-care"));
        at("2031-02-06");
        budgetPooling("R3");
        at("2031-02-07");
        ruleChange("R4", GRONINGEN, "groningen-noord", "Wet gemeentelijke schuldhulpverlening", List.of("debt-assistance"));
        complete("R3", "Task_CheckBudgetLines", "programme-office", Map.of("intakeOutcome", "complete"));
        at("2031-02-08");
        ruleChange("R5", ROTTERDAM, "rotterdam-zuid", "Wet  gemeentelijke schuldhulpverlening", List.of("debt-assistance"));
        advise("R1", "szw", "support");
        intake("R2", "income-support", "youth-care");
        at("2031-02-09");
        advise("R2", "szw", "support");
        for (String ministry : List.of("ocw", "szw", "vws")) {
            advise("R3", ministry, "support");
        }
        withdraw("R4");
        complete("R5", "Task_Intake", "programme-office", Map.of("intakeOutcome", "information-needed",
                "ruleDomains", List.of("debt-assistance"), "informationQuestion", "Om hoeveel huishoudens gaat het?"));
        at("2031-02-10");
        Map<String, Object> partly = decision("partly-granted", "pooled-specific-grant", "2031-03-01", null);
        partly.put("grantedLines", org.camunda.spin.plugin.variable.SpinValues.jsonValue(
                "[{\"ministry\":\"ocw\",\"grantedAmount\":\"1000000.00\"},{\"ministry\":\"szw\",\"grantedAmount\":\"800000\"},"
                        + "{\"ministry\":\"vws\",\"grantedAmount\":\"0\"}]").create());
        complete("R3", "Task_DecidePooling", "programme-director", partly);
        at("2031-02-12");
        complete("R3", "Task_CoSign", "reviewer-fin", Map.of("coSignOutcome", "co-signed"));
        at("2031-02-13");
        decide("R1", "granted", "experiment", "2031-02-15", "2031-03-01");
        at("2031-02-24");   // the information deadline of R5 (14 days) has passed: it lapses
        at("2031-03-01");   // R1's evaluation date (09:00): the municipality's task opens
        at("2031-03-02");
        complete("R1", "Task_DeliverEvaluation", "rotterdam", Map.of("evaluationReport", "Minder schulden."));
        at("2031-03-03");
        complete("R1", "Task_AssessEvaluation", "programme-office", Map.of("evaluationConclusion", "continue",
                "nextEvaluationDate", "2032-03-01"));
        at("2031-03-20");   // VWS advises 12 days after its deadline
        advise("R2", "vws", "reject");
        at("2031-03-21");
        complete("R2", "Task_Coordinate", "programme-office", Map.of("coordinationSummary", "Geen ruimte in de Jeugdwet."));
        at("2031-03-22");
        decide("R2", "rejected", null, null, null);
        at("2031-04-01");
        ruleChange("R6", AMSTERDAM, "amsterdam-zuidoost", "Jeugdwet", List.of("youth-care"));
        at("2031-04-02");
        intake("R6", "youth-care");
        at("2031-04-10");
        // R2's routing (8 February) made Participatiewet a recurring obstacle: SZW answers the signal late
        cases.put("S1", engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("recurring-obstacle-signal").singleResult());
        complete("S1", "Task_AnswerSignal", "reviewer-szw", Map.of("answerKind", "guidance",
                "answer", "Een handreiking over maatwerk in de bijstand.", "answerReasons", "De wet biedt de ruimte al."));
        // from here on no step runs: R6's assessment by VWS stays open past its deadline (30 April)
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-07-05T10:00:00Z")));
        // submitted after the half-year: in no count (and nothing else runs)
        String r8 = submission.submit(RequestKind.RULE_CHANGE, ruleChangeInput("amsterdam-zuidoost", "Jeugdwet",
                List.of("youth-care")), AMSTERDAM, null).request().processInstanceId();
        cases.put("R8", engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(r8).singleResult());
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-07-10T10:00:00Z")));
    }

    @AfterAll
    void realTimeAgain() {
        ClockUtil.reset();
    }

    @Test
    void countsPerKindFocusAreaAndRuleDomain() {
        JsonNode report = report("period=2031-H1", "programme-office");
        assertThat(report.path("scope").path("period").asText()).isEqualTo("2031-H1");
        assertThat(report.path("scope").path("asOf").asText()).isEqualTo("2031-06-30T22:00:00Z");
        assertCounts(report.path("total"), 6, 4, 2, 1, 1, 1, 1, 1);
        assertCounts(kind(report, "rule-change"), 5, 3, 2, 0, 1, 1, 1, 1);
        assertCounts(kind(report, "budget-pooling"), 1, 1, 0, 1, 0, 0, 0, 0);

        JsonNode areas = report.path("perFocusArea");
        assertThat(areas).extracting(area -> area.path("focusAreaName").asText())
                .containsExactly("Amsterdam Zuidoost", "Groningen-Noord", "Heerlen-Noord", "Rotterdam-Zuid");
        assertCounts(areas.get(0).path("counts"), 2, 1, 0, 0, 1, 0, 0, 1);
        assertCounts(areas.get(1).path("counts"), 1, 0, 0, 0, 0, 1, 0, 0);
        assertCounts(areas.get(2).path("counts"), 1, 1, 0, 1, 0, 0, 0, 0);
        assertCounts(areas.get(3).path("counts"), 2, 2, 2, 0, 0, 0, 1, 0);

        JsonNode domains = report.path("perRuleDomain");
        assertThat(domains).extracting(domain -> domain.path("ruleDomain").asText())
                .containsExactly("debt-assistance", "housing-allocation", "income-support", "youth-care");
        assertCounts(domains.get(0).path("counts"), 2, 0, 0, 0, 0, 1, 1, 0);
        assertCounts(domains.get(1).path("counts"), 0, 1, 1, 0, 0, 0, 0, 0);
        assertCounts(domains.get(2).path("counts"), 2, 2, 1, 0, 1, 0, 0, 0);
        assertCounts(domains.get(3).path("counts"), 2, 1, 0, 0, 1, 0, 0, 1);
    }

    @Test
    void leadTimesPerMinistryAndFromSubmissionToDecision() {
        JsonNode report = report("period=2031-H1", "auditor");
        Map<String, JsonNode> ministries = new HashMap<>();
        report.path("perMinistry").forEach(row -> ministries.put(row.path("ministry").asText(), row));
        assertThat(ministries.keySet()).containsExactlyInAnyOrder("ocw", "szw", "vro", "vws");
        assertMinistry(ministries.get("ocw"), 1, "2.00", "2.00", 0, 0);
        assertMinistry(ministries.get("szw"), 3, "2.00", "4.00", 0, 0);      // 1, 2 and 4 days
        assertMinistry(ministries.get("vro"), 1, "15.00", "15.00", 0, 0);
        assertMinistry(ministries.get("vws"), 2, "21.00", "40.00", 1, 1);    // 2 and 40 days; R6 open past its deadline

        JsonNode leadTime = report.path("leadTime");             // 6, 10, 26 and 45 days
        assertThat(leadTime.path("decisions").asLong()).isEqualTo(4);
        assertThat(leadTime.path("medianDays").decimalValue()).isEqualByComparingTo("18.00");
        assertThat(leadTime.path("p90Days").decimalValue()).isEqualByComparingTo("45.00");
    }

    @Test
    void recurringBottlenecksBreakthroughsBudgetsAndOpenStepsPastTheirDeadline() {
        JsonNode report = report("period=2031-H1", "programme-director");

        JsonNode bottlenecks = report.path("recurringBottlenecks");
        assertThat(bottlenecks).extracting(b -> b.path("type").asText() + ":" + b.path("subject").asText())
                .containsExactly("rule:Participatiewet", "rule:Wet gemeentelijke schuldhulpverlening",
                        "rule-domain:Schuldhulpverlening", "rule-domain:Inkomensondersteuning");
        assertThat(bottlenecks.get(0).path("bwbId").asText()).isEqualTo("BWBR0015703");
        assertThat(bottlenecks.get(0).path("nationalRule").asText()).isEqualTo("participatiewet");
        assertThat(bottlenecks.get(1).hasNonNull("bwbId")).as("free text, not in the catalogue").isFalse();
        assertThat(bottlenecks.get(0).path("municipalities")).extracting(JsonNode::asText)
                .containsExactly("Amsterdam", "Rotterdam");
        assertThat(bottlenecks.get(0).path("cases")).extracting(c -> c.path("reference").asText())
                .containsExactly(reference("R1"), reference("R2"));
        assertThat(bottlenecks.get(1).path("cases")).extracting(c -> c.path("reference").asText())
                .containsExactly(reference("R4"), reference("R5"));

        JsonNode signals = report.path("signals");
        assertThat(signals).hasSize(1);
        JsonNode signal = signals.get(0);
        assertThat(signal.path("reference").asText()).isEqualTo(reference("S1"));
        assertThat(signal.path("nationalRule").asText()).isEqualTo("participatiewet");
        assertThat(signal.path("subject").asText()).isEqualTo("Participatiewet");
        assertThat(signal.path("bwbId").asText()).isEqualTo("BWBR0015703");
        assertThat(signal.path("ministryName").asText()).isEqualTo("SZW");
        assertThat(signal.path("startedOn").asText()).isEqualTo("2031-02-08");
        assertThat(signal.path("dueOn").asText()).isEqualTo("2031-03-21");
        assertThat(signal.path("state").asText()).isEqualTo("answered");
        assertThat(signal.path("answerKind").asText()).isEqualTo("guidance");
        assertThat(signal.path("answer").asText()).isEqualTo("Een handreiking over maatwerk in de bijstand.");
        assertThat(signal.path("answeredOn").asText()).isEqualTo("2031-04-10");
        assertThat(signal.path("linkedRequests").asLong()).as("R1 and R2").isEqualTo(2);
        // at the end of March the signal was past its deadline and had no answer yet
        JsonNode march = report("from=2031-01-01&to=2031-04-01", "programme-office").path("signals").get(0);
        assertThat(march.path("state").asText()).isEqualTo("past-deadline");
        assertThat(march.hasNonNull("answer")).isFalse();
        assertThat(march.hasNonNull("answerKind")).isFalse();
        // before R2's routing there was no signal
        assertThat(report("from=2031-01-01&to=2031-02-07", "programme-office").path("signals")).isEmpty();

        JsonNode breakthroughs = report.path("breakthroughs");
        assertThat(breakthroughs).extracting(b -> b.path("reference").asText() + " " + b.path("outcome").asText()
                        + " " + b.path("evaluationStatus").asText())
                .containsExactly(reference("R7") + " granted late", reference("R3") + " partly-granted not-applicable",
                        reference("R1") + " granted delivered");
        assertThat(breakthroughs.get(0).path("instrument").asText()).isEqualTo("Tijdelijke vrijstelling of afwijking (maatwerk)");
        // earlier in the year R7's evaluation was not late yet: 30 days to deliver after 1 May
        JsonNode spring = report("from=2031-01-01&to=2031-05-15", "programme-office");
        assertThat(spring.path("breakthroughs").get(0).path("evaluationStatus").asText()).isEqualTo("due");

        JsonNode budgets = report.path("budgets");
        assertThat(budgets.path("askedTotal").decimalValue()).isEqualByComparingTo("3500000.00");
        assertThat(budgets.path("grantedTotal").decimalValue()).isEqualByComparingTo("1800000.00");
        assertThat(budgets.path("perMinistry")).extracting(row -> row.path("code").asText() + "="
                        + row.path("asked").decimalValue().setScale(2) + "/" + row.path("granted").decimalValue().setScale(2))
                .containsExactly("ocw=2400000.00/1000000.00", "szw=800000.00/800000.00", "vws=300000.00/0.00");
        assertThat(budgets.path("perFocusArea")).extracting(row -> row.path("name").asText())
                .containsExactly("Heerlen-Noord");

        JsonNode late = report.path("pastDeadline");
        assertThat(late).hasSize(1);
        assertThat(late.get(0).path("reference").asText()).isEqualTo(reference("R6"));
        assertThat(late.get(0).path("step").asText()).isEqualTo("Beoordelen verzoek " + reference("R6") + " (VWS)");
        assertThat(late.get(0).path("dueAt").asText()).isEqualTo("2031-05-02T10:00:00Z");
        assertThat(late.get(0).path("daysOverdue").decimalValue()).isEqualByComparingTo("59.50");

        // no decision in the half-year promised a change of rules (R1's evaluation continued the experiment)
        JsonNode implementation = report.path("implementation");
        assertThat(implementation.path("changes")).isEmpty();
        assertThat(implementation.path("perKind")).extracting(row -> row.path("changeKind").asText() + " "
                        + row.path("promised").asLong() + "/" + row.path("inForce").asLong() + "/" + row.path("overdue").asLong())
                .containsExactly("law 0/0/0", "policy 0/0/0", "total 0/0/0");
    }

    @Test
    void aMunicipalitysReportHoldsOnlyItsOwnRequests() {
        HttpResponse<String> response = http.get("/api/v1/reports/progress?period=2031-H1", "rotterdam");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = Http.json(response);
        assertThat(report.path("scope").path("municipalityName").asText()).isEqualTo("Rotterdam");
        assertCounts(report.path("total"), 2, 2, 2, 0, 0, 0, 1, 0);
        assertThat(report.path("recurringBottlenecks")).isEmpty();
        // the signal R1 is linked to, counting only Rotterdam's request
        assertThat(report.path("signals")).extracting(signal -> signal.path("reference").asText() + " "
                + signal.path("linkedRequests").asLong()).containsExactly(reference("S1") + " 1");
        assertThat(report.path("breakthroughs")).extracting(b -> b.path("reference").asText())
                .containsExactly(reference("R7"), reference("R1"));
        assertThat(report.path("budgets").path("perMinistry")).isEmpty();
        for (String other : List.of("R2", "R3", "R4", "R6", "R8")) {
            assertThat(response.body()).doesNotContain(reference(other));
        }
        assertThat(response.body()).doesNotContain("Amsterdam", "Groningen", "Heerlen");
        String html = http.get("/api/v1/reports/progress?period=2031-H1&format=html", "rotterdam").body();
        assertThat(html).contains("Alleen de verzoeken van de gemeente Rotterdam").doesNotContain("Amsterdam", "Heerlen");
    }

    @Test
    void csvHasOneTablePerSection() {
        HttpResponse<String> all = http.get("/api/v1/reports/progress?period=2031-H1&format=csv", "programme-office");
        assertThat(all.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(all.body()).contains("Verzoeken per soort\r\nSoort,Ingediend,Besloten,Toegekend,Deels toegekend,"
                + "Afgewezen,Besluit ingetrokken,Ingetrokken,Vervallen,Nog open\r\n", "Totaal,6,4,2,1,1,0,1,1,1\r\n",
                "Terugkerende knelpunten\r\n", "Regel,Participatiewet (BWBR0015703),\"Amsterdam, Rotterdam\"",
                "Regel (niet in de catalogus),Wet gemeentelijke schuldhulpverlening,", "Signalen aan ministeries\r\nKenmerk,Regel,Artikel,Ministerie,Gestart op,Termijn,Stand,Antwoord,"
                        + "Beantwoord op,Gekoppelde verzoeken\r\n", ",Participatiewet (BWBR0015703),,SZW,",
                "Beantwoord,Er komt een handreiking of uitleg: Een handreiking over maatwerk in de bijstand.,", "Ontschotting: bedragen per ministerie\r\n", "OCW,2400000.00,1000000.00\r\n");
        assertThat(all.body()).contains("Doorvoering van toegezegde wijzigingen\r\nSoort wijziging,Toegezegd,In werking,"
                + "Te laat,Gestopt\r\nWetswijziging,0,0,0,0\r\nBeleidswijziging,0,0,0,0\r\nTotaal,0,0,0,0\r\n",
                "Stand van de doorvoering per verzoek\r\n");
        assertThat(http.get("/api/v1/reports/progress?period=2031-H1&format=csv&section=signals", "programme-office")
                .body().lines().toList()).hasSize(2).first().asString().startsWith("Kenmerk,Regel,Artikel,Ministerie,");
        List<String> ministries = http.get("/api/v1/reports/progress?period=2031-H1&format=csv&section=ministries",
                "programme-office").body().lines().toList();
        assertThat(ministries).containsExactly("Ministerie,Afgerond,Mediaan (dagen),90e percentiel (dagen),"
                + "Te laat afgerond,Open over de termijn,Totaal te laat", "OCW,1,2.00,2.00,0,0,0", "SZW,3,2.00,4.00,0,0,0",
                "VRO,1,15.00,15.00,0,0,0", "VWS,2,21.00,40.00,1,1,2");
    }

    @Test
    void htmlIsWellFormedAccessibleAndItsChartTablesMatchTheJson() throws Exception {
        JsonNode json = report("period=2031-H1", "programme-office");
        HttpResponse<String> response = http.get("/api/v1/reports/progress?period=2031-H1&format=html", "programme-office");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        String html = response.body();
        sample("progress-2031-H1.html", html.getBytes(StandardCharsets.UTF_8));
        assertThat(html).startsWith("<!DOCTYPE html>");
        // well-formed as XML (after the doctype), so every element is closed and every attribute quoted
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document page = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                html.substring(html.indexOf("<html")).getBytes(StandardCharsets.UTF_8)));
        assertThat(page.getDocumentElement().getAttribute("lang")).isEqualTo("nl");
        assertThat(page.getElementsByTagName("h1").getLength()).isEqualTo(1);
        // 11 sections, the two of implementation tracking and the two of case deadlines
        assertThat(page.getElementsByTagName("h2").getLength()).isEqualTo(15);

        NodeList charts = page.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg");
        assertThat(charts.getLength()).isEqualTo(3);
        for (int i = 0; i < charts.getLength(); i++) {
            Element chart = (Element) charts.item(i);
            assertThat(chart.getAttribute("role")).isEqualTo("img");
            for (String id : chart.getAttribute("aria-labelledby").split(" ")) {
                assertThat(byId(page, id)).as("element %s labelling a chart", id).isNotNull();
            }
        }
        // the numbers behind the charts, read from the tables, are the report's numbers
        List<List<String>> kinds = table(page, "requests");
        assertThat(kinds.get(0)).startsWith("Verzoek om regelaanpassing", number(kind(json, "rule-change"), "submitted"),
                number(kind(json, "rule-change"), "decided"));
        assertThat(kinds.get(kinds.size() - 1)).startsWith("Totaal", number(json.path("total"), "submitted"), number(json.path("total"), "decided"));
        List<List<String>> ministries = table(page, "ministries");
        assertThat(ministries).extracting(row -> row.get(0) + " " + row.get(1) + " " + row.get(2))
                .containsExactly("OCW 1 2,00", "SZW 3 2,00", "VRO 1 15,00", "VWS 2 21,00");
        assertThat(table(page, "budgets-ministries")).extracting(row -> String.join(" | ", row))
                .containsExactly("OCW | € 2.400.000,00 | € 1.000.000,00", "SZW | € 800.000,00 | € 800.000,00",
                        "VWS | € 300.000,00 | € 0,00", "Totaal | € 3.500.000,00 | € 1.800.000,00");
    }

    @Test
    void pdfTextHoldsTheHeadingsAndNumbers() throws Exception {
        HttpResponse<byte[]> response = http.sendBytes(http.request(
                "/api/v1/reports/progress?period=2031-H1&format=pdf", "programme-office").GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                value -> assertThat(value).contains("voortgangsrapportage-2031-H1.pdf"));
        sample("progress-2031-H1.pdf", response.body());
        String text;
        try (var pdf = Loader.loadPDF(response.body())) {
            text = new PDFTextStripper().getText(pdf);
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Voortgangsrapportage Doorbraak, eerste helft van 2031");
        }
        assertThat(text).contains("Voortgangsrapportage Doorbraak, eerste helft van 2031", "Verzoeken per soort",
                "Verzoeken per gemeente en focusgebied", "Verzoeken per regeldomein", "Beoordelingen per ministerie",
                "Doorlooptijd van indiening tot besluit", "Terugkerende knelpunten", "Doorbraken",
                "Ontschotting: bedragen per ministerie", "Openstaande verzoeken over de termijn",
                "€ 1.800.000,00", "18,00", "45,00", "59,50", "Participatiewet", reference("R6"));
    }

    @Test
    void theReportOfThePeriodThatEndedIsStoredUnchangeablyWithItsHashInTheAuditTrail() throws Exception {
        StoredProgressReports.StoredReport report = stored.storeThePeriodBefore(LocalDate.of(2031, 7, 1));
        assertThat(report.period()).isEqualTo("2031-H1");
        assertThat(stored.storeThePeriodBefore(LocalDate.of(2031, 7, 1)).contentHash())
                .as("stored once").isEqualTo(report.contentHash());

        HttpResponse<String> response = http.get("/api/v1/reports/progress/stored/2031-H1", "auditor");
        assertThat(response.statusCode()).isEqualTo(200);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(response.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(hash).isEqualTo(report.contentHash());
        assertThat(Http.json(response).path("total").path("submitted").asLong()).isEqualTo(6);
        assertThat(jdbc.sql("SELECT changes FROM audit_event WHERE action = 'progress-report-stored'")
                .query(String.class).list()).singleElement().asString().contains(hash);
        assertThat(Http.json(http.get("/api/v1/reports/progress/stored", "programme-office")).get(0)
                .path("contentHash").asText()).isEqualTo(hash);
        assertThatThrownBy(() -> jdbc.sql("UPDATE progress_report SET content = '{}' WHERE period = '2031-H1'").update())
                .rootCause().hasMessageContaining("append-only");
        assertThat(http.get("/api/v1/reports/progress/stored/2031-H1", "rotterdam").statusCode()).isEqualTo(403);
    }

    @Test
    void whoMayReadItAndBadPeriods() {
        assertThat(http.get("/api/v1/reports/progress?period=2031-H1", "reviewer-szw").statusCode()).isEqualTo(403);
        assertThat(http.get("/api/v1/reports/progress?period=2031-H1").statusCode()).isEqualTo(401);
        JsonNode problem = assertProblem(http.get("/api/v1/reports/progress?period=2031-H3&format=docx&colour=blue",
                "programme-office"), 400);
        assertThat(errorFields(problem)).containsExactlyInAnyOrder("format", "colour");
        assertThat(errorFields(assertProblem(http.get("/api/v1/reports/progress?period=2031-H3", "programme-office"), 400)))
                .containsExactly("period");
        assertThat(errorFields(assertProblem(http.get("/api/v1/reports/progress?from=2031-05-01&to=2031-04-01",
                "programme-office"), 400))).containsExactly("to");
        assertThat(errorFields(assertProblem(http.get("/api/v1/reports/progress", "programme-office"), 400)))
                .containsExactly("from", "to");
    }

    // --- driving the cases on the engine's clock

    /** Moves the engine's clock to 11:00 (Dutch winter time) on the day and runs what is due by then. */
    private void at(String day) {
        ClockUtil.setCurrentTime(Date.from(Instant.parse(day + "T10:00:00Z")));
        Jobs.runDue(engine);
    }

    private void ruleChange(String name, DoorbraakUser user, String focusArea, String regulation, List<String> domains) {
        cases.put(name, submit(RequestKind.RULE_CHANGE, user, ruleChangeInput(focusArea, regulation, domains)));
    }

    private static Map<String, Object> ruleChangeInput(String focusArea, String regulation, List<String> domains) {
        Map<String, Object> input = new HashMap<>();
        input.put("focusArea", focusArea);
        input.put("title", "Knelpunt in " + regulation.strip());
        input.put("regulation", regulation);
        if (regulation.startsWith("Participatiewet") || regulation.startsWith("PW")) {
            input.put("nationalRule", "participatiewet");
        }
        input.put("ruleDomains", domains);
        input.put("conflict", "De regel blokkeert de integrale aanpak.");
        input.put("proposedSolution", "Ruimte voor maatwerk in het focusgebied.");
        input.put("requestedInstrument", "experiment");
        input.put("urgency", "normal");
        input.put("contactName", "A. Jansen");
        input.put("contactEmail", "rapportage@example.nl");
        return input;
    }

    private void budgetPooling(String name) {
        Map<String, Object> input = new HashMap<>();
        input.put("focusArea", "heerlen-noord");
        input.put("title", "Eén budget voor Heerlen-Noord");
        input.put("purpose", "Verlengde leertijd, baangarantie en gezonde leefomgeving.");
        input.put("firstYear", 2031);
        input.put("lastYear", 2033);
        List<Integer> years = List.of(2031, 2032, 2033);
        input.put("budgetLines", List.of(
                Map.of("ministry", "ocw", "regulation", "ocw-school-en-omgeving", "amount", "2400000.00", "years", years),
                Map.of("ministry", "szw", "regulation", "szw-baangarantie-jongeren", "amount", "800000.00", "years", years),
                Map.of("ministry", "vws", "regulation", "vws-gezonde-leefomgeving", "amount", "300000.00", "years", years)));
        input.put("requestedInstrument", "pooled-specific-grant");
        input.put("accountabilityArrangement", "Eén verantwoording per jaar.");
        input.put("urgency", "normal");
        input.put("contactName", "M. Janssen");
        input.put("contactEmail", "rapportage@example.nl");
        cases.put(name, submit(RequestKind.BUDGET_POOLING, HEERLEN, input));
    }

    private ProcessInstance submit(RequestKind kind, DoorbraakUser user, Map<String, Object> input) {
        String processInstanceId = submission.submit(kind, input, user, null).request().processInstanceId();
        Jobs.runDue(engine);
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    }

    private void intake(String name, String... domains) {
        complete(name, "Task_Intake", "programme-office", Map.of("intakeOutcome", "complete", "ruleDomains", List.of(domains)));
    }

    private void advise(String name, String ministry, String advice) {
        driver.complete(cases.get(name), "Task_Assess", "ministry-" + ministry, "reviewer-" + ministry,
                Map.of("assessmentOutcome", "advice", "advice", advice, "rationale", "Afgewogen."));
        Jobs.runDue(engine);
    }

    private void decide(String name, String outcome, String instrument, String effective, String evaluation) {
        complete(name, "Task_Decide", "programme-director", decision(outcome, instrument, effective, evaluation));
    }

    private static Map<String, Object> decision(String outcome, String instrument, String effective, String evaluation) {
        Map<String, Object> values = new HashMap<>(Map.of("decisionOutcome", outcome, "rationale", "Afgewogen besluit."));
        if (instrument != null) {
            values.put("instrument", instrument);
            values.put("effectiveDate", effective);
        }
        if (evaluation != null) {
            values.put("evaluationDate", evaluation);
        }
        return values;
    }

    private void withdraw(String name) {
        HttpResponse<String> response = nl.doorbraak.support.CaseSteps.postJson(http,
                "/api/v1/requests/" + reference(name) + "/withdrawal", "groningen", Map.of("reason", "Lokaal opgelost."));
        assertThat(response.statusCode()).as(response.body()).isIn(200, 202);
        Jobs.runDue(engine);
    }

    private void complete(String name, String taskKey, String user, Map<String, Object> values) {
        driver.complete(cases.get(name), taskKey, null, user, values);
        Jobs.runDue(engine);
    }

    private String reference(String name) {
        return cases.get(name).getBusinessKey();
    }

    // --- reading the report

    private JsonNode report(String query, String user) {
        HttpResponse<String> response = http.get("/api/v1/reports/progress?" + query, user);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    private static JsonNode kind(JsonNode report, String kind) {
        for (JsonNode row : report.path("perKind")) {
            if (row.path("kind").asText().equals(kind)) {
                return row.path("counts");
            }
        }
        throw new AssertionError("no kind " + kind);
    }

    private static void assertCounts(JsonNode counts, long submitted, long decided, long granted, long partlyGranted,
                                     long rejected, long withdrawn, long lapsed, long open) {
        assertThat(List.of(counts.path("submitted").asLong(), counts.path("decided").asLong(),
                counts.path("granted").asLong(), counts.path("partlyGranted").asLong(), counts.path("rejected").asLong(),
                counts.path("withdrawn").asLong(), counts.path("lapsed").asLong(), counts.path("open").asLong()))
                .as(counts.toString())
                .containsExactly(submitted, decided, granted, partlyGranted, rejected, withdrawn, lapsed, open);
    }

    private static void assertMinistry(JsonNode row, long completed, String median, String p90, long late, long openLate) {
        assertThat(row.path("completed").asLong()).as(row.toString()).isEqualTo(completed);
        assertThat(row.path("medianDays").decimalValue()).as(row.toString()).isEqualByComparingTo(new BigDecimal(median));
        assertThat(row.path("p90Days").decimalValue()).as(row.toString()).isEqualByComparingTo(new BigDecimal(p90));
        assertThat(row.path("completedLate").asLong()).as(row.toString()).isEqualTo(late);
        assertThat(row.path("openPastDeadline").asLong()).as(row.toString()).isEqualTo(openLate);
    }

    private static String number(JsonNode counts, String field) {
        return String.valueOf(counts.path(field).asLong());
    }

    private static Element byId(Document page, String id) {
        NodeList all = page.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (id.equals(element.getAttribute("id"))) {
                return element;
            }
        }
        return null;
    }

    /** The body rows of the table of a section, as the text of their cells. */
    private static List<List<String>> table(Document page, String section) {
        NodeList tables = page.getElementsByTagName("table");
        for (int i = 0; i < tables.getLength(); i++) {
            Element table = (Element) tables.item(i);
            if (section.equals(table.getAttribute("data-section"))) {
                List<List<String>> rows = new ArrayList<>();
                NodeList trs = ((Element) table.getElementsByTagName("tbody").item(0)).getElementsByTagName("tr");
                for (int r = 0; r < trs.getLength(); r++) {
                    NodeList cells = ((Element) trs.item(r)).getElementsByTagName("td");
                    List<String> row = new ArrayList<>();
                    for (int c = 0; c < cells.getLength(); c++) {
                        row.add(cells.item(c).getTextContent());
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
        throw new AssertionError("no table for " + section);
    }

    /** Keeps a generated report in target/report-samples/, for people to look at. */
    private static void sample(String name, byte[] content) throws java.io.IOException {
        java.nio.file.Path directory = java.nio.file.Path.of("target", "report-samples");
        java.nio.file.Files.createDirectories(directory);
        java.nio.file.Files.write(directory.resolve(name), content);
    }

    private static DoorbraakUser municipality(String id, String code) {
        return new DoorbraakUser(id, id, Set.of("municipality-" + code));
    }
}
