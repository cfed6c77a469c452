package nl.doorbraak.request;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of request, each with its process and the message that starts it from the API. */
public enum RequestKind {

    RULE_CHANGE("rule-change", "rule-change-request", "RuleChangeRequestSubmitted", "verzoek om regelaanpassing",
            "Regelaanpassing"),
    BUDGET_POOLING("budget-pooling", "budget-pooling-request", "BudgetPoolingRequestSubmitted",
            "verzoek om ontschotting van budgetten", "Ontschotting van budgetten"),
    JOIN("join", "join-request", "JoinRequestSubmitted", "verzoek om aansluiting", "Aansluiting bij een doorbraak");

    private final String code;
    private final String processKey;
    private final String startMessage;
    private final String dutchName;
    private final String label;

    RequestKind(String code, String processKey, String startMessage, String dutchName, String label) {
        this.code = code;
        this.processKey = processKey;
        this.startMessage = startMessage;
        this.dutchName = dutchName;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String processKey() {
        return processKey;
    }

    public String startMessage() {
        return startMessage;
    }

    public String dutchName() {
        return dutchName;
    }

    /** What the kind is called in a list or a filter, e.g. "Ontschotting van budgetten". */
    public String label() {
        return label;
    }

    /** The label of a kind by its code; an unknown code as it is. */
    public static String labelOf(String code) {
        return ofCode(code).map(RequestKind::label).orElse(code);
    }

    public static Optional<RequestKind> ofCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
    }

    public static Optional<RequestKind> ofProcessKey(String processKey) {
        return Arrays.stream(values()).filter(kind -> kind.processKey.equals(processKey)).findFirst();
    }
}
