package nl.doorbraak.decision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import nl.doorbraak.assessment.Advice;
import nl.doorbraak.assessment.AssessmentRecords;
import nl.doorbraak.assessment.Deadlines;
import nl.doorbraak.notification.FormalLetter;
import nl.doorbraak.notification.LetterTemplates;
import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.platform.validation.Amounts;
import nl.doorbraak.platform.validation.Vocabulary;
import nl.doorbraak.reference.Ministry;
import nl.doorbraak.reference.ReferenceData;
import nl.doorbraak.reference.Regulation;
import nl.doorbraak.request.BudgetLine;
import nl.doorbraak.request.BudgetLines;
import nl.doorbraak.request.BudgetPoolingContent;
import nl.doorbraak.request.CaseLetters;
import nl.doorbraak.request.Instruments;
import nl.doorbraak.request.JoinContent;
import nl.doorbraak.request.RequestContent;
import nl.doorbraak.request.RequestContents;
import nl.doorbraak.request.RequestKind;
import nl.doorbraak.request.RequestRecord;
import nl.doorbraak.request.Requests;
import nl.doorbraak.request.RuleChangeContent;

/**
 * The decision letters: the decision, its amendment and its revocation, as formal decisions under
 * the Awb. The text is in the templates {@code letters/decision*.txt}; this class only gathers
 * what they show: the advice weighed, what is granted and refused per budget line, the term, the
 * pooled amounts per year and when the accountability is due.
 */
@Component
class DecisionLetters {

    private final ReferenceData referenceData;
    private final Requests requests;
    private final RequestContents contents;
    private final Decisions decisions;
    private final AssessmentRecords assessments;
    private final BudgetLines budgetLines;
    private final CaseLetters caseLetters;
    private final Deadlines deadlines;

    DecisionLetters(ReferenceData referenceData, Requests requests, RequestContents contents, Decisions decisions,
                    AssessmentRecords assessments, BudgetLines budgetLines, CaseLetters caseLetters,
                    Deadlines deadlines) {
        this.referenceData = referenceData;
        this.requests = requests;
        this.contents = contents;
        this.decisions = decisions;
        this.assessments = assessments;
        this.budgetLines = budgetLines;
        this.caseLetters = caseLetters;
        this.deadlines = deadlines;
    }

    /**
     * The letter on a decision. {@code accountableYears} are the budget years the municipality
     * accounts for (empty unless a budget pooling is granted); their due dates come from the
     * deadlines table, so this is called inside the process engine.
     */
    FormalLetter decision(RequestRecord request, DecisionRecord decision, List<GrantedLine> granted,
                          List<Integer> accountableYears) {
        Map<String, Object> values = common(request, decision, granted);
        boolean pooling = RequestKind.BUDGET_POOLING.code().equals(request.kind());
        values.put("asked", asked(request));
        values.put("granted", DecisionOutcome.GRANTED.is(decision.outcome()));
        values.put("partlyGranted", DecisionOutcome.PARTLY_GRANTED.is(decision.outcome()));
        values.put("rejected", DecisionOutcome.REJECTED.is(decision.outcome()));
        values.put("partlyGrantedRule", DecisionOutcome.PARTLY_GRANTED.is(decision.outcome()) && !pooling);
        values.put("join", contents.of(request) instanceof JoinContent join ? original(join) : null);
        values.put("term", term(decision));
        values.put("pooling", pooling && !DecisionOutcome.REJECTED.is(decision.outcome())
                ? pooling(request, decision, granted, accountableYears) : null);
        List<Map<String, Object>> advices = new ArrayList<>();
        for (Advice advice : assessments.advicesOn(request.id())) {
            if (advice.advisedAt() != null) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("ministry", ministryName(advice.ministryCode()));
                row.put("outcome", advice.label().toLowerCase(Locale.ROOT));
                row.put("reason", advice.rationale());
                advices.add(row);
            }
        }
        values.put("hasAdvice", !advices.isEmpty());
        values.put("advices", advices);
        return FormalLetter.of("decision", decidedOn(decision), caseLetters.addressee(request), values);
    }

    /**
     * What an amendment changed, one Dutch line per field, e.g. "Ingangsdatum: 1 maart 2027 wordt
     * 1 april 2027"; for budget pooling the granted amount per budget line.
     */
    List<String> changes(DecisionRecord before, List<GrantedLine> linesBefore, DecisionRecord after,
                         List<GrantedLine> linesAfter) {
        List<String> changes = new ArrayList<>();
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
        if (!Objects.equals(before, after)) {
            changes.add(label + ": " + (before == null ? "(geen)" : before) + " wordt " + (after == null ? "(geen)" : after));
        }
    }

    /** The letter on an amended decision: what changed and why, then the decision as it now stands. */
    FormalLetter amendment(RequestRecord request, DecisionRecord original, DecisionRecord amended, int version,
                           List<String> changes, String reason, List<GrantedLine> granted) {
        Map<String, Object> values = common(request, amended, granted);
        values.put("decidedOn", decidedOn(original));
        values.put("version", version);
        values.put("changes", changes);
        values.put("outcome", outcome(amended));
        values.put("endDate", amended.endDate());
        values.put("evaluationDate", amended.evaluationDate());
        values.put("reason", reason);
        return FormalLetter.of("decision-amendment", CaseClock.dutchNow().toLocalDate(), caseLetters.addressee(request),
                values);
    }

    /** The letter on a revoked decision: from when and why; what follows the decision stops. */
    FormalLetter revocation(RequestRecord request, DecisionRecord decision, LocalDate revokedOn, String reason) {
        Map<String, Object> values = common(request, decision, decisions.linesOf(decision));
        values.put("decidedOn", decidedOn(decision));
        values.put("outcome", outcome(decision));
        values.put("revokedOn", revokedOn);
        values.put("instrument", decision.instrument() == null ? null
                : Instruments.label(decision.instrument()).toLowerCase(Locale.ROOT));
        values.put("reason", reason);
        return FormalLetter.of("decision-revocation", revokedOn, caseLetters.addressee(request), values);
    }

    /** What every decision letter names: the request, who decides, the instrument, conditions, budget lines. */
    private Map<String, Object> common(RequestRecord request, DecisionRecord decision, List<GrantedLine> granted) {
        Map<String, Object> values = caseLetters.values(request, deciding(request, granted), request.kind(),
                rule(request));
        values.put("instrument", Instruments.label(decision.instrument()));
        values.put("effectiveDate", decision.effectiveDate());
        values.put("conditions", decision.conditions());
        values.put("rationale", decision.rationale());
        boolean coSigned = CoSignOutcome.CO_SIGNED.is(decision.coSignOutcome());
        values.put("coSigned", coSigned);
        values.put("coSignedBy", coSigned ? decision.coSignedBy() : null);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (GrantedLine line : granted) {
            BigDecimal refused = line.requestedAmount().subtract(line.grantedAmount());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("ministry", abbreviation(line.ministryCode()));
            row.put("regulation", regulationName(line.regulationCode()));
            row.put("requested", Amounts.euros(line.requestedAmount()));
            row.put("granted", Amounts.euros(line.grantedAmount()));
            row.put("refused", refused.signum() > 0 ? Amounts.euros(refused) : null);
            lines.add(row);
        }
        values.put("hasBudgetLines", !lines.isEmpty());
        values.put("budgetLines", lines);
        if (granted.isEmpty()) {
            values.put("totals", null);
        } else {
            BigDecimal grantedTotal = Amounts.sum(granted.stream().map(GrantedLine::grantedAmount).toList());
            BigDecimal requestedTotal = Amounts.sum(granted.stream().map(GrantedLine::requestedAmount).toList());
            BigDecimal refusedTotal = requestedTotal.subtract(grantedTotal);
            values.put("totals", Map.of("grantedTotal", Amounts.euros(grantedTotal),
                    "requestedTotal", Amounts.euros(requestedTotal),
                    "refusedTotal", refusedTotal.signum() > 0 ? Amounts.euros(refusedTotal) : ""));
        }
        return values;
    }

    /** The ministries whose rule or budget it is: those of the budget lines, else those the case was routed to. */
    private List<String> deciding(RequestRecord request, List<GrantedLine> granted) {
        if (!granted.isEmpty()) {
            return granted.stream().map(GrantedLine::ministryCode).distinct().toList();
        }
        return requests.ministriesOf(request.id());
    }

    private String rule(RequestRecord request) {
        RequestContent content = contents.of(request);
        if (content instanceof RuleChangeContent ruleChange) {
            return ruleChange.rule();
        }
        if (content instanceof JoinContent join) {
            return join.rule();
        }
        if (content instanceof BudgetPoolingContent pooling) {
            return String.join("; ", pooling.budgetLines().stream().map(line -> regulationName(line.regulation()))
                    .toList());
        }
        return null;
    }

    /** What the municipality asked for, as the opening of the letter says it. */
    private String asked(RequestRecord request) {
        RequestContent content = contents.of(request);
        String instrument = Instruments.label(content.requestedInstrument());
        String asked = instrument == null ? "een doorbraak" : instrument.toLowerCase(Locale.ROOT);
        if (content instanceof RuleChangeContent ruleChange) {
            return asked + " bij de regel " + ruleChange.rule();
        }
        if (content instanceof JoinContent join) {
            return "aansluiten bij het besluit op verzoek " + join.precedent();
        }
        return "budgetten bundelen, als " + asked;
    }

    /** An experiment or exemption: from its start to its end date, with its evaluation. */
    private static Map<String, Object> term(DecisionRecord decision) {
        if (decision.endDate() == null) {
            return null;
        }
        String name = "experiment".equals(decision.instrument()) ? "het experiment"
                : "temporary-exemption".equals(decision.instrument()) ? "de vrijstelling" : "het besluit";
        Map<String, Object> term = new LinkedHashMap<>();
        term.put("name", name);
        term.put("Name", name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1));
        term.put("endDate", decision.endDate());
        term.put("evaluationDate", decision.evaluationDate());
        return term;
    }

    /**
     * A granted pooling: the years, the granted amount per year (each line's granted amount in
     * equal parts over its years, the last part taking the cents that do not divide), payment by
     * instrument, and the accountability due date per accounted year.
     */
    private Map<String, Object> pooling(RequestRecord request, DecisionRecord decision, List<GrantedLine> granted,
                                        List<Integer> accountableYears) {
        TreeMap<Integer, BigDecimal> perYear = new TreeMap<>();
        for (BudgetLine line : budgetLines.of(request.id())) {
            BigDecimal amount = granted.stream().filter(g -> g.ministryCode().equals(line.ministryCode()))
                    .map(GrantedLine::grantedAmount).findFirst().orElse(BigDecimal.ZERO);
            List<Integer> years = line.years();
            BigDecimal part = amount.divide(BigDecimal.valueOf(years.size()), 2, RoundingMode.DOWN);
            for (int i = 0; i < years.size(); i++) {
                BigDecimal share = i == years.size() - 1
                        ? amount.subtract(part.multiply(BigDecimal.valueOf(years.size() - 1))) : part;
                perYear.merge(years.get(i), share, BigDecimal::add);
            }
        }
        List<Map<String, Object>> years = new ArrayList<>();
        perYear.forEach((year, amount) -> years.add(Map.of("year", year, "amount", Amounts.euros(amount))));
        List<Map<String, Object>> accountability = new ArrayList<>();
        for (Integer year : accountableYears) {
            Date due = deadlines.dueAfter(deadlines.endOfBudgetYear(year), "accountability-report");
            accountability.add(Map.of("year", year, "due",
                    due.toInstant().atZone(CaseClock.DUTCH_TIME).toLocalDate()));
        }
        Map<String, Object> pooling = new LinkedHashMap<>();
        pooling.put("firstYear", perYear.isEmpty() ? "" : perYear.firstKey());
        pooling.put("lastYear", perYear.isEmpty() ? "" : perYear.lastKey());
        pooling.put("years", years);
        pooling.put("payment", LetterTemplates.render("payment-" + decision.instrument(), Map.of()).strip());
        pooling.put("accountability", accountability);
        return pooling;
    }

    /** A join names the decision it asked to join: its reference, focus area, date and instrument. */
    private Map<String, Object> original(JoinContent join) {
        return requests.findByReference(join.precedent()).flatMap(precedent -> decisions.onRequest(precedent.id())
                .map(original -> {
                    Map<String, Object> values = new LinkedHashMap<>();
                    values.put("precedentReference", precedent.reference());
                    values.put("precedentFocusArea", referenceData.focusArea(precedent.focusAreaCode())
                            .map(area -> area.name()).orElse(precedent.focusAreaCode()));
                    values.put("precedentDate", decidedOn(original));
                    values.put("precedentInstrument", Instruments.label(original.instrument()).toLowerCase(Locale.ROOT));
                    values.put("rule", join.rule());
                    return values;
                })).orElse(null);
    }

    private static String outcome(DecisionRecord decision) {
        return Vocabulary.labelOf(DecisionOutcome.class, decision.outcome()).toLowerCase(Locale.ROOT);
    }

    private static LocalDate decidedOn(DecisionRecord decision) {
        return decision.decidedAt().atZoneSameInstant(CaseClock.DUTCH_TIME).toLocalDate();
    }

    private String abbreviation(String ministryCode) {
        return referenceData.ministry(ministryCode).map(Ministry::abbreviation).orElse(ministryCode);
    }

    private String ministryName(String ministryCode) {
        return referenceData.ministry(ministryCode).map(Ministry::name).orElse(ministryCode);
    }

    private String regulationName(String code) {
        return referenceData.regulation(code).map(Regulation::name).orElse(code);
    }

    private static String date(LocalDate date) {
        return date == null ? null : LetterTemplates.date(date);
    }

    /** A date as a letter writes it: "1 januari 2028". */
    static String dutch(LocalDate date) {
        return LetterTemplates.date(date);
    }
}
