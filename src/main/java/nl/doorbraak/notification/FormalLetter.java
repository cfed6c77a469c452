package nl.doorbraak.notification;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A letter on the ministry's letterhead, such as a decision: who it is to, its date, kenmerk
 * (filled in when the letter is numbered in its case file) and subject, and its text, in which a
 * line {@code ### Heading} starts a section. The sender is the template {@code letters/sender.txt}.
 */
public record FormalLetter(String kenmerk, LocalDate date, String subject, List<String> addressee, String body) {

    public FormalLetter {
        addressee = List.copyOf(addressee);
    }

    /** A letter from a letter template: its subject and text, not numbered yet. */
    public static FormalLetter of(String template, LocalDate date, List<String> addressee, Map<String, ?> values) {
        LetterTemplates.Rendered rendered = LetterTemplates.letter(template, values);
        return new FormalLetter(null, date, rendered.subject(), addressee, rendered.text());
    }

    public FormalLetter numbered(String kenmerk) {
        return new FormalLetter(kenmerk, date, subject, addressee, body);
    }

    /** The sender in the letterhead: ministry, programme and address, one line each. */
    public static List<String> sender() {
        return LetterTemplates.render("sender", Map.of()).lines().filter(line -> !line.isBlank()).toList();
    }
}
