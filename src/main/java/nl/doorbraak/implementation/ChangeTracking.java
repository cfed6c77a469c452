package nl.doorbraak.implementation;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import nl.doorbraak.audit.AuditAction;
import nl.doorbraak.audit.AuditTrail;
import nl.doorbraak.catalogue.NationalRule;
import nl.doorbraak.catalogue.NationalRules;
import nl.doorbraak.decision.ChangePromised;
import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.reference.ReferenceData;
import nl.doorbraak.request.RequestRecord;
import nl.doorbraak.request.Requests;

/**
 * Starts following a change when a decision or an evaluation's conclusion promises one, in the
 * transaction that recorded it: the {@code implementation-trigger} table says whether it is a law
 * or a policy change (or nothing to follow), {@code implementation-stages} gives its stages and
 * target periods, each counted from the previous stage's target date. The responsible ministry is
 * the catalogue entry's, if the request names one, else the first ministry it was routed to.
 */
@Component
class ChangeTracking {

    static final String PROCESS = "implementation-tracking";

    private final ImplementationChanges changes;
    private final DecisionService decisionService;
    private final RuntimeService runtimeService;
    private final Requests requests;
    private final NationalRules catalogue;
    private final ReferenceData referenceData;
    private final AuditTrail audit;

    ChangeTracking(ImplementationChanges changes, DecisionService decisionService, RuntimeService runtimeService,
                   Requests requests, NationalRules catalogue, ReferenceData referenceData, AuditTrail audit) {
        this.changes = changes;
        this.decisionService = decisionService;
        this.runtimeService = runtimeService;
        this.requests = requests;
        this.catalogue = catalogue;
        this.referenceData = referenceData;
        this.audit = audit;
    }

    @EventListener
    void on(ChangePromised promised) {
        Map<String, Object> trigger = new LinkedHashMap<>();
        trigger.put("requestKind", promised.requestKind());
        trigger.put("trigger", promised.trigger());
        trigger.put("instrument", promised.instrument());
        var kind = decisionService.evaluateDecisionTableByKey("implementation-trigger", trigger).getSingleResult();
        if (kind == null || changes.ofRequest(promised.requestId()).isPresent()) {
            return; // nothing to follow, or already followed (one change per request)
        }
        String changeKind = kind.getEntry("changeKind");
        RequestRecord request = requests.get(promised.requestId());
        String ministry = responsibleMinistry(request);
        LocalDate today = CaseClock.dutchNow().toLocalDate();
        ImplementationChange change = new ImplementationChange(UUID.randomUUID(), request.id(), changeKind,
                promised.trigger(), promised.instrument(), ministry, null, CaseClock.now(), null, null, null,
                plan(changeKind, today));
        changes.insert(change);

        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("changeKind", changeKind);
        recorded.put("ministry", ministry);
        Map<String, String> targets = new LinkedHashMap<>();
        change.stages().forEach(stage -> targets.put(stage.stage(), stage.targetOn().toString()));
        recorded.put("targets", targets);
        String ministryName = referenceData.ministry(ministry).map(m -> m.abbreviation()).orElse(ministry);
        audit.about(request.reference()).by(promised.by())
                .action(AuditAction.IMPLEMENTATION_STARTED, change.kindLabel() + " wordt gevolgd bij " + ministryName
                        + " tot de regel in werking is (streefdatum " + ImplementationLetters.date(change.stages()
                        .get(change.stages().size() - 1).targetOn()) + ")")
                .resource("implementation", change.id().toString(), request.title())
                .changes(null, recorded)
                .record();

        String processInstanceId = runtimeService.createProcessInstanceByKey(PROCESS)
                .businessKey(request.reference())
                .setVariable("requestId", request.id().toString())
                .setVariable("reference", request.reference())
                .setVariable("ministry", ministry)
                .setVariable("urgency", request.urgency())
                .setVariable("changeId", change.id().toString())
                .execute().getId();
        changes.processStarted(change.id(), processInstanceId);
    }

    /** The stages of the kind of change with their target dates, from the stages table. */
    private List<ImplementationChange.Stage> plan(String changeKind, LocalDate start) {
        List<Map<String, Object>> rows = new ArrayList<>(decisionService.evaluateDecisionTableByKey(
                "implementation-stages", Variables.createVariables().putValue("changeKind", changeKind)).getResultList());
        rows.sort(Comparator.comparing(row -> ((Number) row.get("sequence")).intValue()));
        if (rows.isEmpty()) {
            throw new IllegalStateException("The implementation-stages table has no stages for " + changeKind);
        }
        List<ImplementationChange.Stage> stages = new ArrayList<>();
        LocalDate target = start;
        for (Map<String, Object> row : rows) {
            target = target.plus(Period.parse((String) row.get("period")));
            stages.add(new ImplementationChange.Stage((String) row.get("stage"), ((Number) row.get("sequence")).intValue(),
                    (String) row.get("label"), Boolean.TRUE.equals(row.get("optional")), target, (String) row.get("reminderBefore"), null, false, null));
        }
        return stages;
    }

    private String responsibleMinistry(RequestRecord request) {
        String nationalRule = requests.linkedRule(request.id()).nationalRule();
        if (nationalRule != null) {
            return catalogue.find(nationalRule).map(NationalRule::ministryCode).orElseThrow();
        }
        return requests.ministriesOf(request.id()).stream().findFirst().orElseThrow(() ->
                new IllegalStateException("Request " + request.reference() + " has no responsible ministry"));
    }
}
