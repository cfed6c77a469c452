package nl.doorbraak.request;

import java.util.LinkedHashMap;
import java.util.Map;

import java.util.Optional;

import nl.doorbraak.catalogue.NationalRules;
import nl.doorbraak.platform.validation.FieldError;
import nl.doorbraak.platform.validation.InputSchema;
import nl.doorbraak.platform.validation.Values;
import nl.doorbraak.reference.ReferenceData;
import org.springframework.stereotype.Component;

/** What a rule-change request must contain. */
@Component
public class RuleChangeSchema implements SubmissionRules {

    public static final Map<String, String> INSTRUMENTS = orderedMap(
            "clarification", "Verduidelijking of interpretatie van de bestaande regel",
            "experiment", "Experiment op grond van een experimenteerbepaling",
            "temporary-exemption", "Tijdelijke vrijstelling of afwijking (maatwerk)",
            "policy-change", "Wijziging van beleidsregel, circulaire of besluit",
            "law-change", "Voorstel voor wetswijziging");

    public static final Map<String, String> URGENCIES = orderedMap("normal", "Normaal", "urgent", "Urgent");

    private final ReferenceData referenceData;
    private final NationalRules nationalRules;

    RuleChangeSchema(ReferenceData referenceData, NationalRules nationalRules) {
        this.referenceData = referenceData;
        this.nationalRules = nationalRules;
    }

    @Override
    public RequestKind kind() {
        return RequestKind.RULE_CHANGE;
    }

    @Override
    public InputSchema schema() {
        return InputSchema.builder()
                .choice("focusArea", "Focusgebied", true, this::focusAreas)
                .text("title", "Titel", true, 200)
                .choice("nationalRule", "Regeling uit de catalogus", false, nationalRules::choices)
                .text("regulation", "Regeling (als die niet in de catalogus staat)", false, 200)
                .text("article", "Artikel", false, 100)
                .choices("ruleDomains", "Regeldomeinen", true, referenceData::ruleDomainChoices)
                .text("conflict", "Knelpunt", true, 10_000)
                .text("proposedSolution", "Voorgestelde oplossing", true, 10_000)
                .choice("requestedInstrument", "Gevraagd instrument", true, () -> INSTRUMENTS)
                .integer("residentsAffected", "Aantal betrokken inwoners", false, 0, 10_000_000)
                .choice("urgency", "Urgentie", true, () -> URGENCIES)
                .text("contactName", "Naam contactpersoon", true, 200)
                .email("contactEmail", "E-mailadres contactpersoon", true)
                .check(values -> values.text("nationalRule") == null && values.text("regulation") == null
                        ? Optional.of(new FieldError("regulation",
                                "Kies de regeling uit de catalogus, of beschrijf de regeling als die er niet in staat."))
                        : Optional.empty())
                .build();
    }

    /** The catalogue entry's name stands in for the free text, so every request names its rule in words. */
    @Override
    public Values withDerivedValues(Values values) {
        String nationalRule = values.text("nationalRule");
        if (nationalRule == null || values.text("regulation") != null) {
            return values;
        }
        return values.with("regulation", nationalRules.find(nationalRule).orElseThrow().name());
    }

    Map<String, String> focusAreas() {
        return referenceData.focusAreaChoices();
    }

    static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
