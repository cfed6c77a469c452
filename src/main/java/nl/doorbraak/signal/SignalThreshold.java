package nl.doorbraak.signal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

import nl.doorbraak.catalogue.NationalRule;

/**
 * How many different focus areas must name a rule before it is a recurring obstacle: the
 * {@code signal-threshold} table, asked for the entry's ministry and each of its rule domains;
 * the lowest answer counts (a domain the programme watches closely lowers it for the entry).
 * Evaluated through the engine, so each evaluation is in the history and the audit trail.
 */
@Component
class SignalThreshold {

    static final String TABLE = "signal-threshold";

    private final DecisionService decisionService;

    SignalThreshold(DecisionService decisionService) {
        this.decisionService = decisionService;
    }

    int focusAreasFor(NationalRule rule) {
        List<String> domains = rule.ruleDomains().isEmpty() ? java.util.Collections.singletonList(null)
                : new ArrayList<>(rule.ruleDomains());
        int lowest = Integer.MAX_VALUE;
        for (String domain : domains) {
            Map<String, Object> inputs = new HashMap<>();
            inputs.put("ministry", rule.ministryCode());
            inputs.put("ruleDomain", domain);
            var result = decisionService.evaluateDecisionTableByKey(TABLE).variables(inputs).evaluate()
                    .getFirstResult();
            if (result == null) {
                throw new IllegalStateException("The signal-threshold table has no rule for " + rule.id());
            }
            lowest = Math.min(lowest, ((Number) result.getEntry("focusAreas")).intValue());
        }
        return lowest;
    }
}
