package nl.doorbraak.decision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import nl.doorbraak.audit.AuditAction;
import nl.doorbraak.platform.validation.Vocabulary;
import nl.doorbraak.request.CaseVariables;
import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.audit.AuditTrail;
import nl.doorbraak.platform.validation.InputValues;
import nl.doorbraak.request.BudgetLine;
import nl.doorbraak.request.BudgetLines;
import nl.doorbraak.request.CaseLetters;
import nl.doorbraak.request.RequestKind;
import nl.doorbraak.request.RequestRecord;
import nl.doorbraak.request.Requests;

/**
 * "Besluit vastleggen": the director's decision goes into the decision register, the decision
 * letter into the case file (as PDF) and the e-mail announcing it into the outbox, in the transaction that completes the last decision task. A
 * granted experiment or exemption gets its evaluation moment ({@code evaluationDue}, 09:00 on
 * the evaluation date) for the timer in the model. On a budget-pooling request the register
 * also gets the granted amount per budget line; if Financiën refused to co-sign, there is no
 * pooling: the decision becomes a rejection, with Financiën's reason.
 */
@Component("recordDecision")
public class RecordDecision implements JavaDelegate {

    private final Decisions decisions;
    private final Requests requests;
    private final BudgetLines budgetLines;
    private final DecisionLetters letters;
    private final CaseLetters caseLetters;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    RecordDecision(Decisions decisions, Requests requests, BudgetLines budgetLines, DecisionLetters letters,
                   CaseLetters caseLetters, AuditTrail audit, ApplicationEventPublisher events) {
        this.events = events;
        this.decisions = decisions;
        this.requests = requests;
        this.budgetLines = budgetLines;
        this.letters = letters;
        this.caseLetters = caseLetters;
        this.audit = audit;
    }

    /**
     * Remembers who completed a decision task ({@code decidedBy}, {@code coSignedBy}): the
     * decision is recorded later, possibly in another user's transaction. Called from an end
     * listener as {@code ${recordDecision.remember(execution, 'decidedBy')}}.
     */
    public void remember(DelegateExecution execution, String variable) {
        if (!execution.isCanceled()) {
            execution.setVariable(variable, CaseVariables.currentUser(execution));
        }
    }

    @Override
    public void execute(DelegateExecution execution) {
        RequestRecord request = requests.get(CaseVariables.requestId(execution));
        boolean pooling = RequestKind.BUDGET_POOLING.code().equals(request.kind());
        String directorOutcome = (String) execution.getVariable("decisionOutcome");
        String coSignOutcome = pooling ? (String) execution.getVariable("coSignOutcome") : null;
        String coSignNote = coSignOutcome == null ? null : blankToNull(execution.getVariable("coSignNote"));
        boolean refusedByFinance = CoSignOutcome.REFUSED.is(coSignOutcome);
        String outcome = refusedByFinance ? DecisionOutcome.REJECTED.code() : directorOutcome;
        boolean rejected = DecisionOutcome.REJECTED.is(outcome);
        String rationale = (String) execution.getVariable("rationale");
        if (refusedByFinance) {
            rationale += "\n\nHet Ministerie van Financiën heeft geweigerd het besluit mede te ondertekenen: " + coSignNote;
        }
        LocalDate evaluationDate = rejected || pooling ? null : date(execution.getVariable("evaluationDate"));
        // an experiment or exemption ends: the director's end date or the instrument's default term
        LocalDate endDate = rejected || pooling ? null : ExemptionTerm.endDate(execution,
                (String) execution.getVariable("instrument"), date(execution.getVariable("effectiveDate")),
                date(execution.getVariable("endDate")));
        Object decider = execution.getVariable("decidedBy");
        DecisionRecord decision = new DecisionRecord(UUID.randomUUID(), request.id(), outcome,
                rejected ? null : (String) execution.getVariable("instrument"),
                blankToNull(execution.getVariable("conditions")), rationale,
                rejected ? null : date(execution.getVariable("effectiveDate")),
                evaluationDate, decider == null ? CaseVariables.currentUser(execution) : decider.toString(),
                CaseClock.now(), null, null, null, null, coSignOutcome, coSignNote,
                coSignOutcome == null ? null : String.valueOf(execution.getVariable("coSignedBy")),
                coSignOutcome == null ? null : CaseClock.now(), endDate, null, null);
        decisions.insert(decision);
        List<GrantedLine> granted = pooling ? granted(request, outcome, execution.getVariable("grantedLines")) : List.of();
        decisions.insertLines(decision.id(), granted);
        decisions.insertVersion(decision, 1, DecisionChange.DECIDED, granted, decision.decidedBy(), decision.decidedAt(),
                null);

        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("outcome", decision.outcome());
        recorded.put("instrument", decision.instrument());
        recorded.put("conditions", decision.conditions());
        recorded.put("effectiveDate", decision.effectiveDate());
        recorded.put("evaluationDate", decision.evaluationDate());
        recorded.put("endDate", decision.endDate());
        if (pooling) {
            Map<String, String> grantedPerMinistry = new LinkedHashMap<>();
            granted.forEach(line -> grantedPerMinistry.put(line.ministryCode(), line.grantedAmount().toPlainString()));
            recorded.put("grantedAmounts", grantedPerMinistry);
            recorded.put("directorOutcome", directorOutcome);
            recorded.put("coSignOutcome", coSignOutcome);
        }
        audit.about(request.reference()).by(decision.decidedBy())
                .action(AuditAction.DECISION_TAKEN, "Besluit genomen: "
                        + Vocabulary.labelOf(DecisionOutcome.class, outcome).toLowerCase(java.util.Locale.ROOT)
                        + (refusedByFinance ? " (Financiën weigert medeondertekening)" : ""))
                .resource("decision", decision.id().toString(), request.title())
                .explanation(decision.rationale())
                .changes(null, recorded)
                .record();
        execution.setVariable("decisionOutcome", outcome);
        if (evaluationDate != null) {
            execution.setVariable("evaluationDue",
                    Date.from(evaluationDate.atTime(9, 0).atZone(CaseClock.DUTCH_TIME).toInstant()));
        }
        if (endDate != null) {
            execution.setVariable("exemptionEndDue", ExemptionTerm.moment(endDate));
        }
        List<Integer> accountable = List.of();
        if (pooling && !rejected && decision.effectiveDate() != null) {
            accountable = accountableYears(execution, decision.effectiveDate());
            execution.setVariable("budgetYears", accountable);
        }
        caseLetters.send(request, "decision", "decision", letters.decision(request, decision, granted, accountable),
                decision.decidedBy());
        if (decision.instrument() != null) {
            events.publishEvent(new ChangePromised(request.id(), request.reference(), request.kind(),
                    ChangePromised.DECISION, decision.instrument(), decision.decidedBy()));
        }
    }

    /**
     * The budget years the municipality accounts for: those of the request from the year the
     * decision takes effect, as the pooled budget is paid from then on. A decision effective 1
     * January 2027 on a request for 2026 to 2028 asks accountability for 2027 and 2028 only.
     */
    private static List<Integer> accountableYears(DelegateExecution execution, LocalDate effectiveDate) {
        List<Integer> years = new java.util.ArrayList<>();
        if (execution.getVariable("budgetYears") instanceof List<?> requested) {
            for (Object year : requested) {
                if (((Number) year).intValue() >= effectiveDate.getYear()) {
                    years.add(((Number) year).intValue());
                }
            }
        }
        return years;
    }

    /** Granted in full, nothing, or per line as the director set it for a partial grant. */
    private List<GrantedLine> granted(RequestRecord request, String outcome, Object grantedLines) {
        Map<String, BigDecimal> partial = new LinkedHashMap<>();
        if (DecisionOutcome.PARTLY_GRANTED.is(outcome) && InputValues.plain(grantedLines) instanceof List<?> rows) {
            for (Object row : rows) {
                Map<?, ?> line = (Map<?, ?>) row;
                partial.put((String) line.get("ministry"), new BigDecimal(line.get("grantedAmount").toString()));
            }
        }
        return granted(budgetLines.of(request.id()), outcome, partial);
    }

    /** Each budget line granted in full, nothing, or the partial amount per ministry. */
    static List<GrantedLine> granted(List<BudgetLine> lines, String outcome, Map<String, BigDecimal> partial) {
        return lines.stream().map(line -> new GrantedLine(line.ministryCode(),
                line.regulationCode(), line.amount(), switch (Vocabulary.ofCode(DecisionOutcome.class, outcome).orElseThrow()) {
                    case GRANTED -> line.amount();
                    case PARTLY_GRANTED -> partial.get(line.ministryCode()).setScale(2);
                    case REJECTED -> BigDecimal.ZERO.setScale(2);
                })).toList();
    }

    static LocalDate date(Object value) {
        return value instanceof Date date ? date.toInstant().atZone(CaseClock.DUTCH_TIME).toLocalDate() : null;
    }

    private static String blankToNull(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
