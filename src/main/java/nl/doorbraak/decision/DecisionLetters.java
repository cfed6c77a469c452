package nl.doorbraak.decision;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import nl.doorbraak.notification.Letter;
import nl.doorbraak.request.RequestRecord;
import nl.doorbraak.request.RuleChangeSchema;

/** The Dutch decision letter. */
final class DecisionLetters {

    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy",
            Locale.forLanguageTag("nl"));

    private DecisionLetters() {
    }

    static Letter decision(RequestRecord request, DecisionRecord decision) {
        StringBuilder body = new StringBuilder("""
                Geachte heer, mevrouw,

                Op uw verzoek %s "%s" is besloten: %s.
                """.formatted(request.reference(), request.title(),
                Decisions.OUTCOMES.getOrDefault(decision.outcome(), decision.outcome()).toLowerCase(Locale.ROOT)));
        if (decision.instrument() != null) {
            body.append("\nInstrument: ")
                    .append(RuleChangeSchema.INSTRUMENTS.getOrDefault(decision.instrument(), decision.instrument()))
                    .append('.');
        }
        if (decision.effectiveDate() != null) {
            body.append("\nIngangsdatum: ").append(date(decision.effectiveDate())).append('.');
        }
        if (decision.conditions() != null && !decision.conditions().isBlank()) {
            body.append("\n\nVoorwaarden:\n").append(decision.conditions());
        }
        body.append("\n\nMotivering:\n").append(decision.rationale());
        if (decision.evaluationDate() != null) {
            body.append("\n\nOp ").append(date(decision.evaluationDate()))
                    .append(" vragen wij u de resultaten te evalueren. U ontvangt daarvoor dan een taak in Doorbraak.");
        }
        body.append('\n').append(Letter.SIGNATURE);
        return new Letter("Besluit op uw verzoek " + request.reference(), body.toString());
    }

    private static String date(LocalDate date) {
        return DUTCH_DATE.format(date);
    }
}
