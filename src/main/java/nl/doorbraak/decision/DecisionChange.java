package nl.doorbraak.decision;

import nl.doorbraak.platform.validation.Vocabulary;

/** What made a version of a decision: the decision itself, an amendment or its revocation. */
public enum DecisionChange implements Vocabulary {
    DECIDED("Besluit"),
    AMENDED("Gewijzigd besluit"),
    REVOKED("Ingetrokken besluit");

    private final String label;

    DecisionChange(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
