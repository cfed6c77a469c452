package nl.doorbraak.decision;

import nl.doorbraak.platform.validation.Vocabulary;

/** The programme office's conclusion on the evaluation of a granted experiment or exemption. */
public enum EvaluationConclusion implements Vocabulary {
    CONTINUE("Voortzetten"),
    MAKE_STRUCTURAL("Structureel maken"),
    STOP("Beëindigen");

    private final String label;

    EvaluationConclusion(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
