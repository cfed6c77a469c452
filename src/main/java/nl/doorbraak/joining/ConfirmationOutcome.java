package nl.doorbraak.joining;

import nl.doorbraak.platform.validation.Vocabulary;

/** Whether the ministry that granted the original breakthrough agrees to apply it in the new focus area. */
public enum ConfirmationOutcome implements Vocabulary {
    CONFIRMED("Bevestigd: de doorbraak kan ook hier gelden"),
    REFUSED("Geweigerd");

    private final String label;

    ConfirmationOutcome(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
