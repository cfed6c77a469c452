package nl.doorbraak.assessment;

import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;

import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.notification.Letter;
import nl.doorbraak.request.RequestRecord;

/** The Dutch e-mails about questions to the municipality and reminders of deadlines. */
final class InformationLetters {

    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl"))
            .withZone(CaseClock.DUTCH_TIME);

    private InformationLetters() {
    }

    static Letter informationRequested(RequestRecord request, String askedBy, String question, Date due) {
        return new Letter("Vraag over uw verzoek " + request.reference(), """
                Geachte heer, mevrouw,

                Over uw verzoek %s "%s" heeft %s een vraag:

                %s

                Wilt u de vraag uiterlijk %s beantwoorden in Doorbraak (taak "Informatie aanleveren")? \
                Zonder antwoord binnen deze termijn %s
                """.formatted(request.reference(), request.title(), askedBy, question, date(due),
                askedBy.equals("het programmabureau")
                        ? "vervalt het verzoek."
                        : "beoordeelt het ministerie uw verzoek met de informatie die er is.") + Letter.SIGNATURE);
    }

    static Letter lapsed(RequestRecord request) {
        return new Letter("Verzoek " + request.reference() + " vervallen", """
                Geachte heer, mevrouw,

                Op de vraag over uw verzoek %s "%s" hebben wij binnen de termijn geen antwoord ontvangen. \
                Het verzoek is daarom vervallen. U kunt het verzoek opnieuw indienen wanneer de gevraagde \
                informatie beschikbaar is.
                """.formatted(request.reference(), request.title()) + Letter.SIGNATURE);
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
