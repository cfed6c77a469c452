package nl.doorbraak.assessment;

import nl.doorbraak.platform.validation.Vocabulary;

/** The outcome of the programme office's intake. */
public enum IntakeOutcome implements Vocabulary {
    COMPLETE("Volledig"),
    INFORMATION_NEEDED("Informatie opvragen");

    private final String label;

    IntakeOutcome(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
