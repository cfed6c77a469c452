package nl.doorbraak.signal;

import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;

import nl.doorbraak.notification.Letter;
import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.request.RequestRecord;

/** The Dutch e-mails of a signal: its answer to each municipality, the reminder to the ministry's reviewers. */
final class SignalLetters {

    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy",
            Locale.forLanguageTag("nl")).withZone(CaseClock.DUTCH_TIME);

    private SignalLetters() {
    }

    static Letter answer(RequestRecord request, Signal signal, String regulation, String subject, String ministry) {
        String reasons = signal.answerReasons() == null ? "" : "\nRedenen:\n" + signal.answerReasons() + "\n";
        return new Letter("Structureel antwoord op knelpunt " + regulation, """
                Geachte heer, mevrouw,

                Uw verzoek %s "%s" gaat over %s. Dezelfde regel belemmert ook in andere focusgebieden \
                een integrale aanpak. Daarom heeft het programmabureau %s om een structureel antwoord \
                gevraagd (signaal %s).

                %s heeft geantwoord: %s.

                %s
                %s
                Dit antwoord staat ook in het verloop van uw verzoek in Doorbraak. Uw eigen verzoek wordt \
                daarnaast gewoon verder behandeld.
                """.formatted(request.reference(), request.title(), subject, ministry, signal.reference(), ministry,
                signal.answerKindLabel().toLowerCase(Locale.ROOT), signal.answer(), reasons) + Letter.SIGNATURE);
    }

    static Letter reminder(Signal signal, String subject, String ministry, Date due) {
        return new Letter("Herinnering: structureel antwoord op signaal " + signal.reference() + " (" + ministry + ")", """
                Beste beoordelaar,

                Het structurele antwoord van %s op signaal %s over %s moet uiterlijk %s gegeven zijn. \
                U vindt de taak "Structureel antwoord geven" in Doorbraak.
                """.formatted(ministry, signal.reference(), subject, date(due)) + Letter.SIGNATURE);
    }

    static String date(Date date) {
        return date == null ? "(geen termijn)" : DUTCH_DATE.format(date.toInstant());
    }
}
