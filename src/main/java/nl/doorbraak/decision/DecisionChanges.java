package nl.doorbraak.decision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.doorbraak.audit.AuditAction;
import nl.doorbraak.audit.AuditTrail;
import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.platform.ConflictException;
import nl.doorbraak.platform.NotFoundException;
import nl.doorbraak.platform.validation.FieldError;
import nl.doorbraak.platform.validation.InputSchema;
import nl.doorbraak.platform.validation.InvalidInputException;
import nl.doorbraak.platform.validation.Values;
import nl.doorbraak.platform.validation.Vocabulary;
import nl.doorbraak.request.BudgetLines;
import nl.doorbraak.request.CaseLetters;
import nl.doorbraak.request.RequestKind;
import nl.doorbraak.request.RequestRecord;
import nl.doorbraak.request.RequestStatus;
import nl.doorbraak.request.Requests;
import nl.doorbraak.request.StatusChanges;
import nl.doorbraak.security.DoorbraakUser;
import nl.doorbraak.security.Groups;

/**
 * The programme director amends or revokes a decision in the register, with a reason. An
 * amendment is the whole decision again, checked with the rules of the decision form
 * ({@link DecisionForms}) and guarded by the version it amends; it keeps the decision's
 * follow-up (a grant stays a grant, an evaluated instrument stays one), moving the evaluation
 * timer while the case waits for it. A revocation ends the case's process: whatever followed the
 * decision (evaluation, accountability) stops. Either way the register keeps the new version, the
 * audit trail gets the change and the municipality a letter, all in one transaction; the letter
 * is sent by the {@code decision-change} process, whose send step retries as every send step does.
 */
@Service
public class DecisionChanges {

    static final String PROCESS = "decision-change";
    /** The timer in the request models that waits for the evaluation date. */
    static final String EVALUATION_TIMER = "Event_EvaluationDate";

    private static final InputSchema CHANGE = InputSchema.builder()
            .integer("version", "Versie", true, 1, Integer.MAX_VALUE)
            .text("reason", "Reden", true, 5000)
            .build();

    private final Requests requests;
    private final Decisions decisions;
    private final DecisionForms forms;
    private final BudgetLines budgetLines;
    private final DecisionLetters letters;
    private final CaseLetters caseLetters;
    private final AuditTrail audit;
    private final StatusChanges statusChanges;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final ApplicationEventPublisher events;

    DecisionChanges(Requests requests, Decisions decisions, DecisionForms forms, BudgetLines budgetLines,
                    DecisionLetters letters, CaseLetters caseLetters, AuditTrail audit, StatusChanges statusChanges,
                    RuntimeService runtimeService, ManagementService managementService,
                    ApplicationEventPublisher events) {
        this.requests = requests;
        this.decisions = decisions;
        this.forms = forms;
        this.budgetLines = budgetLines;
        this.letters = letters;
        this.caseLetters = caseLetters;
        this.audit = audit;
        this.statusChanges = statusChanges;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.events = events;
    }

    /** The rules of an amendment's body beyond the decision form's: the version amended and the reason. */
    static InputSchema changeSchema() {
        return CHANGE;
    }

    /** Every version of the decision on a request the caller may see; 404 for a request they may not. */
    public List<DecisionVersion> versions(String reference, DoorbraakUser user) {
        return decisions.versionsOn(visible(reference, user).id());
    }

    @Transactional
    public List<DecisionVersion> amend(String reference, DoorbraakUser user, Map<String, ?> input) {
        RequestRecord request = directorsCase(reference, user);
        DecisionRecord before = decisions.onRequest(request.id()).orElseThrow(() -> notDecided(request));
        boolean pooling = RequestKind.BUDGET_POOLING.code().equals(request.kind());
        InputSchema decisionRules = forms.rulesFor(pooling ? DecisionTasks.DECIDE_POOLING : DecisionTasks.DECIDE,
                request.id()).orElseThrow();
        List<FieldError> errors = new ArrayList<>();
        Set<String> known = new LinkedHashSet<>(CHANGE.keys());
        known.addAll(decisionRules.keys());
        input.keySet().stream().filter(key -> !known.contains(key))
                .forEach(key -> errors.add(new FieldError(key, "Onbekend veld '" + key + "'.")));
        Values change = checked(CHANGE, input, errors);
        Values decided = checked(decisionRules, input, errors);
        if (decided != null) {
            errors.addAll(followUpKept(before, decided, pooling));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Decisions.State state = current(request, change);
        String reason = change.text("reason");
        String outcome = decided.text("decisionOutcome");
        boolean rejected = DecisionOutcome.REJECTED.is(outcome);
        DecisionRecord after = new DecisionRecord(before.id(), before.requestId(), outcome,
                rejected ? null : decided.text("instrument"), decided.text("conditions"), decided.text("rationale"),
                rejected ? null : decided.date("effectiveDate"),
                rejected || pooling ? null : decided.date("evaluationDate"), before.decidedBy(), before.decidedAt(),
                before.evaluationReport(), before.evaluationDeliveredAt(), before.evaluationConclusion(),
                before.evaluationAssessedAt(), before.coSignOutcome(), before.coSignNote(), before.coSignedBy(),
                before.coSignedAt(), before.endDate(), before.endedAt(), before.endReason());
        List<GrantedLine> linesBefore = decisions.linesOf(before);
        List<GrantedLine> linesAfter = pooling ? RecordDecision.granted(budgetLines.of(request.id()), outcome,
                partial(decided)) : List.of();
        List<String> changes = letters.changes(before, linesBefore, after, linesAfter);
        if (changes.isEmpty()) {
            throw new InvalidInputException(List.of(new FieldError("decisionOutcome",
                    "De wijziging verandert niets aan het besluit.")));
        }
        if (!decisions.amend(after, state.version(), linesAfter)) {
            throw stale(request);
        }
        int version = state.version() + 1;
        OffsetDateTime now = CaseClock.now();
        decisions.insertVersion(after, version, DecisionChange.AMENDED, linesAfter, user.id(), now, reason);
        moveEvaluationTimer(request, before.evaluationDate(), after.evaluationDate());
        audit.about(request.reference()).by(user.id())
                .action(AuditAction.DECISION_AMENDED, "Besluit gewijzigd (versie " + version + "): "
                        + Vocabulary.labelOf(DecisionOutcome.class, outcome).toLowerCase(Locale.ROOT))
                .resource("decision", before.id().toString(), request.title())
                .explanation(reason)
                .changes(recorded(before, linesBefore, state.version()), recorded(after, linesAfter, version))
                .record();
        caseLetters.send(request, "decision-amended", "amendment",
                letters.amendment(request, before, after, version, changes, reason, linesAfter), user.id());
        send(request, DecisionChange.AMENDED);
        return decisions.versionsOn(request.id());
    }

    @Transactional
    public List<DecisionVersion> revoke(String reference, DoorbraakUser user, Map<String, ?> input) {
        RequestRecord request = directorsCase(reference, user);
        DecisionRecord decision = decisions.onRequest(request.id()).orElseThrow(() -> notDecided(request));
        Values change = CHANGE.validate(input, true);
        Decisions.State state = current(request, change);
        String reason = change.text("reason");
        OffsetDateTime now = CaseClock.now();
        if (!decisions.revoke(decision.id(), state.version(), now)) {
            throw stale(request);
        }
        int version = state.version() + 1;
        List<GrantedLine> lines = decisions.linesOf(decision);
        decisions.insertVersion(decision, version, DecisionChange.REVOKED, lines, user.id(), now, reason);
        audit.about(request.reference()).by(user.id())
                .action(AuditAction.DECISION_REVOKED, "Besluit ingetrokken (versie " + version + ")")
                .resource("decision", decision.id().toString(), request.title())
                .explanation(reason)
                .changes(Map.of("version", state.version()), Map.of("version", version, "revoked", true))
                .record();
        endFollowUp(request, reason);
        events.publishEvent(new DecisionRevoked(request.id(), request.reference(), reason, user.id()));
        statusChanges.moveTo(request.id(), RequestStatus.DECISION_REVOKED);
        caseLetters.send(request, "decision-revoked", "revocation",
                letters.revocation(request, decision, now.atZoneSameInstant(CaseClock.DUTCH_TIME).toLocalDate(), reason),
                user.id());
        send(request, DecisionChange.REVOKED);
        return decisions.versionsOn(request.id());
    }

    private RequestRecord visible(String reference, DoorbraakUser user) {
        return requests.findVisible(reference, user)
                .orElseThrow(() -> new NotFoundException("Verzoek '" + reference + "' bestaat niet."));
    }

    /** The case, for the programme director only; locked, so that two changes happen one after the other. */
    private RequestRecord directorsCase(String reference, DoorbraakUser user) {
        RequestRecord request = visible(reference, user);
        if (!user.isMemberOf(Groups.PROGRAMME_DIRECTOR)) {
            throw new AccessDeniedException("Only the programme director amends or revokes a decision");
        }
        requests.lock(request.id());
        return requests.get(request.id());
    }

    /** The decision's state, if the change names its current version and it was not revoked. */
    private Decisions.State current(RequestRecord request, Values change) {
        Decisions.State state = decisions.stateOn(request.id()).orElseThrow(() -> notDecided(request));
        if (state.revokedAt() != null) {
            throw new ConflictException("Het besluit op verzoek " + request.reference() + " is ingetrokken en kan niet "
                    + "meer worden gewijzigd of ingetrokken.");
        }
        if (state.version() != change.integer("version")) {
            throw stale(request);
        }
        return state;
    }

    private static ConflictException notDecided(RequestRecord request) {
        return new ConflictException("Op verzoek " + request.reference() + " is nog geen besluit genomen.");
    }

    private static ConflictException stale(RequestRecord request) {
        return new ConflictException("Het besluit op verzoek " + request.reference() + " is intussen gewijzigd. "
                + "Bekijk de huidige versie en probeer het opnieuw.");
    }

    private static Values checked(InputSchema schema, Map<String, ?> input, List<FieldError> errors) {
        try {
            return schema.validate(input, false);
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    /**
     * An amendment keeps what follows the decision: a rejection does not become a grant (nothing
     * would follow it) nor a grant a rejection (that is a revocation), and an instrument that is
     * evaluated is not swapped for one that is not, or the other way round.
     */
    private static List<FieldError> followUpKept(DecisionRecord before, Values decided, boolean pooling) {
        boolean wasRejected = DecisionOutcome.REJECTED.is(before.outcome());
        boolean rejected = DecisionOutcome.REJECTED.is(decided.get("decisionOutcome"));
        if (wasRejected != rejected) {
            return List.of(new FieldError("decisionOutcome", wasRejected
                    ? "Een afwijzing wordt niet in een toekenning gewijzigd; de gemeente kan een nieuw verzoek indienen."
                    : "Een toekenning wordt niet in een afwijzing gewijzigd; trek het besluit in."));
        }
        LocalDate endDate = decided.date("endDate");
        if (endDate != null && !endDate.equals(before.endDate())) {
            // the term has its own path: an evaluation that continues it sets the new end and moves its timer
            return List.of(new FieldError("endDate", "De einddatum verandert niet door een wijziging van het besluit, "
                    + "maar door de beoordeling van de evaluatie (voortzetten met een nieuwe einddatum)."));
        }
        if (!pooling && !rejected && evaluated(before.instrument()) != evaluated(decided.text("instrument"))) {
            return List.of(new FieldError("instrument", "Een experiment of tijdelijke vrijstelling wordt geëvalueerd, "
                    + "de andere instrumenten niet: kies een instrument met hetzelfde vervolg, of trek het besluit in."));
        }
        return List.of();
    }

    private static boolean evaluated(String instrument) {
        return instrument != null && DecisionForms.INSTRUMENTS_WITH_EVALUATION.contains(instrument);
    }

    private static Map<String, BigDecimal> partial(Values decided) {
        Map<String, BigDecimal> partial = new LinkedHashMap<>();
        if (decided.has("grantedLines")) {
            for (Values line : decided.rows("grantedLines")) {
                partial.put(line.text("ministry"), line.amount("grantedAmount"));
            }
        }
        return partial;
    }

    /** While the case still waits for the evaluation date, the wait follows the amended date. */
    private void moveEvaluationTimer(RequestRecord request, LocalDate before, LocalDate after) {
        if (after == null || after.equals(before) || request.processInstanceId() == null) {
            return;
        }
        Date due = Date.from(after.atTime(9, 0).atZone(CaseClock.DUTCH_TIME).toInstant());
        for (Job timer : managementService.createJobQuery().processInstanceId(request.processInstanceId())
                .activityId(EVALUATION_TIMER).timers().list()) {
            runtimeService.setVariable(request.processInstanceId(), "evaluationDue", due);
            managementService.setJobDuedate(timer.getId(), due);
        }
    }

    /**
     * A revoked decision has no follow-up: the case's process ends here, with the reason, whatever
     * it waited for (the evaluation date, an evaluation, a budget year's accountability).
     */
    private void endFollowUp(RequestRecord request, String reason) {
        if (request.processInstanceId() != null && runtimeService.createProcessInstanceQuery()
                .processInstanceId(request.processInstanceId()).count() > 0) {
            runtimeService.deleteProcessInstance(request.processInstanceId(), "Besluit ingetrokken: " + reason,
                    true, true);
        }
    }

    private void send(RequestRecord request, DecisionChange change) {
        runtimeService.createProcessInstanceByKey(PROCESS)
                .businessKey(request.reference())
                .setVariable("requestId", request.id().toString())
                .setVariable("reference", request.reference())
                .setVariable("change", change.code())
                .execute();
    }

    private static Map<String, Object> recorded(DecisionRecord decision, List<GrantedLine> lines, int version) {
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("version", version);
        recorded.put("outcome", decision.outcome());
        recorded.put("instrument", decision.instrument());
        recorded.put("conditions", decision.conditions());
        recorded.put("effectiveDate", decision.effectiveDate());
        recorded.put("evaluationDate", decision.evaluationDate());
        recorded.put("rationale", decision.rationale());
        if (!lines.isEmpty()) {
            Map<String, String> granted = new LinkedHashMap<>();
            lines.forEach(line -> granted.put(line.ministryCode(), line.grantedAmount().toPlainString()));
            recorded.put("grantedAmounts", granted);
        }
        return recorded;
    }
}
