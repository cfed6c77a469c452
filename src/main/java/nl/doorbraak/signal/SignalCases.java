package nl.doorbraak.signal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import nl.doorbraak.audit.AuditAction;
import nl.doorbraak.audit.AuditTrail;
import nl.doorbraak.catalogue.NationalRule;
import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.request.RequestRecord;
import nl.doorbraak.request.Requests;

/**
 * Starts a signal, links and unlinks requests: the one place that writes them, whether the
 * detection after routing or the programme office does it. Each step is on the signal's audit
 * chain and on the chain of the request it concerns, in the caller's transaction.
 */
@Service
class SignalCases {

    static final String PROCESS = "recurring-obstacle-signal";

    private final Signals signals;
    private final SignalNumbers numbers;
    private final RuntimeService runtimeService;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Requests requests;

    SignalCases(Signals signals, SignalNumbers numbers, RuntimeService runtimeService, AuditTrail audit,
                ApplicationEventPublisher events, Requests requests) {
        this.requests = requests;
        this.events = events;
        this.signals = signals;
        this.numbers = numbers;
        this.runtimeService = runtimeService;
        this.audit = audit;
    }

    /**
     * A new open signal on the rule (and article), with the requests linked, and its process
     * started. The caller has checked that no signal on this rule and article is open; the
     * database refuses a second one anyway.
     */
    Signal start(NationalRule rule, String articleKey, String startedBy, String reason, List<RequestRecord> requests,
                 String linkReason) {
        Signal signal = new Signal(UUID.randomUUID(), numbers.next(CaseClock.dutchNow().getYear()), rule.id(),
                articleKey, rule.ministryCode(), Signal.OPEN, startedBy, reason, null, CaseClock.now(), null, null,
                null, null, null, null, 0);
        signals.insert(signal);
        audit.about(signal.reference()).by(actor(startedBy))
                .action(AuditAction.SIGNAL_STARTED, "Signaal gestart: " + subject(rule, articleKey))
                .resource("signal", signal.id().toString(), signal.reference())
                .explanation(reason)
                .changes(null, Map.of("nationalRule", rule.id(), "article", articleKey == null ? "" : articleKey,
                        "ministry", rule.ministryCode(),
                        "requests", requests.stream().map(RequestRecord::reference).toList()))
                .record();
        for (RequestRecord request : requests) {
            link(signal, request, startedBy, linkReason);
        }
        String processInstanceId = runtimeService.createProcessInstanceByKey(PROCESS)
                .businessKey(signal.reference())
                .setVariable("signalId", signal.id().toString())
                .setVariable("reference", signal.reference())
                .setVariable("ministry", rule.ministryCode())
                .setVariable("urgency", "normal")
                .setVariable("nationalRule", rule.id())
                .execute().getId();
        signals.processStarted(signal.id(), processInstanceId);
        return signals.find(signal.id()).orElseThrow();
    }

    void link(Signal signal, RequestRecord request, String by, String reason) {
        signals.link(signal.id(), request.id(), by, reason);
        String display = "Gekoppeld aan signaal " + signal.reference();
        audit.about(request.reference()).by(actor(by))
                .action(AuditAction.SIGNAL_LINKED, display)
                .resource("signal", signal.id().toString(), signal.reference())
                .explanation(reason)
                .record();
        audit.about(signal.reference()).by(actor(by))
                .action(AuditAction.SIGNAL_LINKED, "Verzoek " + request.reference() + " gekoppeld")
                .resource("request", request.id().toString(), request.reference())
                .explanation(reason)
                .record();
        changed(signal, request);
    }

    /** @return whether the request was linked to the signal */
    boolean unlink(Signal signal, RequestRecord request, String by, String reason) {
        if (!signals.unlink(signal.id(), request.id(), by, reason)) {
            return false;
        }
        audit.about(request.reference()).by(by)
                .action(AuditAction.SIGNAL_UNLINKED, "Ontkoppeld van signaal " + signal.reference())
                .resource("signal", signal.id().toString(), signal.reference())
                .explanation(reason)
                .record();
        audit.about(signal.reference()).by(by)
                .action(AuditAction.SIGNAL_UNLINKED, "Verzoek " + request.reference() + " ontkoppeld")
                .resource("request", request.id().toString(), request.reference())
                .explanation(reason)
                .record();
        changed(signal, request);
        return true;
    }

    /**
     * What the request, and every request linked to the signal, shows of it has changed (the
     * number of linked requests is part of it).
     */
    private void changed(Signal signal, RequestRecord request) {
        events.publishEvent(new SignalOfRequestChanged(request.id(), request.reference()));
        for (UUID other : signals.linkedRequestIds(signal.id())) {
            if (!other.equals(request.id())) {
                requests.find(other).ifPresent(linked ->
                        events.publishEvent(new SignalOfRequestChanged(linked.id(), linked.reference())));
            }
        }
    }

    /** "Participatiewet, artikel 19a en 22a" or the regulation as a whole. */
    static String subject(NationalRule rule, String articleKey) {
        return rule.label() + (articleKey == null ? " (de regeling als geheel)" : ", artikel " + articleKey);
    }

    /** The detection's entries name whoever completed the step that ran it (the intake's user). */
    private static String actor(String startedBy) {
        return Signal.AUTOMATIC.equals(startedBy) ? null : startedBy;
    }
}
