package nl.doorbraak.signal;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import nl.doorbraak.catalogue.NationalRule;
import nl.doorbraak.catalogue.NationalRules;
import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.reference.ReferenceData;
import nl.doorbraak.request.RequestRecord;
import nl.doorbraak.request.RequestStatus;
import nl.doorbraak.request.Requests;

/**
 * What Tasklist shows of a signal: on the signal's own tasks its rule, reason and linked requests
 * (with the Dutch task name), and on the tasks of a linked request one line about the signal.
 * The keys are those of the case context ({@code caseReference}, {@code caseRequests}, ...).
 */
@Component
public class SignalContext {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d-M-yyyy").withZone(CaseClock.DUTCH_TIME);

    private final Signals signals;
    private final Requests requests;
    private final NationalRules catalogue;
    private final ReferenceData referenceData;

    SignalContext(Signals signals, Requests requests, NationalRules catalogue, ReferenceData referenceData) {
        this.signals = signals;
        this.requests = requests;
        this.catalogue = catalogue;
        this.referenceData = referenceData;
    }

    /** The context of a task of the signal's own process. */
    public Map<String, Object> ofSignal(UUID signalId) {
        Signal signal = signals.find(signalId).orElseThrow();
        NationalRule rule = catalogue.find(signal.nationalRuleId()).orElseThrow();
        List<Map<String, String>> rows = new ArrayList<>();
        Set<String> municipalities = new LinkedHashSet<>();
        Set<String> focusAreas = new LinkedHashSet<>();
        for (UUID requestId : signals.linkedRequestIds(signalId)) {
            RequestRecord request = requests.get(requestId);
            String municipality = referenceData.municipality(request.municipalityCode()).map(m -> m.name())
                    .orElse(request.municipalityCode());
            String focusArea = referenceData.focusArea(request.focusAreaCode()).map(f -> f.name())
                    .orElse(request.focusAreaCode());
            municipalities.add(municipality);
            focusAreas.add(focusArea);
            Map<String, String> row = new LinkedHashMap<>();
            row.put("focusArea", focusArea);
            row.put("reference", request.reference());
            row.put("title", request.title());
            row.put("status", RequestStatus.labelOf(request.status()));
            rows.add(row);
        }
        Map<String, Object> context = new HashMap<>();
        context.put("caseReference", signal.reference());
        context.put("caseTitle", "Terugkerend knelpunt: " + SignalCases.subject(rule, signal.articleKey()));
        context.put("caseMunicipality", String.join(", ", municipalities));
        context.put("caseFocusArea", String.join(", ", focusAreas));
        context.put("caseRule", SignalCases.subject(rule, signal.articleKey()) + " — " + rule.bwbId() + ", " + rule.url());
        context.put("caseMinistry", abbreviation(signal.ministryCode()));
        context.put("caseReason", signal.startReason() + " Gestart op " + DATE.format(signal.createdAt())
                + (Signal.AUTOMATIC.equals(signal.startedBy()) ? " (automatisch)." : " door het programmabureau."));
        context.put("caseRequests", rows);
        return context;
    }

    /** "Structureel antwoord geven signaal SIG-2026-001 (SZW)". */
    public String taskName(String name, UUID signalId) {
        Signal signal = signals.find(signalId).orElseThrow();
        return name + " signaal " + signal.reference() + " (" + abbreviation(signal.ministryCode()) + ")";
    }

    /** One line for the tasks of a request linked to a signal, with the answer once given. */
    public Optional<String> lineFor(UUID requestId) {
        return signals.ofRequest(requestId).map(signal -> {
            NationalRule rule = catalogue.find(signal.nationalRuleId()).orElseThrow();
            int linked = signals.linkedRequestIds(signal.id()).size();
            String line = "Gekoppeld aan signaal " + signal.reference() + " over "
                    + SignalCases.subject(rule, signal.articleKey()) + " (" + linked + " verzoeken), bij "
                    + abbreviation(signal.ministryCode()) + ". Status: " + signal.statusLabel() + ".";
            if (!signal.isOpen()) {
                line += " Structureel antwoord: " + signal.answerKindLabel() + ". " + signal.answer();
            }
            return line;
        });
    }

    private String abbreviation(String ministryCode) {
        return referenceData.ministry(ministryCode).map(m -> m.abbreviation()).orElse(ministryCode);
    }
}
