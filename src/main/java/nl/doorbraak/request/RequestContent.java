package nl.doorbraak.request;

import java.util.List;

import nl.doorbraak.platform.validation.Values;

/**
 * What a request asks, typed by its kind: built once from the validated submission, stored as
 * JSON in the case file and read back in one place ({@link RequestContents}). What is common to
 * every kind is here; the rest is in the kind's record.
 */
public sealed interface RequestContent permits RuleChangeContent, BudgetPoolingContent, JoinContent {

    String focusArea();

    String title();

    String requestedInstrument();

    String urgency();

    String contactName();

    String contactEmail();

    /** The rule domains the municipality named (a budget pooling names none). */
    default List<String> ruleDomains() {
        return List.of();
    }

    /** The content of a valid submission of that kind. */
    static RequestContent of(RequestKind kind, Values values) {
        return switch (kind) {
            case RULE_CHANGE -> RuleChangeContent.of(values);
            case BUDGET_POOLING -> BudgetPoolingContent.of(values);
            case JOIN -> JoinContent.of(values);
        };
    }
}
