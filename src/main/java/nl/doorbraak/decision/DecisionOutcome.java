package nl.doorbraak.decision;

import nl.doorbraak.platform.validation.Vocabulary;

/** What the programme director decided on a request. */
public enum DecisionOutcome implements Vocabulary {
    GRANTED("Toegekend"),
    PARTLY_GRANTED("Deels toegekend"),
    REJECTED("Afgewezen");

    private final String label;

    DecisionOutcome(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
