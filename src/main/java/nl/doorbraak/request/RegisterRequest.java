package nl.doorbraak.request;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.doorbraak.platform.validation.FieldError;
import nl.doorbraak.platform.validation.InputSchema;
import nl.doorbraak.platform.validation.InputValues;
import nl.doorbraak.platform.validation.Values;
import nl.doorbraak.platform.validation.InvalidInputException;
import nl.doorbraak.security.UserDirectory;

/**
 * "Dossier registreren": a request started from Tasklist's start form arrives as form
 * variables. They get the same validation as an API submission and become the same case file;
 * then the content leaves the process variables, which keep only what steers the process. The
 * submitter is the user the engine started the process for; a variable that is not a field of
 * the start form is refused.
 */
@Component("registerRequest")
class RegisterRequest implements JavaDelegate {

    private final RequestSubmission submission;
    private final UserDirectory users;
    private final Requests requests;

    RegisterRequest(RequestSubmission submission, UserDirectory users, Requests requests) {
        this.submission = submission;
        this.users = users;
        this.requests = requests;
    }

    /**
     * The budget lines of Tasklist's start form: fixed groups, not a form-js list, because
     * Tasklist 7.24 keeps Start disabled after any edit inside a list (docs/tasklist.md).
     */
    static final List<String> START_FORM_BUDGET_LINES = List.of("budgetLine1", "budgetLine2", "budgetLine3",
            "budgetLine4");

    /** The variable the start event's {@code camunda:initiator} sets; replaced by the case file's submitter. */
    private static final String INITIATOR = "submittedBy";

    @Override
    public void execute(DelegateExecution execution) {
        String processKey = execution.getProcessEngineServices().getRepositoryService()
                .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
        RequestKind kind = RequestKind.ofProcessKey(processKey).orElseThrow();
        // the user the engine runs this start for, never a variable: a variable is the client's to set
        Authentication authentication = execution.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        var submitter = users.find(authentication == null ? null : authentication.getUserId())
                .orElseThrow(() -> new InvalidInputException(List.of(new FieldError("submittedBy",
                        "Het verzoek kan alleen door een aangemelde gebruiker worden ingediend."))));
        String municipality = RequestSubmission.municipalityOf(submitter);
        refuseWhatTheFormDoesNotHave(kind, execution);

        Map<String, Object> input = new HashMap<>();
        java.util.Set<String> keys = submission.rulesOf(kind).schema().keys();
        for (String key : keys) {
            input.put(key, execution.getVariable(key));
        }
        if (kind == RequestKind.BUDGET_POOLING && input.get("budgetLines") == null) {
            input.put("budgetLines", budgetLinesOfTheStartForm(execution));
        }
        Values values = submission.validate(kind, input, municipality, false);
        RequestRecord request = submission.register(kind, values, municipality, submitter.id(), null);

        execution.setProcessBusinessKey(request.reference());
        execution.removeVariables(keys);
        execution.removeVariables(START_FORM_BUDGET_LINES);
        execution.setVariables(submission.steeringVariables(request, RequestContent.of(kind, values)));
        requests.linkProcessInstance(request.id(), execution.getProcessInstanceId());
    }

    /**
     * The variables a start form may bring: the fields the rules of its kind read, the budget
     * line groups of the budget-pooling form, and the initiator the engine sets itself. The
     * Camunda webapps refuse anything else before it gets here (security.WebappWriteRules); this
     * is the same rule once more, for a start by any other way.
     */
    static Set<String> startFormVariables(RequestKind kind, InputSchema schema) {
        Set<String> variables = new LinkedHashSet<>(schema.keys());
        if (kind == RequestKind.BUDGET_POOLING) {
            variables.addAll(START_FORM_BUDGET_LINES);
        }
        return variables;
    }

    private void refuseWhatTheFormDoesNotHave(RequestKind kind, DelegateExecution execution) {
        Set<String> allowed = startFormVariables(kind, submission.rulesOf(kind).schema());
        allowed.add(INITIATOR);
        List<FieldError> refused = execution.getVariableNames().stream().filter(name -> !allowed.contains(name))
                .sorted().map(name -> new FieldError(name, "'" + name + "' hoort niet bij het startformulier: "
                        + "wat het formulier niet vraagt, stelt de server zelf vast.")).toList();
        if (!refused.isEmpty()) {
            throw new InvalidInputException(refused);
        }
    }

    /** The start form's filled-in budget line groups, in order; a group left empty does not count. */
    private static List<Object> budgetLinesOfTheStartForm(DelegateExecution execution) {
        List<Object> lines = new ArrayList<>();
        for (String group : START_FORM_BUDGET_LINES) {
            if (InputValues.plain(execution.getVariable(group)) instanceof Map<?, ?> line
                    && line.values().stream().anyMatch(RegisterRequest::filledIn)) {
                lines.add(line);
            }
        }
        return lines.isEmpty() ? null : lines;
    }

    private static boolean filledIn(Object value) {
        return value != null && !"".equals(value) && !(value instanceof java.util.Collection<?> c && c.isEmpty());
    }
}
