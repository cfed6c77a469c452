package nl.doorbraak.signal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import nl.doorbraak.catalogue.NationalRule;
import nl.doorbraak.catalogue.NationalRules;
import nl.doorbraak.platform.NotFoundException;
import nl.doorbraak.reference.ReferenceData;
import nl.doorbraak.request.RequestRecord;
import nl.doorbraak.request.RequestStatus;
import nl.doorbraak.request.Requests;
import nl.doorbraak.security.DoorbraakUser;

/**
 * A signal as the API and the pages show it, and who may see which: the programme office, the
 * programme director and auditors all of them, a ministry's people those of their ministry
 * (another's does not exist for them), nobody else.
 */
@Component
public class SignalViews {

    /** The catalogue entry a signal is about. */
    public record Rule(String id, String name, String label, String bwbId, String url) {
    }

    /** The ministry's structural answer. */
    public record Answer(String kind, String kindLabel, String text, String reasons, String answeredBy,
                         OffsetDateTime answeredAt) {
    }

    /** A request linked to the signal, now or before. */
    public record LinkedRequest(String reference, String focusArea, String municipality, String title, String status,
                                String statusLabel, OffsetDateTime linkedAt, String linkedBy, String linkReason,
                                OffsetDateTime unlinkedAt, String unlinkedBy, String unlinkReason) {
    }

    /** One signal in a list. */
    public record SignalSummary(String reference, Rule nationalRule, String article, String ministry, String status,
                                String statusLabel, OffsetDateTime createdAt, OffsetDateTime dueAt, String answerKind,
                                int linkedRequests, String self) {
    }

    /** One signal with its linked requests and those unlinked from it. */
    public record SignalDetail(String reference, Rule nationalRule, String article, String ministry, String status,
                               String statusLabel, String startedBy, String startReason, OffsetDateTime createdAt,
                               OffsetDateTime dueAt, Answer answer, List<LinkedRequest> requests,
                               List<LinkedRequest> unlinked) {
    }

    /** What a request shows of the signal it is linked to. */
    public record RequestSignal(String reference, String status, String statusLabel, String answerKind,
                                String answerKindLabel, String answer) {
    }

    private final Signals signals;
    private final Requests requests;
    private final NationalRules catalogue;
    private final ReferenceData referenceData;

    SignalViews(Signals signals, Requests requests, NationalRules catalogue, ReferenceData referenceData) {
        this.signals = signals;
        this.requests = requests;
        this.catalogue = catalogue;
        this.referenceData = referenceData;
    }

    /** Whether the user may read signals at all (their own ministry's, for a ministry). */
    public static boolean mayRead(DoorbraakUser user) {
        return user.seesAllRequests() || !user.involvedMinistryCodes().isEmpty();
    }

    /** The signals the user may see, narrowed by the filters; 403 for who may see none. */
    public List<SignalSummary> list(DoorbraakUser user, String status, String ministry, String nationalRule) {
        refuseUnlessReader(user);
        return signals.list(status, ministry, nationalRule).stream().filter(signal -> visible(user, signal))
                .map(this::summary).toList();
    }

    /** The signal, if the user may see it; 404 otherwise, as if it did not exist. */
    public Signal visible(DoorbraakUser user, String reference) {
        refuseUnlessReader(user);
        return signals.find(reference).filter(signal -> visible(user, signal))
                .orElseThrow(() -> new NotFoundException("Signaal '" + reference + "' bestaat niet."));
    }

    public SignalDetail detail(Signal signal) {
        List<LinkedRequest> links = signals.linksOf(signal.id()).stream().map(this::linked).toList();
        Answer answer = signal.answerKind() == null ? null : new Answer(signal.answerKind(), signal.answerKindLabel(),
                signal.answer(), signal.answerReasons(), signal.answeredBy(), signal.answeredAt());
        return new SignalDetail(signal.reference(), rule(signal), signal.articleKey(), signal.ministryCode(),
                signal.status(), signal.statusLabel(), signal.startedBy(), signal.startReason(), signal.createdAt(),
                signal.dueAt(), answer, links.stream().filter(link -> link.unlinkedAt() == null).toList(),
                links.stream().filter(link -> link.unlinkedAt() != null).toList());
    }

    public SignalSummary summary(Signal signal) {
        return new SignalSummary(signal.reference(), rule(signal), signal.articleKey(), signal.ministryCode(),
                signal.status(), signal.statusLabel(), signal.createdAt(), signal.dueAt(), signal.answerKind(),
                signals.linkedRequestIds(signal.id()).size(), "/api/v1/signals/" + signal.reference());
    }

    /** The signal the request is linked to now, as the request's detail shows it. */
    public Optional<RequestSignal> ofRequest(UUID requestId) {
        return signals.ofRequest(requestId).map(signal -> new RequestSignal(signal.reference(), signal.status(),
                signal.statusLabel(), signal.answerKind(), signal.answerKindLabel(), signal.answer()));
    }

    /** The catalogue entries a signal can be started on: id to label. */
    public java.util.Map<String, String> ruleChoices() {
        return catalogue.choices();
    }

    /** "Participatiewet (PW), artikel 19a en 22a". */
    public String subject(Signal signal) {
        return catalogue.find(signal.nationalRuleId()).map(rule -> SignalCases.subject(rule, signal.articleKey()))
                .orElse(signal.nationalRuleId());
    }

    /** The ministry's abbreviation, e.g. SZW. */
    public String ministry(Signal signal) {
        return referenceData.ministry(signal.ministryCode()).map(m -> m.abbreviation()).orElse(signal.ministryCode());
    }

    private Rule rule(Signal signal) {
        NationalRule rule = catalogue.find(signal.nationalRuleId()).orElseThrow();
        return new Rule(rule.id(), rule.name(), rule.label(), rule.bwbId(), rule.url());
    }

    private LinkedRequest linked(SignalLink link) {
        RequestRecord request = requests.get(link.requestId());
        return new LinkedRequest(request.reference(),
                referenceData.focusArea(request.focusAreaCode()).map(f -> f.name()).orElse(request.focusAreaCode()),
                referenceData.municipality(request.municipalityCode()).map(m -> m.name()).orElse(request.municipalityCode()),
                request.title(), request.status(), RequestStatus.labelOf(request.status()), link.linkedAt(),
                link.linkedBy(), link.linkReason(), link.unlinkedAt(), link.unlinkedBy(), link.unlinkReason());
    }

    private static boolean visible(DoorbraakUser user, Signal signal) {
        return user.seesAllRequests() || user.involvedMinistryCodes().contains(signal.ministryCode());
    }

    private static void refuseUnlessReader(DoorbraakUser user) {
        if (!mayRead(user)) {
            throw new AccessDeniedException("Signals are for the programme, the ministries and auditors");
        }
    }
}
