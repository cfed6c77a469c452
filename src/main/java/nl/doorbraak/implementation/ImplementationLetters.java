package nl.doorbraak.implementation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import nl.doorbraak.notification.Letter;
import nl.doorbraak.request.RequestRecord;

/** The Dutch e-mails of implementation tracking: the reminder to the ministry, the news to the municipality. */
final class ImplementationLetters {

    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy",
            Locale.forLanguageTag("nl"));

    private ImplementationLetters() {
    }

    static Letter reminder(RequestRecord request, ImplementationChange change, ImplementationChange.Stage stage,
                           String ministry) {
        return new Letter("Herinnering: stand doorvoering verzoek " + request.reference() + " (" + ministry + ")", """
                Beste beoordelaar,

                %s heeft toegezegd de regel te wijzigen waar verzoek %s "%s" om vroeg (%s). De fase \
                "%s" moet uiterlijk %s bereikt zijn. Werk de stand bij met de taak "Stand doorvoering \
                bijwerken" in Doorbraak zodra de fase bereikt is.
                """.formatted(ministry, request.reference(), request.title(), change.kindLabel().toLowerCase(Locale.ROOT),
                stage.label(), date(stage.targetOn())) + Letter.SIGNATURE);
    }

    static Letter inForce(RequestRecord request, ImplementationChange change, String ministry) {
        return new Letter("De regel uit uw verzoek " + request.reference() + " is gewijzigd", """
                Geachte heer, mevrouw,

                Naar aanleiding van uw verzoek %s "%s" heeft %s de regel gewijzigd (%s). De gewijzigde \
                regel is op %s in werking getreden.

                Het verloop staat ook bij uw verzoek in Doorbraak.
                """.formatted(request.reference(), request.title(), ministry, change.kindLabel().toLowerCase(Locale.ROOT),
                date(change.inForceOn())) + Letter.SIGNATURE);
    }

    static Letter stopped(RequestRecord request, ImplementationChange change, String ministry, String reason) {
        return new Letter("Doorvoering gestopt: besluit op verzoek " + request.reference() + " ingetrokken", """
                Beste beoordelaar,

                De programmadirecteur heeft het besluit op verzoek %s "%s" ingetrokken. %s hoeft de toegezegde \
                %s daarom niet verder door te voeren; de taak "Stand doorvoering bijwerken" is vervallen.

                Reden van de intrekking: %s
                """.formatted(request.reference(), request.title(), ministry, change.kindLabel().toLowerCase(Locale.ROOT),
                reason) + Letter.SIGNATURE);
    }

    static String date(LocalDate date) {
        return date == null ? "(onbekend)" : DUTCH_DATE.format(date);
    }
}
