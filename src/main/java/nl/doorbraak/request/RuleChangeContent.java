package nl.doorbraak.request;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import nl.doorbraak.platform.validation.Values;

/** A rule-change request: the national rule that blocks the approach, the conflict and the way out asked for. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RuleChangeContent(String focusArea, String title, String regulation, String article,
                                List<String> ruleDomains, String conflict, String proposedSolution,
                                String requestedInstrument, Long residentsAffected, String urgency, String contactName,
                                String contactEmail) implements RequestContent {

    public RuleChangeContent {
        ruleDomains = ruleDomains == null ? List.of() : List.copyOf(ruleDomains);
    }

    static RuleChangeContent of(Values values) {
        return new RuleChangeContent(values.text("focusArea"), values.text("title"), values.text("regulation"),
                values.text("article"), values.texts("ruleDomains"), values.text("conflict"),
                values.text("proposedSolution"), values.text("requestedInstrument"), values.integer("residentsAffected"),
                values.text("urgency"), values.text("contactName"), values.text("contactEmail"));
    }

    /** The rule as one line: "Participatiewet, artikel 22a". */
    public String rule() {
        return regulation + (article == null ? "" : ", " + article);
    }
}
