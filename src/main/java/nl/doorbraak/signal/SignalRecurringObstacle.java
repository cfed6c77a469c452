package nl.doorbraak.signal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import nl.doorbraak.catalogue.NationalRule;
import nl.doorbraak.catalogue.NationalRules;
import nl.doorbraak.request.CaseVariables;
import nl.doorbraak.request.RequestRecord;
import nl.doorbraak.request.Requests;
import nl.doorbraak.request.RequestRules;

/**
 * "Terugkerend knelpunt signaleren", right after routing: a request on a catalogue entry joins
 * the open signal on its rule, or, when requests from enough different focus areas (the
 * {@code signal-threshold} table) name the same rule, a signal starts with all of them linked.
 * A request without a catalogue entry passes.
 * <p>
 * What "the same rule" means: the same catalogue entry and the same article key
 * ({@link NationalRules#articleKey}); requests that name no article count with each other, as the
 * regulation as a whole. A request with an article joins an open signal on its article, or else an
 * open signal on the regulation as a whole (started by hand by the programme office).
 * <p>
 * The entry's row is locked first, so two intakes on one rule completing at the same moment take
 * turns: the second sees the first one's routing and the signal it may have started.
 */
@Component("signalRecurringObstacle")
class SignalRecurringObstacle implements JavaDelegate {

    static final String JOINED = "Nieuw verzoek op dezelfde regel, na de intake automatisch gekoppeld.";
    static final String RECURRING = "Verzoeken uit %d focusgebieden noemen dezelfde regel.";

    private final RequestRules requestRules;
    private final Requests requests;
    private final NationalRules catalogue;
    private final Signals signals;
    private final SignalCases cases;
    private final SignalThreshold threshold;

    SignalRecurringObstacle(RequestRules requestRules, Requests requests, NationalRules catalogue, Signals signals,
                            SignalCases cases, SignalThreshold threshold) {
        this.requestRules = requestRules;
        this.requests = requests;
        this.catalogue = catalogue;
        this.signals = signals;
        this.cases = cases;
        this.threshold = threshold;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID requestId = CaseVariables.requestId(execution);
        Optional<RequestRules.RequestRule> named = requestRules.of(requestId);
        if (named.isEmpty()) {
            return;
        }
        String ruleId = named.get().nationalRule();
        String article = named.get().articleKey();
        catalogue.lock(ruleId);
        if (signals.ofRequest(requestId).filter(Signal::isOpen).isPresent()) {
            return; // linked by hand before its intake was complete
        }
        RequestRecord request = requests.get(requestId);
        Optional<Signal> open = signals.openOn(ruleId, article)
                .or(() -> article == null ? Optional.empty() : signals.openOn(ruleId, null));
        if (open.isPresent()) {
            cases.link(open.get(), request, Signal.AUTOMATIC, JOINED);
            return;
        }
        NationalRule rule = catalogue.find(ruleId).orElseThrow();
        List<RequestRecord> onSameRule = requestRules.routedOn(ruleId, article).stream()
                .filter(other -> signals.ofRequest(other.id()).filter(Signal::isOpen).isEmpty())
                .toList();
        long focusAreas = onSameRule.stream().map(RequestRecord::focusAreaCode).distinct().count();
        if (focusAreas >= threshold.focusAreasFor(rule)) {
            String reason = RECURRING.formatted(focusAreas);
            cases.start(rule, article, Signal.AUTOMATIC, reason, onSameRule, reason);
        }
    }
}
