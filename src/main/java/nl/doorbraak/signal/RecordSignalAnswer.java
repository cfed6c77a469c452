package nl.doorbraak.signal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import nl.doorbraak.audit.AuditAction;
import nl.doorbraak.audit.AuditTrail;
import nl.doorbraak.catalogue.NationalRule;
import nl.doorbraak.catalogue.NationalRules;
import nl.doorbraak.notification.Outbox;
import nl.doorbraak.reference.ReferenceData;
import nl.doorbraak.request.CaseVariables;
import nl.doorbraak.request.RequestRecord;
import nl.doorbraak.request.Requests;

/**
 * "Antwoord vastleggen": the ministry's structural answer on the signal, on the audit chain of the
 * signal and of every request linked to it (where each request's timeline reads it), and one
 * e-mail per linked request to its contact address, in the outbox of the step's transaction.
 */
@Component("recordSignalAnswer")
class RecordSignalAnswer implements JavaDelegate {

    private final Signals signals;
    private final Requests requests;
    private final NationalRules catalogue;
    private final ReferenceData referenceData;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    RecordSignalAnswer(Signals signals, Requests requests, NationalRules catalogue, ReferenceData referenceData,
                       Outbox outbox, AuditTrail audit, ApplicationEventPublisher events) {
        this.events = events;
        this.signals = signals;
        this.requests = requests;
        this.catalogue = catalogue;
        this.referenceData = referenceData;
        this.outbox = outbox;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID signalId = UUID.fromString((String) execution.getVariable("signalId"));
        signals.lock(signalId);
        String user = CaseVariables.currentUser(execution);
        signals.answer(signalId, CaseVariables.string(execution, "answerKind"), CaseVariables.string(execution, "answer"),
                CaseVariables.string(execution, "answerReasons"), user);
        Signal signal = signals.find(signalId).orElseThrow();
        NationalRule rule = catalogue.find(signal.nationalRuleId()).orElseThrow();
        String subject = SignalCases.subject(rule, signal.articleKey());
        String ministry = referenceData.ministry(signal.ministryCode()).map(m -> m.abbreviation())
                .orElse(signal.ministryCode());
        String display = "Structureel antwoord op signaal " + signal.reference() + " (" + ministry + "): "
                + signal.answerKindLabel();
        String explanation = signal.answer() + (signal.answerReasons() == null ? "" : " Redenen: " + signal.answerReasons());
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("answerKind", signal.answerKind());
        values.put("answer", signal.answer());
        values.put("answerReasons", signal.answerReasons());
        audit.about(signal.reference()).by(user)
                .action(AuditAction.SIGNAL_ANSWERED, display)
                .resource("signal", signal.id().toString(), signal.reference())
                .explanation(explanation)
                .changes(null, values)
                .record();
        for (UUID requestId : signals.linkedRequestIds(signalId)) {
            RequestRecord request = requests.get(requestId);
            audit.about(request.reference()).by(user)
                    .action(AuditAction.SIGNAL_ANSWERED, display)
                    .resource("signal", signal.id().toString(), signal.reference())
                    .explanation(explanation)
                    .record();
            outbox.enqueue(request.id(), Outbox.chainTopic("signal-answer", signal.reference()), request.contactEmail(),
                    SignalLetters.answer(request, signal, rule.name(), subject, ministry));
            events.publishEvent(new SignalOfRequestChanged(request.id(), request.reference()));
        }
    }
}
