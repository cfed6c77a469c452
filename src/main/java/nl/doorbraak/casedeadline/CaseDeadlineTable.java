package nl.doorbraak.casedeadline;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * The period and the longest extension of a case from the {@code case-deadlines} table, by kind
 * and urgency. As with the step deadlines, the latest deployed version of the table applies and
 * its fixed answers are remembered per version, evaluated outside the engine's history: the
 * period a case got is in its case deadline and the audit trail.
 */
@Component
class CaseDeadlineTable {

    static final String TABLE = "case-deadlines";
    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    /** In working days. */
    record Terms(int periodDays, int maxExtensionDays) {
    }

    private final RepositoryService repositoryService;
    private final Map<String, Terms> answers = new ConcurrentHashMap<>();

    CaseDeadlineTable(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    Terms termsFor(String kind, String urgency) {
        String level = urgency == null ? "normal" : urgency;
        DecisionDefinition latest = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(TABLE)
                .latestVersion().singleResult();
        if (latest == null) {
            throw new IllegalStateException("The " + TABLE + " table is not deployed");
        }
        return answers.computeIfAbsent(latest.getId() + '|' + kind + '|' + level, key -> {
            // the deployed definition, from the engine's cache, is the parsed table itself
            DmnDecision table = (DmnDecision) repositoryService.getDecisionDefinition(latest.getId());
            DmnDecisionResultEntries result = DMN.evaluateDecision(table, Map.of("kind", kind, "urgency", level))
                    .getSingleResult();
            if (result == null) {
                throw new IllegalStateException("The " + TABLE + " table has no rule for " + kind + " / " + level);
            }
            return new Terms(((Number) result.getEntry("periodDays")).intValue(),
                    ((Number) result.getEntry("maxExtensionDays")).intValue());
        });
    }
}
