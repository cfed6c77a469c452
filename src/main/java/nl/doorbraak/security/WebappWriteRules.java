package nl.doorbraak.security;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import nl.doorbraak.platform.AccessRefused.Refusal;
import nl.doorbraak.platform.validation.DuplicateKeys;
import nl.doorbraak.platform.validation.FieldError;
import nl.doorbraak.platform.validation.InputSchema;
import nl.doorbraak.platform.validation.InvalidInputException;
import nl.doorbraak.security.WebappEndpoints.Operation;

/**
 * What a write through the Camunda webapps may do (docs/tasklist.md, "What Tasklist users may
 * write"). Tasklist's users start a request with exactly the fields of its start form, complete
 * a task with exactly the fields of its form, claim and hand on tasks within the groups that may
 * do them, and comment on their own tasks. Everything else that writes is for administrators;
 * auditors write nothing. What the form does not have, the server sets or it does not exist:
 * who submitted, the municipality, the reference, the status, the steering variables and the
 * case context are never taken from a webapp.
 */
@Component
class WebappWriteRules {

    /** The outcome for one request. */
    sealed interface Verdict {
    }

    /** On to the webapps, whose engine still checks its own authorizations. */
    record Pass() implements Verdict {
    }

    /** Refused and audited: 403 (FORBIDDEN), 400 with the fields (FORBIDDEN_FIELDS), 404 (NOT_FOUND). */
    record Refused(Refusal refusal, String message, List<FieldError> fields) implements Verdict {
    }

    /** Input that is wrong, not forbidden (no JSON, an empty comment): 400, like the API. */
    record Invalid(List<FieldError> errors) implements Verdict {
    }

    static final String READ_ONLY = "Uw rol kan alleen lezen: in Tasklist, Cockpit en Admin kunt u niets wijzigen.";
    static final String ADMINISTRATORS_ONLY = "Deze wijziging is voorbehouden aan beheerders.";
    static final String NOT_LOGGED_IN = "U bent niet aangemeld bij Tasklist, Cockpit of Admin.";
    private static final InputSchema COMMENT = InputSchema.builder().text("message", "Opmerking", true, 4000).build();
    private static final int ECHO_LIMIT = 60;

    private final TaskService taskService;
    private final FormService formService;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final ObjectMapper objectMapper;
    private final Map<String, Optional<List<FormFields.Field>>> formFields = new ConcurrentHashMap<>();

    WebappWriteRules(TaskService taskService, FormService formService, RepositoryService repositoryService,
                     IdentityService identityService, ObjectMapper objectMapper) {
        this.taskService = taskService;
        this.formService = formService;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
        this.objectMapper = objectMapper;
    }

    /** Whether the rule for this operation reads the request body. */
    static boolean readsBody(Operation operation) {
        return switch (operation) {
            case START_FORM_BY_KEY, START_FORM_BY_ID, TASK_FORM, CLAIM, ASSIGNEE, COMMENT -> true;
            default -> false;
        };
    }

    /** The request body, read when a rule needs it. */
    interface Body {
        byte[] read() throws IOException;
    }

    /** @throws IOException when the body cannot be read, e.g. is over the size limit */
    Verdict check(WebappEndpoints.Request request, Optional<WebappCaller> caller, Body body) throws IOException {
        Operation operation = request.operation();
        if (!operation.isWrite() || operation == Operation.LOGIN_OR_LOGOUT) {
            return new Pass();
        }
        if (caller.isEmpty()) {
            return forbidden(NOT_LOGGED_IN);
        }
        WebappCaller user = caller.get();
        if (user.isReadOnly()) {
            return forbidden(READ_ONLY);
        }
        if (operation == Operation.OTHER_WRITE) {
            return user.isAdministrator() ? new Pass() : forbidden(ADMINISTRATORS_ONLY);
        }
        byte[] content = readsBody(operation) ? body.read() : new byte[0];
        JsonNode json;
        try {
            json = object(content);
        } catch (IOException | IllegalArgumentException e) {
            // Camunda's own parser would keep the last of two equal keys: refused here, naming the field
            return new Invalid(List.of(DuplicateKeys.of(e).orElseGet(() ->
                    new FieldError("body", "De inhoud van het verzoek is geen JSON-object."))));
        }
        return switch (operation) {
            case START_FORM_BY_KEY, START_FORM_BY_ID -> startForm(request, json);
            case TASK_FORM -> task(request.target()).map(task -> taskForm(task, json)).orElseGet(WebappWriteRules::gone);
            case CLAIM -> task(request.target()).map(task -> claim(user, json)).orElseGet(WebappWriteRules::gone);
            case UNCLAIM -> task(request.target()).<Verdict>map(task -> new Pass()).orElseGet(WebappWriteRules::gone);
            case ASSIGNEE -> task(request.target()).map(task -> assignee(user, task, json))
                    .orElseGet(WebappWriteRules::gone);
            case COMMENT -> task(request.target()).map(task -> comment(user, task, json))
                    .orElseGet(WebappWriteRules::gone);
            default -> throw new IllegalStateException("No rule for " + operation);
        };
    }

    // ------------------------------------------------------------------ starting a request

    private Verdict startForm(WebappEndpoints.Request request, JsonNode body) {
        Optional<ProcessDefinition> definition = request.operation() == Operation.START_FORM_BY_KEY
                ? Optional.ofNullable(repositoryService.createProcessDefinitionQuery()
                        .processDefinitionKey(request.target()).withoutTenantId().latestVersion().singleResult())
                : Optional.ofNullable(repositoryService.createProcessDefinitionQuery()
                        .processDefinitionId(request.target()).singleResult());
        if (definition.isEmpty()) {
            return new Refused(Refusal.NOT_FOUND, "Dit proces bestaat niet.", List.of());
        }
        String definitionId = definition.get().getId();
        Optional<List<FormFields.Field>> form = fields(definitionId,
                formService.getStartFormData(definitionId).getCamundaFormRef(),
                () -> formService.getDeployedStartForm(definitionId));
        if (form.isEmpty()) {
            return forbidden("Dit proces kan niet vanuit Tasklist worden gestart.");
        }
        List<FieldError> refused = new ArrayList<>();
        for (String name : names(body)) {
            if (name.equals("businessKey")) {
                if (!body.path(name).isNull()) {
                    refused.add(new FieldError(name, "Het kenmerk van een verzoek kent de server toe."));
                }
            } else if (!name.equals("variables")) {
                refused.add(notInForm(name));
            }
        }
        return variables(form.get(), body, refused);
    }

    // ------------------------------------------------------------------ tasks

    private Verdict taskForm(Task task, JsonNode body) {
        List<FormFields.Field> form = fields(task.getProcessDefinitionId(), task.getCamundaFormRef(),
                () -> formService.getDeployedTaskForm(task.getId())).orElse(List.of());
        List<FieldError> refused = new ArrayList<>();
        for (String name : names(body)) {
            if (!name.equals("variables") && !name.equals("withVariablesInReturn")) {
                refused.add(notInForm(name));
            }
        }
        return variables(form, body, refused);
    }

    private Verdict claim(WebappCaller user, JsonNode body) {
        if (user.isAdministrator() || user.userId().equals(body.path("userId").asText(null))) {
            return new Pass();
        }
        return forbidden("U kunt een taak alleen voor uzelf claimen.");
    }

    private Verdict assignee(WebappCaller user, Task task, JsonNode body) {
        String assignee = body.path("userId").asText(null);
        if (assignee == null || assignee.isEmpty() || user.isAdministrator() || assignee.equals(user.userId())
                || mayWork(assignee, task)) {
            return new Pass();
        }
        return forbidden("Een taak kan alleen worden toegewezen aan iemand van een groep die de taak mag uitvoeren.");
    }

    private Verdict comment(WebappCaller user, Task task, JsonNode body) {
        if (!user.isAdministrator() && !user.userId().equals(task.getAssignee()) && !mayWork(user.userId(), task)) {
            return forbidden("Alleen wie deze taak mag uitvoeren, kan er een opmerking bij plaatsen.");
        }
        List<FieldError> refused = new ArrayList<>();
        for (String name : names(body)) {
            boolean ownCase = name.equals("processInstanceId")
                    && (body.path(name).isNull() || body.path(name).asText().equals(task.getProcessInstanceId()));
            if (!name.equals("message") && !ownCase) {
                refused.add(notInForm(name));
            }
        }
        if (!refused.isEmpty()) {
            return forbiddenFields(refused);
        }
        Map<String, Object> input = new HashMap<>();
        input.put("message", body.path("message").isTextual() ? body.path("message").asText() : null);
        try {
            COMMENT.validate(input, false);
        } catch (InvalidInputException invalid) {
            return new Invalid(invalid.errors());
        }
        return new Pass();
    }

    /** Whether the user is a candidate of the task, or in one of its candidate groups. */
    private boolean mayWork(String userId, Task task) {
        for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (userId.equals(link.getUserId()) || (link.getGroupId() != null && identityService.createUserQuery()
                    .userId(userId).memberOfGroup(link.getGroupId()).count() > 0)) {
                return true;
            }
        }
        return false;
    }

    private Optional<Task> task(String taskId) {
        return Optional.ofNullable(taskService.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult());
    }

    // ------------------------------------------------------------------ fields

    /** Every variable must be a field of the form; a group's or list's object only the fields inside it. */
    private Verdict variables(List<FormFields.Field> form, JsonNode body, List<FieldError> refused) {
        JsonNode variables = body.path("variables");
        if (!variables.isMissingNode() && !variables.isNull() && !variables.isObject()) {
            return new Invalid(List.of(new FieldError("variables", "De variabelen moeten een JSON-object zijn.")));
        }
        Map<String, FormFields.Field> fields = new HashMap<>();
        form.forEach(field -> fields.put(field.name(), field));
        for (Map.Entry<String, JsonNode> variable : variables.properties()) {
            FormFields.Field field = fields.get(variable.getKey());
            if (field == null) {
                refused.add(notInForm(variable.getKey()));
            } else if (field.holdsFields()) {
                inside(field.name(), field, value(variable.getValue()), refused);
            }
        }
        return refused.isEmpty() ? new Pass() : forbiddenFields(refused);
    }

    private void inside(String name, FormFields.Field field, JsonNode value, List<FieldError> refused) {
        List<JsonNode> objects = new ArrayList<>();
        if (field.list() && value.isArray()) {
            value.forEach(objects::add);
        } else if (!field.list() && value.isObject()) {
            objects.add(value);
        }
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode object : objects) {
            for (Map.Entry<String, JsonNode> entry : object.properties()) {
                Optional<FormFields.Field> known = field.inside().stream()
                        .filter(candidate -> candidate.name().equals(entry.getKey())).findFirst();
                String path = name + "." + entry.getKey();
                if (known.isEmpty()) {
                    if (seen.add(path)) {
                        refused.add(notInForm(path));
                    }
                } else if (known.get().holdsFields()) {
                    inside(path, known.get(), entry.getValue(), refused);
                }
            }
        }
    }

    /**
     * The value of an engine REST variable ({@code {"value": ..., "type": ...}}): Tasklist sends an
     * object or a list as JSON text, typed Json or Object.
     */
    private JsonNode value(JsonNode variable) {
        JsonNode value = variable.path("value");
        if (value.isTextual()) {
            String text = value.asText().trim();
            if (text.startsWith("{") || text.startsWith("[")) {
                try {
                    return objectMapper.readTree(text);
                } catch (JacksonException e) {
                    return value; // not JSON after all: the server's rules judge the text
                }
            }
        }
        return value;
    }

    // ------------------------------------------------------------------ helpers

    private static List<String> names(JsonNode object) {
        return object.properties().stream().map(Map.Entry::getKey).toList();
    }

    private JsonNode object(byte[] body) throws IOException {
        if (body.length == 0) {
            return objectMapper.createObjectNode();
        }
        JsonNode json = objectMapper.readTree(body);
        if (json == null || json.isMissingNode()) {
            return objectMapper.createObjectNode();
        }
        if (!json.isObject()) {
            throw new IllegalArgumentException("not an object");
        }
        return json;
    }

    private interface FormSource {
        InputStream open();
    }

    /**
     * The fields of the deployed Camunda Form, or empty where there is none (no form, or not a
     * Camunda Form). A form bound to the definition's deployment or to a version never changes,
     * so its fields are read once (a lookup and a parse cost some 5 ms); one bound to the latest
     * version is read every time.
     */
    private Optional<List<FormFields.Field>> fields(String processDefinitionId, CamundaFormRef ref, FormSource source) {
        if (ref == null) {
            return Optional.empty();
        }
        String key = switch (ref.getBinding()) {
            case "deployment" -> processDefinitionId + "/" + ref.getKey();
            case "version" -> ref.getKey() + ":" + ref.getVersion();
            default -> null;
        };
        if (key == null) {
            return read(source);
        }
        return formFields.computeIfAbsent(key, unread -> read(source));
    }

    private Optional<List<FormFields.Field>> read(FormSource source) {
        try (InputStream in = source.open()) {
            JsonNode form = objectMapper.readTree(in);
            return form != null && form.has("components") ? Optional.of(FormFields.of(form)) : Optional.empty();
        } catch (ProcessEngineException | IOException e) {
            return Optional.empty();
        }
    }

    private static Verdict gone() {
        return new Refused(Refusal.NOT_FOUND, "Deze taak bestaat niet (meer).", List.of());
    }

    private static Verdict forbidden(String message) {
        return new Refused(Refusal.FORBIDDEN, message, List.of());
    }

    private static Verdict forbiddenFields(List<FieldError> fields) {
        return new Refused(Refusal.FORBIDDEN_FIELDS, "Dit formulier kan "
                + (fields.size() == 1 ? "dit veld" : "deze velden") + " niet versturen: "
                + String.join(", ", fields.stream().map(field -> echo(field.field())).toList()) + ".", fields);
    }

    private static FieldError notInForm(String name) {
        return new FieldError(name, "'" + echo(name) + "' hoort niet bij dit formulier: wat het formulier niet "
                + "vraagt, stelt de server zelf vast of bestaat niet.");
    }

    /** A name as sent, shortened and without control characters, to be shown and audited. */
    private static String echo(String name) {
        String shown = name.length() > ECHO_LIMIT ? name.substring(0, ECHO_LIMIT) + "…" : name;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
