package nl.doorbraak.notification;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Service;

import nl.doorbraak.platform.CaseClock;

/**
 * The acknowledgement of receipt (ontvangstbevestiging) to the municipality's contact person:
 * written by the request module in the transaction that stores the case file, so that every way
 * of submitting sends it once and a submission that is rolled back sends nothing.
 */
@Service
public class Receipts {

    static final String TOPIC = "receipt";
    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy",
            Locale.forLanguageTag("nl"));

    /** What the receipt tells: the case, and in plain words what happens next and who does the first step. */
    public record Receipt(String reference, String kindName, String title, String contactEmail, String nextSteps,
                          String firstStep) {
    }

    private final Outbox outbox;

    Receipts(Outbox outbox) {
        this.outbox = outbox;
    }

    public void acknowledge(Receipt receipt) {
        outbox.enqueueRelayed(Outbox.chainTopic(TOPIC, receipt.reference()), receipt.contactEmail(), letter(receipt));
    }

    static Letter letter(Receipt receipt) {
        String body = """
                Beste contactpersoon,

                Wij hebben uw %s goed ontvangen op %s.

                Uw kenmerk: %s
                Titel: %s

                Wat gebeurt er nu?
                %s

                De eerste stap: %s

                Noem het kenmerk %s als u contact met ons opneemt. U kunt de voortgang van uw verzoek volgen op de website van Doorbraak.
                """.formatted(receipt.kindName(), DUTCH_DATE.format(CaseClock.dutchNow()), receipt.reference(),
                receipt.title(), receipt.nextSteps(), receipt.firstStep(), receipt.reference())
                + Letter.SIGNATURE;
        return new Letter("Ontvangstbevestiging " + receipt.reference() + ": " + receipt.title(), body);
    }
}
