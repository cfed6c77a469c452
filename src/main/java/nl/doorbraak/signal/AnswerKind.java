package nl.doorbraak.signal;

import nl.doorbraak.platform.validation.Vocabulary;

/** The structural answer a ministry gives to a recurring obstacle. */
public enum AnswerKind implements Vocabulary {
    CHANGE_RULE("De regel wordt aangepast"),
    GUIDANCE("Er komt een handreiking of uitleg"),
    GENERAL_EXEMPTION("Er komt een algemene vrijstelling"),
    NO_CHANGE("Geen aanpassing, met redenen");

    private final String label;

    AnswerKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** The Dutch label of a code; an unknown code (or none) as it is. */
    public static String labelOf(String code) {
        return code == null ? null : Vocabulary.labelOf(AnswerKind.class, code);
    }
}
