package nl.doorbraak.joining;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * A granted breakthrough as a join shows it: the original request and the decision on it, without
 * personal data (no contact, no submitter).
 */
public record Breakthrough(String reference, String municipalityName, String focusArea, String focusAreaName,
                        String title, String rule, String outcomeLabel, String instrument, String instrumentLabel,
                        String conditions, String rationale, LocalDate decidedOn, LocalDate effectiveDate,
                        LocalDate evaluationDate) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d-M-yyyy");

    /** One line for a list or a select: "NPLV-2026-00001 – Rotterdam-Zuid: Experiment (Participatiewet, artikel 22a)". */
    public String label() {
        return reference + " – " + focusAreaName + ": " + instrumentLabel + " (" + rule + ")";
    }

    /** The original decision as Tasklist's forms show it, in a few lines. */
    public String text() {
        StringBuilder text = new StringBuilder(reference + " – " + municipalityName + ", " + focusAreaName + "\n"
                + title + "\nRegel: " + rule + "\nBesluit van " + DAY.format(decidedOn) + ": " + outcomeLabel + ", "
                + instrumentLabel + (effectiveDate == null ? "" : ", met ingang van " + DAY.format(effectiveDate)) + ".");
        if (conditions != null) {
            text.append("\nVoorwaarden: ").append(conditions);
        }
        text.append("\nMotivering: ").append(rationale);
        return text.toString();
    }
}
