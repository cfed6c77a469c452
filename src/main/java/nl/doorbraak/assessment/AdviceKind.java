package nl.doorbraak.assessment;

import nl.doorbraak.platform.validation.Vocabulary;

/** What a ministry advises on a request. */
public enum AdviceKind implements Vocabulary {
    SUPPORT("Steunen"),
    SUPPORT_WITH_CONDITIONS("Steunen onder voorwaarden"),
    REJECT("Afwijzen");

    private final String label;

    AdviceKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
