package nl.doorbraak.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import nl.doorbraak.catalogue.NationalRule;
import nl.doorbraak.catalogue.NationalRules;
import nl.doorbraak.platform.validation.FieldError;
import nl.doorbraak.platform.validation.InputSchema;
import nl.doorbraak.platform.validation.Values;
import nl.doorbraak.reference.ReferenceData;

/**
 * What a join request must contain: the focus area, the precedent (the reference of an earlier
 * request of another focus area on which an experiment or a temporary exemption was granted, in
 * full or in part, and which names a rule from the catalogue), why the situation is comparable,
 * and the usual urgency and contact. The instrument, the rule and the rule domains are the
 * precedent's; its catalogue entry's ministry confirms the join ({@link #confirmingMinistry}).
 * <p>
 * A reference that does not exist and one whose request was not granted get the same answer: the
 * decisions that can be joined are public, the state of other requests is not.
 */
@Component
public class JoinSchema implements SubmissionRules {

    /** The instruments a municipality can join: those that apply a rule differently in one area. */
    public static final Set<String> JOINABLE_INSTRUMENTS = Set.of("experiment", "temporary-exemption");

    private final ReferenceData referenceData;
    private final Requests requests;
    private final JoinPrecedents precedents;
    private final PrecedentDecisions decisions;
    private final NationalRules nationalRules;

    JoinSchema(ReferenceData referenceData, Requests requests, JoinPrecedents precedents, PrecedentDecisions decisions,
               NationalRules nationalRules) {
        this.referenceData = referenceData;
        this.requests = requests;
        this.precedents = precedents;
        this.decisions = decisions;
        this.nationalRules = nationalRules;
    }

    /** A precedent that can be joined: the request, the rule it is about and the instrument granted. */
    record Precedent(RequestRecord request, NationalRule nationalRule, String ruleArticle, String instrument) {
    }

    @Override
    public RequestKind kind() {
        return RequestKind.JOIN;
    }

    @Override
    public InputSchema schema() {
        return InputSchema.builder()
                .choice("focusArea", "Focusgebied", true, referenceData::focusAreaChoices)
                .text("precedent", "Kenmerk van de doorbraak waarbij u wilt aansluiten", true, 20)
                .text("motivation", "Waarom uw situatie vergelijkbaar is", true, 10_000)
                .integer("residentsAffected", "Aantal betrokken inwoners", false, 0, 10_000_000)
                .choice("urgency", "Urgentie", true, () -> RuleChangeSchema.URGENCIES)
                .text("contactName", "Naam contactpersoon", true, 200)
                .email("contactEmail", "E-mailadres contactpersoon", true)
                .checkAll(this::precedentErrors)
                .build();
    }

    /** The precedent's title, instrument, rule and rule domains, as the case file keeps them. */
    @Override
    public Values withDerivedValues(Values values) {
        Precedent precedent = precedent(values.text("precedent")).orElseThrow();
        RequestRecord original = precedent.request();
        String title = "Aansluiten bij " + original.reference() + ": " + original.title();
        return values.with("precedent", original.reference())
                .with("title", title.length() > 200 ? title.substring(0, 199) + "…" : title)
                .with("requestedInstrument", precedent.instrument())
                .with("nationalRule", precedent.nationalRule().id())
                .with("regulation", precedent.nationalRule().name())
                .with("article", precedent.ruleArticle())
                .with("ruleDomains", requests.ruleDomainsOf(original.id()));
    }

    /** The ministry that confirms a join: the one responsible for the precedent's rule in the catalogue. */
    public String confirmingMinistry(JoinContent join) {
        return nationalRules.find(join.nationalRule()).map(NationalRule::ministryCode).orElseThrow();
    }

    /** The precedent's request, if it is one that can be joined (from any focus area). */
    Optional<Precedent> precedent(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        return requests.findByReference(reference.trim()).flatMap(request -> decisions.decisionOn(request.id())
                .filter(PrecedentDecisions.Decided::granted)
                .flatMap(decided -> precedents.ruleOf(request.id())
                        .map(rule -> new Precedent(request, rule.nationalRuleId() == null ? null
                                : nationalRules.find(rule.nationalRuleId()).orElse(null), rule.ruleArticle(),
                                decided.instrument()))));
    }

    private List<FieldError> precedentErrors(Values values) {
        String reference = values.text("precedent");
        if (reference == null) {
            return List.of();
        }
        Optional<Precedent> found = precedent(reference);
        if (found.isEmpty()) {
            return List.of(error("Er is geen toegekend verzoek met kenmerk '" + reference.trim() + "'. U kunt aansluiten "
                    + "bij een toegekend experiment of een toegekende tijdelijke vrijstelling van een ander focusgebied."));
        }
        Precedent precedent = found.get();
        List<FieldError> errors = new ArrayList<>();
        if (!JOINABLE_INSTRUMENTS.contains(precedent.instrument())) {
            errors.add(error("Op verzoek " + precedent.request().reference() + " is "
                    + Instruments.label(precedent.instrument()).toLowerCase(java.util.Locale.ROOT)
                    + " toegekend. Aansluiten kan alleen bij een experiment of een tijdelijke vrijstelling."));
        }
        if (precedent.request().focusAreaCode().equals(values.text("focusArea"))) {
            errors.add(error("Verzoek " + precedent.request().reference() + " gaat over hetzelfde focusgebied. "
                    + "Aansluiten kan alleen bij een doorbraak van een ander focusgebied."));
        }
        if (precedent.nationalRule() == null) {
            errors.add(error("Verzoek " + precedent.request().reference() + " is nog niet gekoppeld aan een regeling "
                    + "uit de catalogus. Vraag het programmabureau de regeling te koppelen, of dien een verzoek om "
                    + "regelaanpassing in."));
        }
        return errors;
    }

    private static FieldError error(String message) {
        return new FieldError("precedent", message);
    }
}
