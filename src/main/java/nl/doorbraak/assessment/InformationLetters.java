package nl.doorbraak.assessment;

import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.notification.FormalLetter;
import nl.doorbraak.notification.Letter;
import nl.doorbraak.notification.LetterTemplates;
import nl.doorbraak.request.RequestRecord;

/**
 * The Dutch e-mails about questions to the municipality and reminders of deadlines, and the letter
 * that a request is no longer handled; the texts of the first two are templates in {@code letters/}.
 */
final class InformationLetters {

    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl"))
            .withZone(CaseClock.DUTCH_TIME);

    private InformationLetters() {
    }

    static Letter informationRequested(RequestRecord request, String askedBy, String question, Date due) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("reference", request.reference());
        values.put("title", request.title());
        values.put("askedBy", askedBy);
        values.put("question", question);
        values.put("due", date(due));
        values.put("lapses", askedBy.equals("het programmabureau"));
        LetterTemplates.Rendered mail = LetterTemplates.letter("information-request-mail", values);
        return new Letter(mail.subject(), mail.text());
    }

    /** The decision to no longer handle a request whose question was not answered in time (Awb 4:5). */
    static FormalLetter lapsed(RequestRecord request, InformationRequest question, Date due,
                               Map<String, Object> common, List<String> addressee) {
        Map<String, Object> values = new LinkedHashMap<>(common);
        values.put("askedOn", question.askedAt().atZoneSameInstant(CaseClock.DUTCH_TIME).toLocalDate());
        values.put("due", date(due));
        values.put("question", question.question());
        return FormalLetter.of("lapse", CaseClock.dutchNow().toLocalDate(), addressee, values);
    }

    static Letter reminder(RequestRecord request, String ministry, Date due) {
        return new Letter("Herinnering: beoordeling verzoek " + request.reference() + " (" + ministry + ")", """
                Beste beoordelaar,

                De beoordeling van verzoek %s "%s" door %s moet uiterlijk %s klaar zijn. \
                U vindt de taak in Doorbraak onder "Open beoordelingen %s".
                """.formatted(request.reference(), request.title(), ministry, date(due), ministry) + Letter.SIGNATURE);
    }

    /** The reminder before the deadline of any human step, to everyone who can do it. */
    static Letter stepReminder(RequestRecord request, String step, Date due) {
        return new Letter("Herinnering: " + step + " voor verzoek " + request.reference(), """
                Beste collega,

                De stap "%s" van verzoek %s "%s" moet uiterlijk %s gedaan zijn. \
                U vindt de taak "%s" in Doorbraak bij de open taken van uw groep.
                """.formatted(step, request.reference(), request.title(), date(due), step) + Letter.SIGNATURE);
    }

    static String date(Date date) {
        return date == null ? "(geen termijn)" : DUTCH_DATE.format(date.toInstant());
    }
}
