package nl.doorbraak.platform;

import static nl.doorbraak.support.CaseSteps.advise;
import static nl.doorbraak.support.CaseSteps.decision;
import static nl.doorbraak.support.CaseSteps.intakeComplete;
import static nl.doorbraak.support.CaseSteps.openTask;
import static nl.doorbraak.support.CaseSteps.ruleChange;
import static nl.doorbraak.support.CaseSteps.submit;
import static nl.doorbraak.support.CaseSteps.uniqueEmail;
import static nl.doorbraak.support.ProblemAssertions.assertProblem;
import static nl.doorbraak.support.ProblemAssertions.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.doorbraak.tasks.CaseContextVariables;
import nl.doorbraak.support.CaseSteps;
import nl.doorbraak.support.Http;
import nl.doorbraak.support.Jobs;
import nl.doorbraak.support.OwnUsers;
import nl.doorbraak.support.PostgresIntegrationTest;
import nl.doorbraak.support.TableCounts;
import nl.doorbraak.support.TestMailServer;
import nl.doorbraak.support.TestUsers;

/**
 * The hostile-input corpus ({@code src/test/resources/hostile-input/corpus.jsonl}) against the
 * API: every line answers a 4xx problem+json naming every error, and changes not one row in any
 * table, the engine's included. Text with markup that is valid input is kept as it was sent and
 * is harmless wherever the application shows it.
 *
 * <p>The requests belong to Den Haag (0518) through a user this class creates and removes.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTests {

    // a number keeps the digits it was written with: the amount 1.500 must reach the API as 1.500, not 1.5
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    private static final String USER = "hostile-input-0518";
    private static final String FOCUS_AREA = "den-haag-zuidwest";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identityService;
    @Autowired
    ProcessEngine engine;
    @Autowired
    TaskService taskService;

    Http http;
    String reference;
    String intakeTask;

    @BeforeAll
    void municipalityUserAndACaseAtIntake() {
        OwnUsers.create(identityService, USER, "municipality-0518", TestUsers.PASSWORD);
        http = new Http(port);
        reference = submit(http, USER, ruleChange(FOCUS_AREA, uniqueEmail("den-haag")));
        intakeTask = openTask(taskService, reference, "Task_Intake").getId();
    }

    @AfterAll
    void removeUser() {
        identityService.deleteUser(USER);
    }

    static Stream<Arguments> corpus() throws IOException {
        List<Arguments> lines = new ArrayList<>();
        try (InputStream in = HostileInputTests.class.getResourceAsStream("/hostile-input/corpus.jsonl")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    JsonNode entry = JSON.readTree(line);
                    lines.add(Arguments.of(entry.path("name").asText(), entry));
                }
            }
        }
        assertThat(lines).hasSizeGreaterThan(40);
        return lines.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void hostileInputIsRefusedWithEveryErrorAndChangesNothing(String name, JsonNode entry) throws IOException {
        // a 404 for a case or task is a refused attempt, recorded on the audit trail and nowhere else
        Map<String, Long> before = TableCounts.besidesRefusals(jdbc);
        assertThat(before.keySet()).as("tables counted").contains("request", "audit_event", "outbox", "document",
                "act_ru_task", "act_ru_execution", "act_hi_procinst", "act_ge_bytearray", "act_id_user");

        HttpResponse<String> response = http.send(request(entry));

        int status = entry.path("status").asInt();
        JsonNode problem = assertProblem(response, status);
        assertThat(problem.path("detail").asText()).as(name).isNotBlank();
        if (entry.has("errors")) {
            List<String> expected = new ArrayList<>();
            entry.path("errors").forEach(field -> expected.add(field.asText()));
            assertThat(errorFields(problem)).as("%s: %s", name, problem).containsExactlyInAnyOrderElementsOf(expected);
            problem.path("errors").forEach(error -> assertThat(error.path("message").asText()).isNotBlank());
        }
        assertThat(TableCounts.besidesRefusals(jdbc)).as("row counts after %s", name).isEqualTo(before);
    }

    @Test
    void markupInTextIsKeptAsDataAndHarmlessWhereverItIsShown() {
        String title = "=HYPERLINK(\"http://evil.example\";\"klik\") <script>alert(1)</script>";
        String conflict = "<img src=x onerror=alert(1)> '; DROP TABLE request; -- {{caseTitle}} ${7*7}";
        String contact = uniqueEmail("den-haag");
        Map<String, Object> body = ruleChange(FOCUS_AREA, contact);
        body.put("title", title);
        body.put("conflict", conflict);
        String caseReference = submit(http, USER, body);

        // JSON: the same characters back, as JSON data that a browser will not sniff as HTML
        HttpResponse<String> detail = http.get("/api/v1/requests/" + caseReference, USER);
        assertThat(detail.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(detail.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(detail.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'none'"));
        assertThat(Http.json(detail).path("title").asText()).isEqualTo(title);
        assertThat(jdbc.queryForObject("SELECT title FROM request WHERE reference = ?", String.class, caseReference))
                .isEqualTo(title);

        // Tasklist: the case context is shown as the value of read-only text fields, never as markup
        intakeComplete(http, taskService, caseReference, "income-support");
        advise(http, engine, caseReference, "szw", "support", "Past binnen de experimenteerbepaling.");
        Task decide = openTask(taskService, caseReference, "Task_Decide");
        assertThat(taskService.getVariableLocal(decide.getId(), "caseTitle")).isEqualTo(title);
        assertThat(CaseContextVariables.of(taskService, decide.getId()).get("caseConflict")).isEqualTo(conflict);
        assertThat(FormComponents.typeOf("forms/decide.form", "caseTitle")).isEqualTo("textfield");
        assertThat(FormComponents.typeOf("forms/decide.form", "case.conflict")).isEqualTo("textarea");

        CaseSteps.complete(http, TestUsers.PROGRAMME_DIRECTOR, decide.getId(),
                decision("rejected", "Geen ruimte binnen de wet."));
        Jobs.runDue(engine);

        // e-mail: plain text, the title as it was written
        List<TestMailServer.ReceivedMail> mails = TestMailServer.receivedBy(contact);
        assertThat(mails).isNotEmpty();
        assertThat(mails).anySatisfy(mail -> assertThat(mail.body()).contains(title));
        assertThat(contentTypesOfMailTo(contact)).allSatisfy(type -> assertThat(type).startsWith("text/plain"));

        // CSV export of the decision register: the formula is disarmed
        HttpResponse<String> csv = http.get("/api/v1/decisions?municipality=0518&format=csv", USER);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"klik\"\") <script>alert(1)</script>\"")
                .doesNotContain(",=HYPERLINK");
    }

    private static List<String> contentTypesOfMailTo(String recipient) {
        List<String> types = new ArrayList<>();
        for (var message : TestMailServer.server().getReceivedMessages()) {
            try {
                if (message.getAllRecipients()[0].toString().equals(recipient)) {
                    types.add(message.getContentType());
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return types;
    }

    // ------------------------------------------------------------------ building the requests

    private HttpRequest request(JsonNode entry) throws IOException {
        String path = entry.path("path").asText().replace("{reference}", reference).replace("{intakeTask}", intakeTask);
        String user = switch (entry.path("as").asText()) {
            case "municipality" -> USER;
            case "programme-office" -> TestUsers.PROGRAMME_OFFICE;
            case "auditor" -> TestUsers.AUDITOR;
            default -> throw new IllegalArgumentException("Unknown user in corpus: " + entry);
        };
        HttpRequest.Builder request = http.request(path, user);
        String method = entry.path("method").asText();
        if ("GET".equals(method)) {
            return request.GET().build();
        }
        String contentType = entry.path("contentType").asText("application/json");
        byte[] body;
        if (entry.has("multipart")) {
            String boundary = "hostile" + UUID.randomUUID().toString().replace("-", "");
            contentType = "multipart/form-data; boundary=" + boundary;
            body = multipart(entry.path("multipart"), boundary);
        } else {
            body = body(entry).getBytes(StandardCharsets.UTF_8);
        }
        request.header("Content-Type", contentType);
        HttpRequest.BodyPublisher publisher = entry.path("chunked").asBoolean()
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        return request.method(method, publisher).build();
    }

    private static String body(JsonNode entry) throws IOException {
        if (entry.has("body")) {
            return entry.path("body").asText();
        }
        if (entry.has("json")) {
            return JSON.writeValueAsString(entry.path("json"));
        }
        if (entry.has("nest")) {
            int depth = entry.path("nest").asInt();
            return CaseSteps.json(ruleChange(FOCUS_AREA, "x@den-haag.example.nl"))
                    .replaceFirst("\"title\":\"[^\"]*\"", "\"title\":" + "[".repeat(depth) + "]".repeat(depth));
        }
        if (entry.has("padTo")) {
            int size = entry.path("padTo").asInt();
            Map<String, Object> valid = ruleChange(FOCUS_AREA, "x@den-haag.example.nl");
            valid.put("conflict", "x".repeat(size));
            return CaseSteps.json(valid);
        }
        if (entry.has("base")) {
            ObjectNode valid = JSON.valueToTree("budget-pooling".equals(entry.path("base").asText())
                    ? CaseSteps.budgetPooling(FOCUS_AREA, uniqueEmail("den-haag"))
                    : ruleChange(FOCUS_AREA, uniqueEmail("den-haag")));
            for (Iterator<Map.Entry<String, JsonNode>> it = entry.path("set").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                valid.set(field.getKey(), field.getValue());
            }
            entry.path("unset").forEach(field -> valid.remove(field.asText()));
            return JSON.writeValueAsString(valid);
        }
        throw new IllegalArgumentException("No body in corpus line: " + entry);
    }

    private static byte[] multipart(JsonNode part, String boundary) {
        byte[] text = part.path("text").asText().getBytes(StandardCharsets.UTF_8);
        byte[] content = Arrays.copyOf(text, text.length + part.path("repeat").asInt(0));
        return CaseSteps.multipartFile(boundary, part.path("part").asText(), part.path("fileName").asText(),
                part.path("contentType").asText(), content);
    }
}
