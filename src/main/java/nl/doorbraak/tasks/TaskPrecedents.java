package nl.doorbraak.tasks;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import nl.doorbraak.assessment.AssessmentTasks;
import nl.doorbraak.catalogue.NationalRule;
import nl.doorbraak.catalogue.NationalRules;
import nl.doorbraak.decision.DecisionTasks;
import nl.doorbraak.decision.Precedent;
import nl.doorbraak.decision.Precedents;
import nl.doorbraak.request.RequestRules;

/**
 * The earlier decisions on the rule of the case, for the tasks that weigh it: intake, a ministry's
 * assessment and the director's decision. Tasklist shows them as one read-only text (a line per
 * precedent, {@code case.precedents}); the task API as a list ({@code precedents}). The case
 * itself is never among them.
 */
@Component
class TaskPrecedents {

    /** The tasks whose forms show precedents. */
    static final Set<String> TASKS = Set.of(AssessmentTasks.INTAKE, AssessmentTasks.ASSESS, DecisionTasks.DECIDE);

    private final RequestRules rules;
    private final NationalRules nationalRules;
    private final Precedents precedents;

    TaskPrecedents(RequestRules rules, NationalRules nationalRules, Precedents precedents) {
        this.rules = rules;
        this.nationalRules = nationalRules;
        this.precedents = precedents;
    }

    /** The precedents of the request's rule, same article first; empty when it names no catalogue rule. */
    List<Precedent> of(UUID requestId) {
        return rules.of(requestId)
                .map(rule -> precedents.on(rule.nationalRule(), rule.articleKey(), requestId))
                .orElse(List.of());
    }

    /** The Dutch text of the form: what the list is about, then one line per precedent. */
    String text(UUID requestId) {
        var rule = rules.of(requestId).flatMap(linked -> nationalRules.find(linked.nationalRule()));
        if (rule.isEmpty()) {
            return "Dit verzoek is niet gekoppeld aan een regeling uit de catalogus; eerdere besluiten zijn daarom "
                    + "niet te tonen.";
        }
        List<Precedent> found = of(requestId);
        String about = rule.map(NationalRule::name).orElseThrow() + " (" + rule.get().bwbId() + ")";
        if (found.isEmpty()) {
            return "Nog geen eerdere besluiten over " + about + ".";
        }
        return "Eerdere besluiten over " + about + ", hetzelfde artikel eerst, nieuwste eerst:\n"
                + found.stream().map(precedent -> "- " + precedent.line()).collect(Collectors.joining("\n"));
    }
}
