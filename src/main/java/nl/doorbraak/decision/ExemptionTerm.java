package nl.doorbraak.decision;

import java.time.LocalDate;
import java.time.Period;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import nl.doorbraak.audit.AuditAction;
import nl.doorbraak.audit.AuditTrail;
import nl.doorbraak.notification.Letter;
import nl.doorbraak.notification.Outbox;
import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.request.CaseVariables;
import nl.doorbraak.request.Instruments;
import nl.doorbraak.request.RequestRecord;
import nl.doorbraak.request.Requests;

/**
 * The term of a granted experiment or temporary exemption: its end date (given in the decision
 * or the default of the {@code instrument-duration} table), the reminder to the municipality
 * before it ends, and what an evaluation changes: "Voortzetten" extends the end date and
 * schedules the next evaluation, "Beëindigen" ends it at once; at the end date it ends by itself.
 * Each effect goes into the decision register ({@code decision_term_change}) and the audit trail.
 * Called from the models as {@code ${exemptionTerm.extend(execution)}} and so on.
 */
@Component("exemptionTerm")
public class ExemptionTerm {

    /** The instruments that run for a term and end; the same as those with an evaluation. */
    static final Set<String> INSTRUMENTS_WITH_END = DecisionForms.INSTRUMENTS_WITH_EVALUATION;

    private final Decisions decisions;
    private final Requests requests;
    private final Outbox outbox;
    private final AuditTrail audit;

    ExemptionTerm(Decisions decisions, Requests requests, Outbox outbox, AuditTrail audit) {
        this.decisions = decisions;
        this.requests = requests;
        this.outbox = outbox;
        this.audit = audit;
    }

    /**
     * The end date of a decision: the one the director gave, or the effective date plus the
     * instrument's term from the {@code instrument-duration} table; none for other instruments.
     */
    static LocalDate endDate(DelegateExecution execution, String instrument, LocalDate effective, LocalDate given) {
        if (instrument == null || effective == null || !INSTRUMENTS_WITH_END.contains(instrument)) {
            return null;
        }
        return given != null ? given : effective.plus(duration(execution, instrument));
    }

    /** The moment the end-date timer fires: 09:00 Dutch time on the end date, like the evaluation moment. */
    static Date moment(LocalDate date) {
        return Date.from(date.atTime(9, 0).atZone(CaseClock.DUTCH_TIME).toInstant());
    }

    /** "Herinnering einddatum opstellen": tells the municipality the end date is near. */
    public void remind(DelegateExecution execution) {
        RequestRecord request = requests.get(CaseVariables.requestId(execution));
        DecisionRecord decision = decision(request);
        outbox.enqueue(request.id(), "exemption-end-reminder", request.contactEmail(), new Letter(
                "Einde nadert: " + what(decision) + " bij verzoek " + request.reference(), """
                Geachte heer, mevrouw,

                %s is toegekend op uw verzoek %s "%s", loopt af op %s.

                Na die datum geldt de gewone regel weer. Wilt u dat het doorloopt, dan kan dat alleen als een \
                evaluatie tot voortzetting besluit; neem daarvoor contact op met het programmabureau.
                %s""".formatted(theOne(decision), request.reference(), request.title(),
                        DecisionLetters.dutch(decision.endDate()), Letter.SIGNATURE)));
        audit.about(request.reference()).by("system")
                .action(AuditAction.EXEMPTION_END_REMINDED, "Herinnering verstuurd: einddatum "
                        + DecisionLetters.dutch(decision.endDate()) + " nadert")
                .resource("decision", decision.id().toString(), request.title())
                .record();
    }

    /**
     * "Looptijd verlengen": the evaluation concluded "Voortzetten". The end date moves to the
     * date the programme office gave or by the instrument's term, the next evaluation is due on
     * the date it gave; the model then enters the term again with these dates.
     */
    public void extend(DelegateExecution execution) {
        RequestRecord request = requests.get(CaseVariables.requestId(execution));
        DecisionRecord decision = decision(request);
        LocalDate given = RecordDecision.date(execution.getVariable("newEndDate"));
        LocalDate newEnd = given != null ? given : decision.endDate().plus(duration(execution, decision.instrument()));
        LocalDate nextEvaluation = RecordDecision.date(execution.getVariable("nextEvaluationDate"));
        String by = CaseVariables.currentUser(execution);
        String note = (String) execution.getVariable("evaluationNote");
        decisions.extendTerm(decision, newEnd, nextEvaluation, note, by);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("endDate", newEnd);
        changes.put("evaluationDate", nextEvaluation);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("endDate", decision.endDate());
        before.put("evaluationDate", decision.evaluationDate());
        audit.about(request.reference()).by(by)
                .action(AuditAction.EXEMPTION_EXTENDED, "Voortgezet tot " + DecisionLetters.dutch(newEnd)
                        + "; volgende evaluatie " + DecisionLetters.dutch(nextEvaluation))
                .resource("decision", decision.id().toString(), request.title())
                .explanation(note)
                .changes(before, changes)
                .record();
        execution.setVariable("exemptionEndDue", moment(newEnd));
        execution.setVariable("evaluationDue", moment(nextEvaluation));
        // the next round starts with empty forms
        for (String variable : new String[] {"evaluationReport", "evaluationConclusion", "evaluationNote",
                "newEndDate", "nextEvaluationDate"}) {
            execution.removeVariable(variable);
        }
    }

    /** "Beëindiging vastleggen": the evaluation concluded "Beëindigen"; the term ends now. */
    public void stop(DelegateExecution execution) {
        end(execution, "stopped", CaseVariables.currentUser(execution), (String) execution.getVariable("evaluationNote"),
                "Beëindigd na evaluatie");
    }

    /** "Einde vastleggen": the end date was reached without an evaluation that continued the term. */
    public void endDateReached(DelegateExecution execution) {
        end(execution, "end-date", "system", null, "Einddatum bereikt");
    }

    private void end(DelegateExecution execution, String reason, String by, String note, String why) {
        RequestRecord request = requests.get(CaseVariables.requestId(execution));
        DecisionRecord decision = decision(request);
        decisions.endTerm(decision, reason, note, by);
        audit.about(request.reference()).by(by)
                .action(AuditAction.EXEMPTION_ENDED, why + ": " + what(decision) + " beëindigd")
                .resource("decision", decision.id().toString(), request.title())
                .explanation(note)
                .changes(null, Map.of("endReason", reason))
                .record();
        outbox.enqueue(request.id(), "exemption-ended", request.contactEmail(), new Letter(
                "Beëindigd: " + what(decision) + " bij verzoek " + request.reference(), """
                Geachte heer, mevrouw,

                %s is toegekend op uw verzoek %s "%s", is beëindigd: %s. Vanaf nu geldt de gewone regel weer.%s
                %s""".formatted(theOne(decision), request.reference(), request.title(),
                        "stopped".equals(reason) ? "de evaluatie concludeerde dat het niet wordt voortgezet"
                                : "de einddatum " + DecisionLetters.dutch(decision.endDate()) + " is bereikt",
                        note == null || note.isBlank() ? "" : "\n\nToelichting:\n" + note, Letter.SIGNATURE)));
    }

    private DecisionRecord decision(RequestRecord request) {
        return decisions.onRequest(request.id()).orElseThrow();
    }

    /** "Het experiment dat" or "De tijdelijke vrijstelling … die", as a letter's sentence starts. */
    private static String theOne(DecisionRecord decision) {
        return "experiment".equals(decision.instrument()) ? "Het experiment dat" : "De " + what(decision) + " die";
    }

    /** "experiment" or "tijdelijke vrijstelling …", as the letters name it. */
    private static String what(DecisionRecord decision) {
        return "experiment".equals(decision.instrument()) ? "experiment"
                : Instruments.label(decision.instrument()).toLowerCase(Locale.ROOT);
    }

    private static Period duration(DelegateExecution execution, String instrument) {
        return EndDateRule.defaultTerm(execution.getProcessEngineServices().getDecisionService(), instrument);
    }
}
