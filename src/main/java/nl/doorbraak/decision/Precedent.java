package nl.doorbraak.decision;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * An earlier decision on a request about the same national rule, as a municipality drafting a
 * request and a reviewer assessing one may see it, whichever municipality asked: where and when,
 * what was decided and why. Deliberately without personal data: no contact, no submitter, no
 * decider, no title or free text of the request other than the decision's own conditions and
 * rationale.
 *
 * @param article      the article key of the earlier request ("22a"), null when it named none
 * @param sameArticle  whether it is the article asked about (those come first)
 */
public record Precedent(String reference, String municipalityName, String focusAreaName, String article,
                        boolean sameArticle, LocalDate decidedOn, String outcome, String outcomeLabel,
                        String instrument, String instrumentLabel, String conditions, String rationale) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d-M-yyyy");

    /**
     * The precedent as one Dutch line, for the read-only text of a Tasklist form: "12-3-2026,
     * NPLV-2026-00012, Rotterdam (Rotterdam-Zuid), artikel 22a: Toegekend (Experiment ...).
     * Voorwaarden: ... Motivering: ..."
     */
    public String line() {
        StringBuilder line = new StringBuilder(DATE.format(decidedOn)).append(", ").append(reference).append(", ")
                .append(municipalityName).append(" (").append(focusAreaName).append(")");
        if (article != null) {
            line.append(", artikel ").append(article);
        }
        line.append(": ").append(outcomeLabel);
        if (instrumentLabel != null) {
            line.append(" (").append(instrumentLabel).append(")");
        }
        line.append('.');
        if (conditions != null) {
            line.append(" Voorwaarden: ").append(oneLine(conditions));
        }
        return line.append(" Motivering: ").append(oneLine(rationale)).toString();
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
