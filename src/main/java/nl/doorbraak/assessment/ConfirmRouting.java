package nl.doorbraak.assessment;

import java.util.ArrayList;
import java.util.TreeSet;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.doorbraak.platform.InputValues;
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

    ConfirmRouting(Requests requests) {
        this.requests = requests;
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
        requests.routeTo(ProcessVariables.requestId(execution), ministries);
        requests.reclassify(ProcessVariables.requestId(execution), InputValues.strings(execution.getVariable("ruleDomains")));
    }
}
