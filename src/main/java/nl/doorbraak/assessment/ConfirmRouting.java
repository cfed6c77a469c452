package nl.doorbraak.assessment;

import nl.doorbraak.audit.AuditAction;
import nl.doorbraak.request.CaseVariables;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.doorbraak.audit.AuditTrail;
import nl.doorbraak.platform.validation.InputValues;
import nl.doorbraak.request.Requests;

/**
 * "Routering vastleggen": the ministries the {@code responsible-ministries} table found (once
 * each), plus those the programme office added at intake, become the multi-instance
 * collection {@code ministries} and are recorded on the case file, with the rule domains as
 * the intake classified them.
 */
@Component("confirmRouting")
class ConfirmRouting implements JavaDelegate {

    private final Requests requests;
    private final AuditTrail audit;

    ConfirmRouting(Requests requests, AuditTrail audit) {
        this.requests = requests;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TreeSet<String> ministries = new TreeSet<>(InputValues.strings(execution.getVariable("routedMinistries")));
        ministries.addAll(InputValues.strings(execution.getVariable("extraMinistries")));
        if (ministries.isEmpty()) {
            throw new IllegalStateException("Routing found no ministry for request "
                    + execution.getVariable("reference"));
        }
        execution.setVariable("ministries", new ArrayList<>(ministries));
        requests.routeTo(CaseVariables.requestId(execution), ministries);
        List<String> domains = InputValues.strings(execution.getVariable("ruleDomains"));
        requests.reclassify(CaseVariables.requestId(execution), domains);
        audit.about(CaseVariables.reference(execution)).by(CaseVariables.currentUser(execution))
                .action(AuditAction.REQUEST_ROUTED, "Doorgestuurd naar " + String.join(", ", ministries).toUpperCase(Locale.ROOT))
                .resource("request", CaseVariables.requestId(execution).toString(), "Routering")
                .changes(null, Map.of("ministries", new ArrayList<>(ministries), "ruleDomains", domains))
                .record();
    }
}
