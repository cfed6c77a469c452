package nl.doorbraak.decision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import nl.doorbraak.platform.validation.Vocabulary;
import nl.doorbraak.notification.Letter;
import nl.doorbraak.platform.validation.Amounts;
import nl.doorbraak.reference.Ministry;
import nl.doorbraak.reference.ReferenceData;
import nl.doorbraak.reference.Regulation;
import nl.doorbraak.request.Instruments;
import nl.doorbraak.request.JoinContent;
import nl.doorbraak.request.RequestContents;
import nl.doorbraak.request.RequestRecord;
import nl.doorbraak.request.Requests;

/**
 * The Dutch decision letter; for budget pooling with the amounts asked and granted per budget line,
 * for a join naming the original decision it asked to join.
 */
@Component
class DecisionLetters {

    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy",
            Locale.forLanguageTag("nl"));

    private final ReferenceData referenceData;
    private final Requests requests;
    private final RequestContents contents;
    private final Decisions decisions;

    DecisionLetters(ReferenceData referenceData, Requests requests, RequestContents contents, Decisions decisions) {
        this.referenceData = referenceData;
        this.requests = requests;
        this.contents = contents;
        this.decisions = decisions;
    }

    Letter decision(RequestRecord request, DecisionRecord decision, List<GrantedLine> budgetLines) {
        StringBuilder body = new StringBuilder("""
                Geachte heer, mevrouw,

                Op uw verzoek %s "%s" is besloten: %s.
                """.formatted(request.reference(), request.title(),
                Vocabulary.labelOf(DecisionOutcome.class, decision.outcome()).toLowerCase(Locale.ROOT)));
        if (contents.of(request) instanceof JoinContent join) {
            body.append(original(join));
        }
        if (decision.instrument() != null) {
            body.append("\nInstrument: ").append(Instruments.label(decision.instrument())).append('.');
        }
        if (decision.effectiveDate() != null) {
            body.append("\nIngangsdatum: ").append(date(decision.effectiveDate())).append('.');
        }
        if (!budgetLines.isEmpty()) {
            body.append("\n\nBudgetregels (gevraagd / toegekend):");
            for (GrantedLine line : budgetLines) {
                body.append("\n- ").append(abbreviation(line.ministryCode())).append(", ")
                        .append(regulationName(line.regulationCode())).append(": ")
                        .append(Amounts.euros(line.requestedAmount())).append(" / ")
                        .append(Amounts.euros(line.grantedAmount()));
            }
            BigDecimal total = Amounts.sum(budgetLines.stream().map(GrantedLine::grantedAmount).toList());
            body.append("\nTotaal toegekend: ").append(Amounts.euros(total)).append('.');
        }
        if (decision.conditions() != null && !decision.conditions().isBlank()) {
            body.append("\n\nVoorwaarden:\n").append(decision.conditions());
        }
        body.append("\n\nMotivering:\n").append(decision.rationale());
        if (decision.endDate() != null) {
            body.append("\nEinddatum: ").append(date(decision.endDate()))
                    .append(". Daarna geldt de gewone regel weer, tenzij een evaluatie tot voortzetting besluit.");
        }
        if (decision.evaluationDate() != null) {
            body.append("\n\nOp ").append(date(decision.evaluationDate()))
                    .append(" vragen wij u de resultaten te evalueren. U ontvangt daarvoor dan een taak in Doorbraak.");
        }
        if (!budgetLines.isEmpty() && !DecisionOutcome.REJECTED.is(decision.outcome())) {
            body.append("\n\nNa afloop van elk begrotingsjaar vragen wij u één verantwoording over het gebundelde budget "
                    + "aan te leveren. U ontvangt daarvoor dan een taak in Doorbraak.");
        }
        body.append('\n').append(Letter.SIGNATURE);
        return new Letter("Besluit op uw verzoek " + request.reference(), body.toString());
    }

    /**
     * What an amendment changed, one Dutch line per field, e.g. "Ingangsdatum: 1 maart 2027 wordt
     * 1 april 2027"; for budget pooling the granted amount per budget line.
     */
    List<String> changes(DecisionRecord before, List<GrantedLine> linesBefore, DecisionRecord after,
                         List<GrantedLine> linesAfter) {
        List<String> changes = new java.util.ArrayList<>();
        change(changes, "Besluit", Vocabulary.labelOf(DecisionOutcome.class, before.outcome()),
                Vocabulary.labelOf(DecisionOutcome.class, after.outcome()));
        change(changes, "Instrument", Instruments.label(before.instrument()), Instruments.label(after.instrument()));
        change(changes, "Ingangsdatum", date(before.effectiveDate()), date(after.effectiveDate()));
        change(changes, "Evaluatiedatum", date(before.evaluationDate()), date(after.evaluationDate()));
        change(changes, "Voorwaarden", before.conditions(), after.conditions());
        change(changes, "Motivering", before.rationale(), after.rationale());
        for (GrantedLine line : linesAfter) {
            linesBefore.stream().filter(old -> old.ministryCode().equals(line.ministryCode())).findFirst()
                    .ifPresent(old -> change(changes, "Toegekend bedrag " + abbreviation(line.ministryCode()),
                            Amounts.euros(old.grantedAmount()), Amounts.euros(line.grantedAmount())));
        }
        return changes;
    }

    private static void change(List<String> changes, String label, String before, String after) {
        if (!java.util.Objects.equals(before, after)) {
            changes.add(label + ": " + (before == null ? "(geen)" : before) + " wordt " + (after == null ? "(geen)" : after));
        }
    }

    /** The letter on an amended decision: what changed and why, then the decision as it now stands. */
    Letter amendment(RequestRecord request, DecisionRecord amended, int version, List<String> changes, String reason,
                     List<GrantedLine> budgetLines) {
        StringBuilder body = new StringBuilder("""
                Geachte heer, mevrouw,

                De programmadirecteur heeft het besluit op uw verzoek %s "%s" gewijzigd (versie %d).

                Reden van de wijziging:
                %s

                Wat er verandert:
                """.formatted(request.reference(), request.title(), version, reason));
        changes.forEach(change -> body.append("- ").append(change).append('\n'));
        body.append("\nHet besluit luidt nu: ")
                .append(Vocabulary.labelOf(DecisionOutcome.class, amended.outcome()).toLowerCase(Locale.ROOT)).append('.');
        if (amended.instrument() != null) {
            body.append("\nInstrument: ").append(Instruments.label(amended.instrument())).append('.');
        }
        if (amended.effectiveDate() != null) {
            body.append("\nIngangsdatum: ").append(date(amended.effectiveDate())).append('.');
        }
        if (amended.evaluationDate() != null) {
            body.append("\nEvaluatiedatum: ").append(date(amended.evaluationDate())).append('.');
        }
        if (!budgetLines.isEmpty()) {
            BigDecimal total = Amounts.sum(budgetLines.stream().map(GrantedLine::grantedAmount).toList());
            body.append("\nTotaal toegekend: ").append(Amounts.euros(total)).append('.');
        }
        if (amended.conditions() != null && !amended.conditions().isBlank()) {
            body.append("\n\nVoorwaarden:\n").append(amended.conditions());
        }
        body.append("\n\nMotivering:\n").append(amended.rationale());
        body.append('\n').append(Letter.SIGNATURE);
        return new Letter("Wijziging van het besluit op uw verzoek " + request.reference(), body.toString());
    }

    /** The letter on a revoked decision: from when and why; what follows the decision stops. */
    Letter revocation(RequestRecord request, DecisionRecord decision, LocalDate revokedOn, String reason) {
        String body = """
                Geachte heer, mevrouw,

                De programmadirecteur heeft het besluit op uw verzoek %s "%s" (%s) per %s ingetrokken.

                Reden van de intrekking:
                %s

                Het besluit geldt vanaf die datum niet meer. Wat op het besluit volgde, zoals een evaluatie of een \
                verantwoording, vervalt; openstaande taken daarvoor zijn beëindigd.
                """.formatted(request.reference(), request.title(),
                Vocabulary.labelOf(DecisionOutcome.class, decision.outcome()).toLowerCase(Locale.ROOT)
                        + (decision.instrument() == null ? "" : ", " + Instruments.label(decision.instrument())
                        .toLowerCase(Locale.ROOT)),
                date(revokedOn), reason);
        return new Letter("Intrekking van het besluit op uw verzoek " + request.reference(), body + Letter.SIGNATURE);
    }

    /** A join names the decision it asked to join: its reference, focus area, date and instrument. */
    private String original(JoinContent join) {
        return requests.findByReference(join.precedent()).flatMap(precedent -> decisions.onRequest(precedent.id())
                .map(original -> "\nU vroeg aan te sluiten bij het besluit op verzoek " + precedent.reference() + " ("
                        + referenceData.focusArea(precedent.focusAreaCode()).map(area -> area.name())
                                .orElse(precedent.focusAreaCode())
                        + ") van " + date(original.decidedAt().atZoneSameInstant(nl.doorbraak.platform.CaseClock.DUTCH_TIME)
                                .toLocalDate()) + ": " + Instruments.label(original.instrument()).toLowerCase(Locale.ROOT)
                        + ", " + join.rule() + "."))
                .orElse("");
    }

    private String abbreviation(String ministryCode) {
        return referenceData.ministry(ministryCode).map(Ministry::abbreviation).orElse(ministryCode);
    }

    private String regulationName(String code) {
        return referenceData.regulation(code).map(Regulation::name).orElse(code);
    }

    private static String date(LocalDate date) {
        return date == null ? null : DUTCH_DATE.format(date);
    }

    /** A date as a letter writes it: "1 januari 2028". */
    static String dutch(LocalDate date) {
        return date == null ? "" : date(date);
    }
}
