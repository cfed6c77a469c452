package nl.doorbraak.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.report.ReportTables.Table;

/**
 * The progress report's section on implementation tracking: the changes of rules promised (a
 * granted law or policy change, an experiment or exemption made structural) up to the end of the
 * period, how many were in force then, and how many were overdue (a stage past its target date, not
 * reached by then); and each change with its stage at the end of the period. Read from the views
 * {@code report_implementation_changes} and {@code report_implementation_stages}.
 */
record ImplementationSection(List<KindCounts> perKind, List<Change> changes) {

    static final Map<String, String> KINDS = Map.of("law", "Wetswijziging", "policy", "Beleidswijziging");
    static final Map<String, String> STATES = Map.of("in-force", "In werking", "overdue", "Te laat",
            "on-schedule", "Op schema", "stopped", "Gestopt: besluit ingetrokken");

    /**
     * Promised, in force, overdue and stopped (its decision revoked before the rule was in force) at
     * the end of the period, per kind of change and in total ({@code total}).
     */
    record KindCounts(String changeKind, String changeKindLabel, long promised, long inForce, long overdue,
                      long stopped) {
    }

    /**
     * A change as it stood at the end of the period: the last stage reached then, the next one with
     * its target date, and its {@code state}: {@code in-force}, {@code overdue}, {@code on-schedule} or
     * {@code stopped}.
     */
    record Change(String reference, String municipalityName, String title, String changeKind, String changeKindLabel,
                  String startedBy, String ministry, String ministryName, LocalDate startedOn, String stageReached,
                  String nextStage, LocalDate nextTargetOn, LocalDate inForceOn, String state) {
    }

    private record Stage(String label, LocalDate targetOn, LocalDate reachedOn, boolean skipped) {
    }

    static ImplementationSection build(JdbcClient jdbc, ReportQuery query, ReportNames names) {
        LocalDate asOfDay = query.asOf().atZone(CaseClock.DUTCH_TIME).toLocalDate();
        Map<UUID, List<Stage>> stages = new HashMap<>();
        jdbc.sql("SELECT change_id, label, target_on, reached_on, skipped FROM report_implementation_stages "
                        + "ORDER BY change_id, sequence")
                .query((rs, row) -> stages.computeIfAbsent(rs.getObject("change_id", UUID.class), id -> new ArrayList<>())
                        .add(new Stage(rs.getString("label"), rs.getObject("target_on", LocalDate.class),
                                rs.getObject("reached_on", LocalDate.class), rs.getBoolean("skipped"))))
                .list();
        List<Change> changes = query.sql(jdbc, """
                        SELECT c.id, r.reference, r.municipality_code, r.title, c.change_kind, c.started_by_step,
                               c.ministry_code, c.started_at, c.in_force_on, c.stopped_at
                        FROM report_implementation_changes c JOIN report_request r ON r.id = c.request_id
                        WHERE c.started_at < :asOf""" + query.municipalityFilter() + " ORDER BY c.started_at, r.reference")
                .query((rs, row) -> {
                    List<Stage> planned = stages.getOrDefault(rs.getObject("id", UUID.class), List.of());
                    LocalDate inForce = rs.getObject("in_force_on", LocalDate.class);
                    boolean inForceThen = inForce != null && !inForce.isAfter(asOfDay);
                    String reached = null;
                    Stage next = null;
                    for (Stage stage : planned) {
                        boolean reachedThen = stage.reachedOn() != null && !stage.reachedOn().isAfter(asOfDay);
                        if (reachedThen) {
                            reached = stage.label();
                            next = null;
                        } else if (next == null && !stage.skipped()) {
                            next = stage;
                        }
                    }
                    OffsetDateTime stopped = rs.getObject("stopped_at", OffsetDateTime.class);
                    boolean stoppedThen = stopped != null && stopped.toInstant().isBefore(query.asOf());
                    if (stoppedThen) {
                        next = null;
                    }
                    boolean overdue = !inForceThen && next != null && next.targetOn().isBefore(asOfDay);
                    String kind = rs.getString("change_kind");
                    return new Change(rs.getString("reference"), names.municipality(rs.getString("municipality_code")),
                            rs.getString("title"), kind, KINDS.getOrDefault(kind, kind), rs.getString("started_by_step"),
                            rs.getString("ministry_code"), names.ministry(rs.getString("ministry_code")),
                            rs.getObject("started_at", OffsetDateTime.class).atZoneSameInstant(CaseClock.DUTCH_TIME)
                                    .toLocalDate(), reached, next == null ? null : next.label(),
                            next == null ? null : next.targetOn(), inForceThen ? inForce : null,
                            inForceThen ? "in-force" : stoppedThen ? "stopped" : overdue ? "overdue" : "on-schedule");
                }).list();
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (String kind : List.of("law", "policy", "total")) {
            counts.put(kind, new long[4]);
        }
        for (Change change : changes) {
            for (String kind : List.of(change.changeKind(), "total")) {
                long[] count = counts.get(kind);
                count[0]++;
                count[1] += "in-force".equals(change.state()) ? 1 : 0;
                count[2] += "overdue".equals(change.state()) ? 1 : 0;
                count[3] += "stopped".equals(change.state()) ? 1 : 0;
            }
        }
        List<KindCounts> perKind = new ArrayList<>();
        counts.forEach((kind, count) -> perKind.add(new KindCounts(kind, KINDS.getOrDefault(kind, "Totaal"),
                count[0], count[1], count[2], count[3])));
        return new ImplementationSection(perKind, changes);
    }

    /** The section's tables for CSV, HTML and PDF. */
    List<Table> tables() {
        List<List<Object>> counted = new ArrayList<>();
        perKind.forEach(kind -> counted.add(List.of(kind.changeKindLabel(), kind.promised(), kind.inForce(),
                kind.overdue(), kind.stopped())));
        List<List<Object>> rows = new ArrayList<>();
        changes.forEach(change -> rows.add(List.of(change.reference(), change.municipalityName(), change.title(),
                change.changeKindLabel(), change.ministryName(), change.startedOn(), orDash(change.stageReached()),
                orDash(change.nextStage()), orDash(change.nextTargetOn()), STATES.get(change.state()))));
        return List.of(
                new Table("implementation", "Doorvoering van toegezegde wijzigingen",
                        "Wijzigingen van regels die een besluit toezegde of die na een evaluatie structureel worden, "
                                + "tot het eind van de periode: hoeveel toen in werking waren, en hoeveel te laat (een fase "
                                + "voorbij zijn streefdatum en nog niet bereikt), en hoeveel gestopt omdat het besluit werd "
                                + "ingetrokken voordat de regel in werking was.",
                        List.of("Soort wijziging", "Toegezegd", "In werking", "Te laat", "Gestopt"), counted, null),
                new Table("implementation-changes", "Stand van de doorvoering per verzoek",
                        "De laatst bereikte fase en de volgende fase met haar streefdatum, aan het eind van de periode.",
                        List.of("Kenmerk", "Gemeente", "Titel", "Soort wijziging", "Ministerie", "Gestart op",
                                "Bereikte fase", "Volgende fase", "Streefdatum", "Stand"), rows, null));
    }

    private static Object orDash(Object value) {
        return value == null ? "–" : value;
    }
}
