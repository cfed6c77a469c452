package nl.doorbraak.request;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import nl.doorbraak.platform.validation.Values;

/**
 * A rule-change request: the national rule that blocks the approach, the conflict and the way out
 * asked for. The rule is a catalogue entry ({@code nationalRule}) or, when it is not in the
 * catalogue, free text in {@code regulation}; with a catalogue entry, {@code regulation} holds its
 * name as the municipality saw it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RuleChangeContent(String focusArea, String title, String nationalRule, String regulation, String article,
                                List<String> ruleDomains, String conflict, String proposedSolution,
                                String requestedInstrument, Long residentsAffected, String urgency, String contactName,
                                String contactEmail) implements RequestContent {

    public RuleChangeContent {
        ruleDomains = ruleDomains == null ? List.of() : List.copyOf(ruleDomains);
    }

    static RuleChangeContent of(Values values) {
        return new RuleChangeContent(values.text("focusArea"), values.text("title"), values.text("nationalRule"),
                values.text("regulation"),
                values.text("article"), values.texts("ruleDomains"), values.text("conflict"),
                values.text("proposedSolution"), values.text("requestedInstrument"), values.integer("residentsAffected"),
                values.text("urgency"), values.text("contactName"), values.text("contactEmail"));
    }

    /** The rule as one line: "Participatiewet, artikel 22a". */
    public String rule() {
        return regulation + (article == null ? "" : ", " + article);
    }
}
