package nl.doorbraak.request;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.doorbraak.platform.FieldError;
import nl.doorbraak.platform.InputValues;
import nl.doorbraak.platform.InvalidInputException;
import nl.doorbraak.security.UserDirectory;

/**
 * "Dossier registreren": a request started from Tasklist's start form arrives as form
 * variables. They get the same validation as an API submission and become the same case file;
 * then the content leaves the process variables, which keep only what steers the process.
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

    @Override
    public void execute(DelegateExecution execution) {
        String processKey = execution.getProcessEngineServices().getRepositoryService()
                .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
        RequestKind kind = RequestKind.ofProcessKey(processKey).orElseThrow();
        String initiator = (String) execution.getVariable("submittedBy");
        var submitter = users.find(initiator).orElseThrow(() -> new InvalidInputException(List.of(
                new FieldError("submittedBy", "Het verzoek kan alleen door een aangemelde gebruiker worden ingediend."))));
        String municipality = RequestSubmission.municipalityOf(submitter);

        Map<String, Object> input = new HashMap<>();
        java.util.Set<String> keys = submission.rulesOf(kind).schema().keys();
        for (String key : keys) {
            input.put(key, execution.getVariable(key));
        }
        if (kind == RequestKind.BUDGET_POOLING && input.get("budgetLines") == null) {
            input.put("budgetLines", budgetLinesOfTheStartForm(execution));
        }
        Map<String, Object> values = submission.validate(kind, input, municipality, false);
        RequestRecord request = submission.register(kind, values, municipality, submitter.id(), null);

        execution.setProcessBusinessKey(request.reference());
        execution.removeVariables(keys);
        execution.removeVariables(START_FORM_BUDGET_LINES);
        execution.setVariables(submission.steeringVariables(request, values));
        requests.linkProcessInstance(request.id(), execution.getProcessInstanceId());
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
