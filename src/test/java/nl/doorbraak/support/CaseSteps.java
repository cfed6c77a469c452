package nl.doorbraak.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * The steps of a case as its users take them through the API: submit a rule-change request,
 * find the open task of a case, complete it. Every step asserts that the API accepted it, so a
 * test that uses them to reach a state fails at the step that went wrong.
 */
public final class CaseSteps {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A real PDF of one empty page, as PDFBox writes it (the application opens every PDF it stores). */
    public static final byte[] PDF = onePagePdf();

    private CaseSteps() {
    }

    private static byte[] onePagePdf() {
        try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument()) {
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A valid rule-change request body (with {@code kind}) for a focus area of the submitter's municipality. */
    public static Map<String, Object> ruleChange(String focusArea, String contactEmail, String... ruleDomains) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "rule-change");
        body.put("focusArea", focusArea);
        body.put("title", "Kostendelersnorm buiten toepassing voor thuiswonende jongvolwassenen");
        body.put("regulation", "Participatiewet");
        body.put("article", "artikel 22a");
        body.put("ruleDomains", List.of(ruleDomains.length == 0 ? new String[] {"income-support"} : ruleDomains));
        body.put("conflict", "De kostendelersnorm verlaagt de bijstand van ouders wanneer hun volwassen kind thuis "
                + "blijft wonen, waardoor jongvolwassenen het huis uit gedreven worden.");
        body.put("proposedSolution", "Voor huishoudens in het focusgebied de kostendelersnorm twee jaar niet toepassen.");
        body.put("requestedInstrument", "experiment");
        body.put("residentsAffected", 340);
        body.put("urgency", "normal");
        body.put("contactName", "J. de Vries");
        body.put("contactEmail", contactEmail);
        return body;
    }

    /**
     * A valid budget-pooling request body (with {@code kind}): Heerlen-Noord's three budgets,
     * EUR 3.5M over three future budget years.
     */
    public static Map<String, Object> budgetPooling(String focusArea, String contactEmail) {
        int first = java.time.Year.now().getValue() + 1;
        List<Integer> years = List.of(first, first + 1, first + 2);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "budget-pooling");
        body.put("focusArea", focusArea);
        body.put("title", "Eén budget voor een kansrijke wijk");
        body.put("purpose", "Verlengde leertijd, baangarantie voor jongeren en een gezonde leefomgeving uit één budget.");
        body.put("firstYear", first);
        body.put("lastYear", first + 2);
        body.put("budgetLines", List.of(
                budgetLine("ocw", "ocw-school-en-omgeving", "2400000.00", years),
                budgetLine("szw", "szw-baangarantie-jongeren", "800000.00", years),
                budgetLine("vws", "vws-gezonde-leefomgeving", "300000.00", years)));
        body.put("requestedInstrument", "pooled-specific-grant");
        body.put("accountabilityArrangement", "Eén jaarlijkse verantwoording via SiSa.");
        body.put("urgency", "normal");
        body.put("contactName", "M. Janssen");
        body.put("contactEmail", contactEmail);
        return body;
    }

    /** A budget line with its amount as an exact JSON number. */
    public static Map<String, Object> budgetLine(String ministry, String regulation, String amount, List<Integer> years) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("ministry", ministry);
        line.put("regulation", regulation);
        line.put("amount", new java.math.BigDecimal(amount));
        line.put("years", years);
        return line;
    }

    /** The same request as the application's services take it: without {@code kind}, which the API reads. */
    public static Map<String, Object> submission(String focusArea, String contactEmail, String... ruleDomains) {
        Map<String, Object> input = ruleChange(focusArea, contactEmail, ruleDomains);
        input.remove("kind");
        return input;
    }

    /** An e-mail address nobody else uses, so that a test finds exactly its own mail. */
    public static String uniqueEmail(String municipality) {
        return "contact-" + UUID.randomUUID().toString().substring(0, 8) + "@" + municipality + ".example.nl";
    }

    public static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** POSTs a JSON body as the user (no Authorization header when the user is null). */
    public static HttpResponse<String> postJson(Http http, String path, String user, Object body) {
        return postJson(http, path, user, body, null);
    }

    public static HttpResponse<String> postJson(Http http, String path, String user, Object body,
                                                String idempotencyKey) {
        return postRaw(http, path, user, body instanceof String text ? text : json(body), idempotencyKey);
    }

    public static HttpResponse<String> postRaw(Http http, String path, String user, String body, String idempotencyKey) {
        HttpRequest.Builder request = (user == null ? http.request(path) : http.request(path, user))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build());
    }

    /** A multipart/form-data body with one file part (send it with the boundary in its Content-Type). */
    public static byte[] multipartFile(String boundary, String part, String fileName, String declaredType,
                                       byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + declaredType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    /** Uploads a document to the request as the user (POST .../documents, part "file"); any answer. */
    public static HttpResponse<String> upload(Http http, String user, String reference, String fileName,
                                              String declaredType, byte[] content) {
        String boundary = "grens" + UUID.randomUUID();
        HttpRequest.Builder request = user == null ? http.request("/api/v1/requests/" + reference + "/documents")
                : http.request("/api/v1/requests/" + reference + "/documents", user);
        return http.send(request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(
                        multipartFile(boundary, "file", fileName, declaredType, content))).build());
    }

    /** Submits the request as the municipality user and returns its reference. */
    public static String submit(Http http, String user, Map<String, Object> body) {
        HttpResponse<String> response = postJson(http, "/api/v1/requests", user, body);
        assertThat(response.statusCode()).as("submission by %s: %s", user, response.body()).isEqualTo(201);
        String reference = Http.json(response).path("reference").asText();
        assertThat(reference).matches("NPLV-\\d{4}-\\d{5}");
        return reference;
    }

    /** The request as the user sees it through GET /api/v1/requests/{reference}, which must answer 200. */
    public static JsonNode request(Http http, String user, String reference) {
        HttpResponse<String> response = http.get("/api/v1/requests/" + reference, user);
        assertThat(response.statusCode()).as("GET %s as %s: %s", reference, user, response.body()).isEqualTo(200);
        return Http.json(response);
    }

    /** The one open task of the case (or of an instance it called) at the given task. */
    public static Task openTask(TaskService taskService, String reference, String taskDefinitionKey) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(taskDefinitionKey).list();
        assertThat(tasks).as("open %s tasks of %s", taskDefinitionKey, reference).hasSize(1);
        return tasks.get(0);
    }

    /** The open task of the case at the given task for one candidate group, e.g. the assessment of one ministry. */
    public static Task openTask(TaskService taskService, String reference, String taskDefinitionKey,
                                String candidateGroup) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(taskDefinitionKey).taskCandidateGroup(candidateGroup).list();
        assertThat(tasks).as("open %s tasks of %s for %s", taskDefinitionKey, reference, candidateGroup).hasSize(1);
        return tasks.get(0);
    }

    /** Completes the task as the user through POST /api/v1/tasks/{id}/completion, which must answer 204. */
    public static void complete(Http http, String user, String taskId, Map<String, Object> values) {
        HttpResponse<String> response = postJson(http, "/api/v1/tasks/" + taskId + "/completion", user, values);
        assertThat(response.statusCode()).as("completion of task %s by %s: %s", taskId, user, response.body())
                .isEqualTo(204);
    }

    /** Completes the case's open task at the given task as the user, through the API. */
    public static void completeCurrentTask(Http http, TaskService taskService, String reference,
                                           String taskDefinitionKey, String user, Map<String, Object> values) {
        complete(http, user, openTask(taskService, reference, taskDefinitionKey).getId(), values);
    }

    /** The programme office finds the request complete and routes it on the given rule domains. */
    public static void intakeComplete(Http http, TaskService taskService, String reference, String... ruleDomains) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("intakeOutcome", "complete");
        values.put("ruleDomains", List.of(ruleDomains));
        completeCurrentTask(http, taskService, reference, "Task_Intake", TestUsers.PROGRAMME_OFFICE, values);
    }

    /** The programme office asks the municipality a question; the e-mail goes out and the municipality's task opens. */
    public static void intakeAsks(Http http, ProcessEngine engine, String reference, String question,
                                  String... ruleDomains) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("intakeOutcome", "information-needed");
        values.put("ruleDomains", List.of(ruleDomains.length == 0 ? new String[] {"income-support"} : ruleDomains));
        values.put("informationQuestion", question);
        completeCurrentTask(http, engine.getTaskService(), reference, "Task_Intake", TestUsers.PROGRAMME_OFFICE,
                values);
        Jobs.runDue(engine);
    }

    /** The reviewer of the ministry gives advice ("support", "support-with-conditions" or "reject"). */
    public static void advise(Http http, ProcessEngine engine, String reference, String ministry, String advice,
                              String rationale) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("assessmentOutcome", "advice");
        values.put("advice", advice);
        values.put("rationale", rationale);
        if ("support-with-conditions".equals(advice)) {
            values.put("conditions", "Halfjaarlijkse rapportage over het aantal betrokken huishoudens.");
        }
        complete(http, "reviewer-" + ministry,
                openTask(engine.getTaskService(), reference, "Task_Assess", "ministry-" + ministry).getId(), values);
        Jobs.runDue(engine);
    }

    /** The values of a decision without follow-up: a policy change, or a rejection. */
    public static Map<String, Object> decision(String outcome, String rationale) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("decisionOutcome", outcome);
        values.put("rationale", rationale);
        if (!"rejected".equals(outcome)) {
            values.put("instrument", "policy-change");
            values.put("effectiveDate", java.time.LocalDate.now().plusMonths(1).toString());
        }
        return values;
    }

    /** The references in a list of requests. */
    public static List<String> references(JsonNode items) {
        List<String> references = new ArrayList<>();
        items.forEach(item -> references.add(item.path("reference").asText()));
        return references;
    }
}
