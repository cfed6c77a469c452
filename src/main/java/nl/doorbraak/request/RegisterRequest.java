package nl.doorbraak.request;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.doorbraak.platform.FieldError;
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
        Map<String, Object> values = submission.validate(kind, input, municipality, false);
        RequestRecord request = submission.register(kind, values, municipality, submitter.id(), null);

        execution.setProcessBusinessKey(request.reference());
        execution.removeVariables(keys);
        execution.setVariables(submission.steeringVariables(request, values));
        requests.linkProcessInstance(request.id(), execution.getProcessInstanceId());
    }
}
