package nl.doorbraak.assessment;

import nl.doorbraak.platform.validation.Vocabulary;

/** What a ministry reviewer does with an assessment task: advise, or ask the municipality first. */
public enum AssessmentOutcome implements Vocabulary {
    ADVICE("Advies uitbrengen"),
    INFORMATION_NEEDED("Informatie opvragen");

    private final String label;

    AssessmentOutcome(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
