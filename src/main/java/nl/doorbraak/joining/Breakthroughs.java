package nl.doorbraak.joining;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import nl.doorbraak.decision.DecisionOutcome;
import nl.doorbraak.decision.DecisionRecord;
import nl.doorbraak.decision.Decisions;
import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.platform.validation.Vocabulary;
import nl.doorbraak.reference.ReferenceData;
import nl.doorbraak.request.Instruments;
import nl.doorbraak.request.JoinContent;
import nl.doorbraak.request.JoinPrecedents;
import nl.doorbraak.request.JoinSchema;
import nl.doorbraak.request.RequestContent;
import nl.doorbraak.request.RequestContents;
import nl.doorbraak.request.RequestRecord;
import nl.doorbraak.request.Requests;
import nl.doorbraak.request.RuleChangeContent;

/**
 * The breakthroughs a municipality can join, and the one a request to join named: granted
 * experiments and temporary exemptions whose request names a rule (from the catalogue, which a
 * join needs to find the ministry that confirms it).
 */
@Component
public class Breakthroughs {

    private final Decisions decisions;
    private final Requests requests;
    private final RequestContents contents;
    private final JoinPrecedents joinPrecedents;
    private final ReferenceData referenceData;

    Breakthroughs(Decisions decisions, Requests requests, RequestContents contents, JoinPrecedents joinPrecedents,
               ReferenceData referenceData) {
        this.decisions = decisions;
        this.requests = requests;
        this.contents = contents;
        this.joinPrecedents = joinPrecedents;
        this.referenceData = referenceData;
    }

    /** What a municipality can join: the granted experiments and exemptions of other municipalities' focus areas. */
    public List<Breakthrough> joinableBy(String municipalityCode) {
        return decisions.granted(JoinSchema.JOINABLE_INSTRUMENTS).stream()
                .flatMap(decision -> requests.find(decision.requestId()).stream()
                        .filter(request -> !request.municipalityCode().equals(municipalityCode))
                        .filter(request -> joinPrecedents.ruleOf(request.id())
                                .map(rule -> rule.nationalRuleId() != null).orElse(false))
                        .map(request -> precedent(request, decision)))
                .toList();
    }

    /** The breakthrough a request to join names. */
    public Optional<Breakthrough> joinedBy(UUID joinRequestId) {
        return joinPrecedents.precedentOf(joinRequestId).flatMap(requests::find)
                .flatMap(request -> decisions.onRequest(request.id()).map(decision -> precedent(request, decision)));
    }

    /** The original decision on the breakthrough a request to join names. */
    Optional<DecisionRecord> originalDecision(UUID joinRequestId) {
        return joinPrecedents.precedentOf(joinRequestId).flatMap(decisions::onRequest);
    }

    private Breakthrough precedent(RequestRecord request, DecisionRecord decision) {
        RequestContent content = contents.of(request);
        return new Breakthrough(request.reference(),
                referenceData.municipality(request.municipalityCode()).map(m -> m.name()).orElse(request.municipalityCode()),
                request.focusAreaCode(),
                referenceData.focusArea(request.focusAreaCode()).map(f -> f.name()).orElse(request.focusAreaCode()),
                request.title(), rule(content), Vocabulary.labelOf(DecisionOutcome.class, decision.outcome()),
                decision.instrument(), Instruments.label(decision.instrument()), decision.conditions(),
                decision.rationale(), decision.decidedAt().atZoneSameInstant(CaseClock.DUTCH_TIME).toLocalDate(),
                decision.effectiveDate(), decision.evaluationDate());
    }

    private static String rule(RequestContent content) {
        if (content instanceof RuleChangeContent ruleChange) {
            return ruleChange.rule();
        }
        return content instanceof JoinContent join ? join.rule() : "";
    }
}
