package nl.doorbraak.request;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import nl.doorbraak.platform.validation.Values;

/**
 * A join request ("aansluiten"): the municipality asks to apply a granted experiment or exemption
 * of another focus area ({@code precedent}, that request's reference) to its own, and says why its
 * situation is comparable. The title, the instrument, the rule and the rule domains are not asked:
 * they are the precedent's, copied at submission ({@link JoinSchema#withDerivedValues}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
@JsonIgnoreProperties(ignoreUnknown = true)
public record JoinContent(String focusArea, String title, String precedent, String motivation, Long residentsAffected,
                          String requestedInstrument, String nationalRule, String regulation, String article,
                          List<String> ruleDomains, String urgency, String contactName, String contactEmail)
        implements RequestContent {

    public JoinContent {
        ruleDomains = ruleDomains == null ? List.of() : List.copyOf(ruleDomains);
    }

    static JoinContent of(Values values) {
        return new JoinContent(values.text("focusArea"), values.text("title"), values.text("precedent"),
                values.text("motivation"), values.integer("residentsAffected"), values.text("requestedInstrument"),
                values.text("nationalRule"), values.text("regulation"), values.text("article"),
                values.texts("ruleDomains"), values.text("urgency"), values.text("contactName"),
                values.text("contactEmail"));
    }

    /** The rule as one line: "Participatiewet, artikel 19a en 22a". */
    public String rule() {
        return regulation + (article == null ? "" : ", artikel " + article);
    }
}
