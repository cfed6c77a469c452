package nl.doorbraak.request;

import org.springframework.stereotype.Component;

import nl.doorbraak.notification.Receipts;

/**
 * What the receipt of a request tells the municipality's contact person, per kind: in plain
 * Dutch (B1) what happens next and who takes the first step. Called where every way of
 * submitting (API, web form, Tasklist start form) stores the case file, in that transaction.
 */
@Component
class SubmissionReceipt {

    private final Receipts receipts;

    SubmissionReceipt(Receipts receipts) {
        this.receipts = receipts;
    }

    void send(RequestRecord request, RequestKind kind, RequestContent content) {
        if (content.contactEmail() == null || content.contactEmail().isBlank()) {
            return;
        }
        receipts.acknowledge(new Receipts.Receipt(request.reference(), kind.dutchName(), request.title(),
                content.contactEmail(), nextSteps(kind), firstStep(kind)));
    }

    static String nextSteps(RequestKind kind) {
        return switch (kind) {
            case RULE_CHANGE -> "Het programmabureau kijkt of uw verzoek compleet is. Daarna beoordelen de "
                    + "ministeries die over de regel gaan uw verzoek. Zij geven advies. Daarna volgt een besluit. "
                    + "Wij sturen u een e-mail als wij informatie van u nodig hebben en als er een besluit is.";
            case BUDGET_POOLING -> "Het programmabureau controleert uw budgetregels. Daarna kijken de ministeries "
                    + "van wie het geld komt naar uw verzoek. Daarna volgt een besluit. Wij sturen u een e-mail als "
                    + "wij informatie van u nodig hebben en als er een besluit is.";
            case JOIN -> "Het programmabureau kijkt of de situatie in uw focusgebied lijkt op die van de eerdere "
                    + "doorbraak. Daarna bevestigt het ministerie dat over de regel gaat of de doorbraak ook voor u "
                    + "kan gelden. Daarna volgt een besluit. Wij sturen u een e-mail als wij informatie van u nodig "
                    + "hebben en als er een besluit is.";
        };
    }

    static String firstStep(RequestKind kind) {
        return switch (kind) {
            case RULE_CHANGE -> "het programmabureau doet de intake: is uw verzoek compleet en welke ministeries "
                    + "moeten ernaar kijken?";
            case BUDGET_POOLING -> "het programmabureau controleert of de budgetregels kloppen.";
            case JOIN -> "het programmabureau toetst uw verzoek om aan te sluiten.";
        };
    }
}
