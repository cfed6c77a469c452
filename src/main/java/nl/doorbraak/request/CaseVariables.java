package nl.doorbraak.request;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The steering variables every process of a case carries (set at submission, see
 * {@code RequestSubmission.steeringVariables}), read the same way by every stage's delegates.
 */
public final class CaseVariables {

    public static final String REQUEST_ID = "requestId";
    public static final String REFERENCE = "reference";

    private CaseVariables() {
    }

    public static UUID requestId(VariableScope scope) {
        return UUID.fromString((String) scope.getVariable(REQUEST_ID));
    }

    public static String reference(VariableScope scope) {
        return string(scope, REFERENCE);
    }

    public static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    /** Who is completing the current step: the user Tasklist or the API authenticated, else "system". */
    public static String currentUser(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? "system" : authentication.getUserId();
    }
}
