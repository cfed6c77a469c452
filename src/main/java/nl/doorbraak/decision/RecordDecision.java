package nl.doorbraak.decision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import nl.doorbraak.audit.AuditTrail;
import nl.doorbraak.notification.Outbox;
import nl.doorbraak.request.RequestRecord;
import nl.doorbraak.request.Requests;

/**
 * "Besluit vastleggen": the director's decision goes into the decision register and the
 * decision letter into the outbox, in the transaction that completes the decision task. A
 * granted experiment or exemption gets its evaluation moment ({@code evaluationDue}, 09:00 on
 * the evaluation date) for the timer in the model.
 */
@Component("recordDecision")
class RecordDecision implements JavaDelegate {

    private static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");

    private final Decisions decisions;
    private final Requests requests;
    private final Outbox outbox;
    private final AuditTrail audit;

    RecordDecision(Decisions decisions, Requests requests, Outbox outbox, AuditTrail audit) {
        this.decisions = decisions;
        this.requests = requests;
        this.outbox = outbox;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RequestRecord request = requests.get(UUID.fromString((String) execution.getVariable("requestId")));
        String outcome = (String) execution.getVariable("decisionOutcome");
        boolean rejected = "rejected".equals(outcome);
        LocalDate evaluationDate = rejected ? null : date(execution.getVariable("evaluationDate"));
        DecisionRecord decision = new DecisionRecord(UUID.randomUUID(), request.id(), outcome,
                rejected ? null : (String) execution.getVariable("instrument"),
                (String) execution.getVariable("conditions"),
                (String) execution.getVariable("rationale"),
                rejected ? null : date(execution.getVariable("effectiveDate")),
                evaluationDate, decidedBy(execution), OffsetDateTime.now(ZoneOffset.UTC), null, null, null, null);
        decisions.insert(decision);
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("outcome", decision.outcome());
        recorded.put("instrument", decision.instrument());
        recorded.put("conditions", decision.conditions());
        recorded.put("effectiveDate", decision.effectiveDate());
        recorded.put("evaluationDate", decision.evaluationDate());
        audit.about(request.reference()).by(decision.decidedBy())
                .action("decision-taken", "Besluit genomen: "
                        + Decisions.OUTCOMES.getOrDefault(outcome, outcome).toLowerCase(java.util.Locale.ROOT))
                .resource("decision", decision.id().toString(), request.title())
                .explanation(decision.rationale())
                .changes(null, recorded)
                .record();
        if (evaluationDate != null) {
            execution.setVariable("evaluationDue",
                    Date.from(evaluationDate.atTime(9, 0).atZone(DUTCH_TIME).toInstant()));
        }
        outbox.enqueue(request.id(), "decision", request.contactEmail(), DecisionLetters.decision(request, decision));
    }

    static LocalDate date(Object value) {
        return value instanceof Date date ? date.toInstant().atZone(DUTCH_TIME).toLocalDate() : null;
    }

    static String decidedBy(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? "system" : authentication.getUserId();
    }
}
