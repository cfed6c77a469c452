package nl.doorbraak.decision;

import nl.doorbraak.platform.validation.Vocabulary;

/** Financiën's answer when asked to co-sign a budget pooling above the threshold. */
public enum CoSignOutcome implements Vocabulary {
    CO_SIGNED("Medeondertekend"),
    REFUSED("Geweigerd");

    private final String label;

    CoSignOutcome(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
