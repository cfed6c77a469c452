package nl.doorbraak.decision;

import nl.doorbraak.platform.validation.Vocabulary;

/** The programme office's conclusion on a year's accountability report of a pooled budget. */
public enum AccountabilityConclusion implements Vocabulary {
    APPROVED("Goedgekeurd"),
    APPROVED_WITH_REMARKS("Goedgekeurd met opmerkingen"),
    REJECTED("Afgekeurd");

    private final String label;

    AccountabilityConclusion(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
