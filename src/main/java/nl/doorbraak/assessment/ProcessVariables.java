package nl.doorbraak.assessment;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Reading the steering variables every delegate needs. */
final class ProcessVariables {

    private ProcessVariables() {
    }

    static UUID requestId(VariableScope scope) {
        return UUID.fromString((String) scope.getVariable("requestId"));
    }

    static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    /** Who is completing the current step: the user Tasklist or the API authenticated. */
    static String currentUser(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? "system" : authentication.getUserId();
    }
}
