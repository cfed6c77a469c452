package nl.doorbraak.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.doorbraak.decision.DecisionOutcome;
import nl.doorbraak.platform.validation.Vocabulary;
import nl.doorbraak.report.ProgressReport.Counts;

/**
 * The progress report as the tables every format shows, with their Dutch headings, in one
 * order: CSV writes them as they are, HTML and PDF add a chart to some. Cells keep their type
 * (numbers, amounts, dates) so each format can write them its own way.
 */
final class ReportTables {

    /** One section of the report. {@code chart} names the columns drawn as bars, if any. */
    record Table(String id, String title, String note, List<String> columns, List<List<Object>> rows, Chart chart) {
    }

    /** Bars per row: the label column and one or two value columns (e.g. asked and granted). */
    record Chart(String title, int labelColumn, List<Integer> valueColumns) {
    }

    /** A sum of money in a cell, so that formats can show euros. */
    record Euros(BigDecimal amount) {
    }

    static final Map<String, String> EVALUATION = Map.of("due", "Verwacht", "delivered", "Aangeleverd",
            "late", "Te laat", "not-applicable", "Geen evaluatie", "revoked", "Besluit ingetrokken");
    static final Map<String, String> SIGNAL_STATE = Map.of("open", "Open", "past-deadline", "Open, termijn verstreken",
            "answered", "Beantwoord");
    private static final List<String> COUNT_COLUMNS = List.of("Ingediend", "Besloten", "Toegekend",
            "Deels toegekend", "Afgewezen", "Besluit ingetrokken", "Ingetrokken", "Vervallen", "Nog open");

    private ReportTables() {
    }

    static List<Table> of(ProgressReport report) {
        List<Table> tables = new ArrayList<>();

        List<List<Object>> kinds = new ArrayList<>();
        report.perKind().forEach(kind -> kinds.add(withCounts(kind.counts(), kind.kindLabel())));
        kinds.add(withCounts(report.total(), "Totaal"));
        tables.add(new Table("requests", "Verzoeken per soort",
                "Ingediend, besloten, ingetrokken en vervallen in de periode; nog open aan het eind ervan.",
                columns("Soort"), kinds, new Chart("Ingediend en besloten per soort", 0, List.of(1, 2))));

        List<List<Object>> areas = new ArrayList<>();
        report.perFocusArea().forEach(area -> areas.add(withCounts(area.counts(), area.municipalityName(),
                area.focusAreaName())));
        tables.add(new Table("focus-areas", "Verzoeken per gemeente en focusgebied", null,
                columns("Gemeente", "Focusgebied"), areas, null));

        List<List<Object>> domains = new ArrayList<>();
        report.perRuleDomain().forEach(domain -> domains.add(withCounts(domain.counts(), domain.ruleDomainName())));
        tables.add(new Table("rule-domains", "Verzoeken per regeldomein",
                "Verzoeken om regelaanpassing, naar de regeldomeinen waarin de intake ze indeelde.",
                columns("Regeldomein"), domains, null));

        List<List<Object>> ministries = new ArrayList<>();
        report.perMinistry().forEach(ministry -> ministries.add(List.of(ministry.ministryName(), ministry.completed(),
                orDash(ministry.medianDays()), orDash(ministry.p90Days()), ministry.completedLate(),
                ministry.openPastDeadline(), ministry.overdue())));
        tables.add(new Table("ministries", "Beoordelingen per ministerie",
                "Doorlooptijd van de vraag om advies tot het advies, in dagen. Te laat: na de termijn afgerond, of aan "
                        + "het eind van de periode nog open terwijl de termijn verstreken was.",
                List.of("Ministerie", "Afgerond", "Mediaan (dagen)", "90e percentiel (dagen)", "Te laat afgerond",
                        "Open over de termijn", "Totaal te laat"), ministries,
                new Chart("Afgeronde beoordelingen per ministerie", 0, List.of(1))));

        tables.add(new Table("lead-time", "Doorlooptijd van indiening tot besluit",
                "Voor de besluiten in de periode, in dagen.", List.of("Besluiten", "Mediaan (dagen)",
                "90e percentiel (dagen)"), List.of(List.of(report.leadTime().decisions(),
                orDash(report.leadTime().medianDays()), orDash(report.leadTime().p90Days()))), null));

        List<List<Object>> bottlenecks = new ArrayList<>();
        report.recurringBottlenecks().forEach(b -> bottlenecks.add(List.of(
                !"rule".equals(b.type()) ? "Regeldomein" : b.bwbId() == null ? "Regel (niet in de catalogus)" : "Regel",
                b.bwbId() == null ? b.subject() : b.subject() + " (" + b.bwbId() + ")", String.join(", ", b.municipalities()),
                String.join(", ", b.cases().stream().map(c -> c.reference() + " (" + c.municipalityName() + ", "
                        + c.status() + ")").toList()))));
        tables.add(new Table("bottlenecks", "Terugkerende knelpunten",
                "Dezelfde landelijke regel of hetzelfde regeldomein, aangekaart door twee of meer gemeenten tot en met "
                        + "het eind van de periode: kandidaten voor een structurele aanpassing. Een regel uit de catalogus "
                        + "staat met zijn BWB-nummer (wetten.overheid.nl); een verzoek dat niet aan de catalogus is "
                        + "gekoppeld telt mee onder de regeling zoals de gemeente die beschreef.",
                List.of("Soort", "Onderwerp", "Gemeenten", "Verzoeken"), bottlenecks, null));

        List<List<Object>> signals = new ArrayList<>();
        report.signals().forEach(signal -> signals.add(List.of(signal.reference(),
                signal.bwbId() == null ? signal.subject() : signal.subject() + " (" + signal.bwbId() + ")",
                orDash(signal.article()), signal.ministryName(), signal.startedOn(), orDash(signal.dueOn()),
                SIGNAL_STATE.getOrDefault(signal.state(), signal.state()),
                signal.answerKindLabel() == null ? "–" : signal.answerKindLabel() + ": " + signal.answer(),
                orDash(signal.answeredOn()), signal.linkedRequests())));
        tables.add(new Table("signals", "Signalen aan ministeries",
                "Terugkerende knelpunten die als signaal aan het verantwoordelijke ministerie zijn voorgelegd, om een "
                        + "structureel antwoord: de regel aanpassen, een handreiking, een algemene vrijstelling of geen "
                        + "aanpassing met redenen. De stand en het aantal gekoppelde verzoeken zijn die aan het eind van "
                        + "de periode.",
                List.of("Kenmerk", "Regel", "Artikel", "Ministerie", "Gestart op", "Termijn", "Stand", "Antwoord",
                        "Beantwoord op", "Gekoppelde verzoeken"), signals, null));

        List<List<Object>> breakthroughs = new ArrayList<>();
        report.breakthroughs().forEach(b -> breakthroughs.add(List.of(b.reference(), b.municipalityName(),
                b.focusAreaName(), b.title(), Vocabulary.labelOf(DecisionOutcome.class, b.outcome()), orDash(b.instrument()),
                b.decidedOn(), orDash(b.evaluationDate()), EVALUATION.getOrDefault(b.evaluationStatus(), b.evaluationStatus()))));
        tables.add(new Table("breakthroughs", "Doorbraken",
                "(Deels) toegekende besluiten in de periode, met de stand van hun evaluatie aan het eind ervan.",
                List.of("Kenmerk", "Gemeente", "Focusgebied", "Titel", "Besluit", "Instrument", "Besloten op",
                        "Evaluatiedatum", "Evaluatie"), breakthroughs, null));

        List<List<Object>> budgetMinistries = new ArrayList<>();
        report.budgets().perMinistry().forEach(row -> budgetMinistries.add(List.of(row.name(), new Euros(row.asked()),
                new Euros(row.granted()))));
        budgetMinistries.add(List.of("Totaal", new Euros(report.budgets().askedTotal()),
                new Euros(report.budgets().grantedTotal())));
        tables.add(new Table("budgets-ministries", "Ontschotting: bedragen per ministerie",
                "Gevraagd in verzoeken die in de periode zijn ingediend; toegekend in besluiten uit de periode.",
                List.of("Ministerie", "Gevraagd", "Toegekend"), budgetMinistries,
                new Chart("Gevraagd en toegekend per ministerie", 0, List.of(1, 2))));
        List<List<Object>> budgetAreas = new ArrayList<>();
        report.budgets().perFocusArea().forEach(row -> budgetAreas.add(List.of(row.name(), new Euros(row.asked()),
                new Euros(row.granted()))));
        tables.add(new Table("budgets-focus-areas", "Ontschotting: bedragen per focusgebied", null,
                List.of("Focusgebied", "Gevraagd", "Toegekend"), budgetAreas, null));

        List<List<Object>> late = new ArrayList<>();
        report.pastDeadline().forEach(p -> late.add(List.of(p.reference(), p.municipalityName(), p.title(), p.step(),
                p.dueAt(), p.daysOverdue())));
        tables.add(new Table("past-deadline", "Openstaande verzoeken over de termijn",
                "Stappen die aan het eind van de periode openstonden terwijl hun termijn verstreken was.",
                List.of("Kenmerk", "Gemeente", "Titel", "Stap", "Termijn", "Dagen over de termijn"), late, null));
        tables.addAll(report.implementation().tables());
        tables.addAll(report.caseDeadlines().tables());
        return tables;
    }

    private static List<String> columns(String... first) {
        List<String> columns = new ArrayList<>(List.of(first));
        columns.addAll(COUNT_COLUMNS);
        return columns;
    }

    private static List<Object> withCounts(Counts counts, Object... first) {
        List<Object> row = new ArrayList<>(List.of(first));
        row.addAll(List.of(counts.submitted(), counts.decided(), counts.granted(), counts.partlyGranted(),
                counts.rejected(), counts.decisionsRevoked(), counts.withdrawn(), counts.lapsed(), counts.open()));
        return row;
    }

    private static Object orDash(Object value) {
        return value == null ? "–" : value;
    }
}
