package nl.doorbraak.decision;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import nl.doorbraak.platform.validation.Amounts;
import nl.doorbraak.platform.validation.InputValues;
import nl.doorbraak.platform.validation.Vocabulary;
import nl.doorbraak.reference.ReferenceData;
import nl.doorbraak.request.BudgetLine;
import nl.doorbraak.request.BudgetLines;
import nl.doorbraak.request.Instruments;

/**
 * What the decision stage's tasks need besides the case context: the partial grant the director
 * fills in (one line per budget line, pre-filled with what was asked), and the decision as the
 * task shows it (for co-signing the director's, not yet in the register; afterwards the register's).
 */
@Component
public class DecisionTaskVariables {

    private final BudgetLines budgetLines;
    private final Decisions decisions;
    private final ReferenceData referenceData;

    DecisionTaskVariables(BudgetLines budgetLines, Decisions decisions, ReferenceData referenceData) {
        this.budgetLines = budgetLines;
        this.decisions = decisions;
        this.referenceData = referenceData;
    }

    /** Called when one of the stage's tasks is created. */
    public void prepare(DelegateTask task, UUID requestId) {
        if (DecisionTasks.DECIDE_POOLING.equals(task.getTaskDefinitionKey())) {
            List<Map<String, String>> toGrant = new ArrayList<>();
            for (BudgetLine line : budgetLines.of(requestId)) {
                toGrant.add(Map.of("ministry", line.ministryCode(),
                        "line", referenceData.abbreviation(line.ministryCode()) + " – "
                                + referenceData.regulation(line.regulationCode()).map(r -> r.name())
                                .orElse(line.regulationCode()) + ": gevraagd " + Amounts.euros(line.amount()),
                        "grantedAmount", line.amount().toPlainString()));
            }
            // not task-local: Tasklist writes a submitted field into a task-local variable of the same name
            task.getExecution().setVariable("grantedLines", toGrant);
        }
    }

    /** The decision a budget-pooling task shows: the director's while Financiën co-signs, else the register's. */
    public Optional<String> decisionText(DelegateTask task, UUID requestId) {
        if (DecisionTasks.CO_SIGN.equals(task.getTaskDefinitionKey())) {
            return Optional.of(directorsDecision(task));
        }
        return decisions.decisionOn(requestId).map(taken -> taken.outcomeLabel() + ". " + taken.rationale()
                + term(taken));
    }

    /** The term of a granted experiment or exemption, so the evaluation tasks show when it ends. */
    private static String term(DecisionSummary taken) {
        if (taken.endDate() == null) {
            return "";
        }
        return "\nLooptijd tot " + DecisionLetters.dutch(taken.endDate())
                + (taken.endedAt() != null ? " (beëindigd)" : "")
                + (taken.evaluationDate() != null ? "; evaluatie op " + DecisionLetters.dutch(taken.evaluationDate()) : "")
                + ".";
    }

    /** The decision Financiën is asked to co-sign: not in the register yet, so from the process. */
    private String directorsDecision(DelegateTask task) {
        String outcome = (String) task.getVariable("decisionOutcome");
        StringBuilder text = new StringBuilder(Vocabulary.labelOf(DecisionOutcome.class, outcome));
        if (task.getVariable("instrument") != null) {
            text.append(", ").append(Instruments.label((String) task.getVariable("instrument")));
        }
        text.append(". ").append(String.valueOf(task.getVariable("rationale")));
        if (InputValues.plain(task.getVariable("grantedLines")) instanceof List<?> rows
                && DecisionOutcome.PARTLY_GRANTED.is(outcome)) {
            text.append("\nToegekend per budgetregel:");
            for (Object row : rows) {
                Map<?, ?> line = (Map<?, ?>) row;
                text.append("\n- ").append(referenceData.abbreviation((String) line.get("ministry"))).append(": ")
                        .append(Amounts.euros(new BigDecimal(line.get("grantedAmount").toString())));
            }
        }
        return text.toString();
    }
}
