package nl.doorbraak.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.platform.time.WorkingDays;
import nl.doorbraak.report.ReportTables.Table;
import nl.doorbraak.request.RequestKind;

/**
 * The progress report's section on case deadlines (doorlooptijden): per kind of request, the
 * requests decided in the period and how many of them after their deadline, and the requests open
 * at the end of the period whose deadline had passed; and each of those late requests. A deadline
 * suspended since before it passed counts as past it; one suspended in time does not. Read from
 * the view {@code report_case_deadlines} as the deadlines stand now, so a suspension or extension
 * after the period moves an open request's deadline in an earlier period's report too.
 */
record CaseDeadlineSection(List<KindCounts> perKind, List<LateCase> cases) {

    static final Map<String, String> STATES = Map.of("open", "Open, over de doorlooptijd",
            "decided-late", "Te laat besloten");

    /** Decided in the period, of which late, and open past the deadline at its end; {@code total} for all kinds. */
    record KindCounts(String kind, String kindLabel, long decided, long decidedLate, long openPastDeadline) {
    }

    /** A request past its deadline: {@code state} is {@code open} or {@code decided-late}. */
    record LateCase(String reference, String municipalityName, String title, String kind, String kindLabel,
                    LocalDate dueOn, int workingDaysOver, String state) {
    }

    static CaseDeadlineSection build(JdbcClient jdbc, ReportQuery query, ReportNames names) {
        LocalDate asOfDay = query.asOf().atZone(CaseClock.DUTCH_TIME).toLocalDate();
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (RequestKind kind : RequestKind.values()) {
            counts.put(kind.code(), new long[3]);
        }
        counts.put("total", new long[3]);
        List<LateCase> cases = new ArrayList<>();
        query.sql(jdbc, """
                        SELECT r.reference, r.kind, r.municipality_code, r.title, c.due_on, c.suspended_since,
                               c.closed_at, c.outcome, c.exceeded_by
                        FROM report_case_deadlines c JOIN report_request r ON r.id = c.request_id
                        WHERE r.submitted_at < :asOf AND (c.closed_at IS NULL OR c.closed_at >= :from)"""
                        + query.municipalityFilter() + " ORDER BY c.due_on, r.reference")
                .query((rs, row) -> {
                    OffsetDateTime closedAt = rs.getObject("closed_at", OffsetDateTime.class);
                    boolean closedThen = closedAt != null && closedAt.toInstant().isBefore(query.asOf());
                    String outcome = rs.getString("outcome");
                    LocalDate due = rs.getObject("due_on", LocalDate.class);
                    LocalDate suspendedSince = rs.getObject("suspended_since", LocalDate.class);
                    String kind = rs.getString("kind");
                    String state = null;
                    int over = 0;
                    if (closedThen && ("met".equals(outcome) || "exceeded".equals(outcome))) {
                        count(counts, kind, 0);
                        if ("exceeded".equals(outcome)) {
                            count(counts, kind, 1);
                            state = "decided-late";
                            over = rs.getInt("exceeded_by");
                        }
                    } else if (!closedThen) {
                        LocalDate upTo = suspendedSince != null && suspendedSince.isBefore(asOfDay) ? suspendedSince : asOfDay;
                        if (upTo.isAfter(due)) {
                            count(counts, kind, 2);
                            state = "open";
                            over = WorkingDays.between(due, upTo);
                        }
                    }
                    if (state != null) {
                        cases.add(new LateCase(rs.getString("reference"), names.municipality(rs.getString("municipality_code")),
                                rs.getString("title"), kind, RequestKind.labelOf(kind), due, over, state));
                    }
                    return row;
                }).list();
        List<KindCounts> perKind = new ArrayList<>();
        counts.forEach((kind, count) -> perKind.add(new KindCounts(kind,
                "total".equals(kind) ? "Totaal" : RequestKind.labelOf(kind), count[0], count[1], count[2])));
        return new CaseDeadlineSection(perKind, cases);
    }

    private static void count(Map<String, long[]> counts, String kind, int column) {
        counts.computeIfAbsent(kind, k -> new long[3])[column]++;
        counts.get("total")[column]++;
    }

    /** The section's tables for CSV, HTML and PDF. */
    List<Table> tables() {
        List<List<Object>> counted = new ArrayList<>();
        perKind.forEach(kind -> counted.add(List.of(kind.kindLabel(), kind.decided(), kind.decidedLate(),
                kind.openPastDeadline())));
        List<List<Object>> rows = new ArrayList<>();
        cases.forEach(late -> rows.add(List.of(late.reference(), late.municipalityName(), late.title(), late.kindLabel(),
                late.dueOn(), late.workingDaysOver(), STATES.get(late.state()))));
        return List.of(
                new Table("case-deadlines", "Verzoeken over de doorlooptijd",
                        "Per soort verzoek: de besluiten in de periode en hoeveel daarvan na de uiterste datum van de "
                                + "doorlooptijd vielen, en de verzoeken die aan het eind van de periode openstonden terwijl "
                                + "hun doorlooptijd verstreken was. Doorlooptijden tellen in werkdagen; een opschorting "
                                + "verlengt ze.",
                        List.of("Soort verzoek", "Besloten", "Te laat besloten", "Open over de doorlooptijd"), counted,
                        null),
                new Table("case-deadlines-late", "Verzoeken over de doorlooptijd per verzoek",
                        "Te laat besloten in de periode, of aan het eind ervan open terwijl de doorlooptijd verstreken was.",
                        List.of("Kenmerk", "Gemeente", "Titel", "Soort verzoek", "Uiterste datum", "Werkdagen over de termijn",
                                "Stand"), rows, null));
    }
}
