package nl.doorbraak.report;

import static nl.doorbraak.report.ReportStatistics.capitalised;
import static nl.doorbraak.report.ReportStatistics.days;
import static nl.doorbraak.report.ReportStatistics.median;
import static nl.doorbraak.report.ReportStatistics.percentile;
import static nl.doorbraak.report.ReportStatistics.seconds;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.doorbraak.platform.validation.Amounts;
import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.reference.ReferenceData;
import nl.doorbraak.report.ProgressReport.AreaCounts;
import nl.doorbraak.report.ProgressReport.Bottleneck;
import nl.doorbraak.report.ProgressReport.Breakthrough;
import nl.doorbraak.report.ProgressReport.BudgetRow;
import nl.doorbraak.report.ProgressReport.Budgets;
import nl.doorbraak.report.ProgressReport.CaseRef;
import nl.doorbraak.report.ProgressReport.Counts;
import nl.doorbraak.report.ProgressReport.DomainCounts;
import nl.doorbraak.report.ProgressReport.KindCounts;
import nl.doorbraak.report.ProgressReport.LeadTime;
import nl.doorbraak.report.ProgressReport.MinistryAssessments;
import nl.doorbraak.report.ProgressReport.PastDeadline;
import nl.doorbraak.report.ProgressReport.RecurringObstacleSignal;
import nl.doorbraak.request.Instruments;
import nl.doorbraak.request.RequestKind;
import nl.doorbraak.request.RequestStatus;
import nl.doorbraak.signal.AnswerKind;

/**
 * Computes a progress report from the case files, the decision register and the engine's
 * history, for all requests or those of one municipality. Everything is read in one
 * repeatable-read transaction, so the sections agree with each other.
 */
@Service
class ProgressReports {

    /** A DMN engine of its own, without the process engine's history. */
    /** The key prefix of a rule from the catalogue, apart from the keys of rules in free text. */
    private static final String CATALOGUE = "catalogue:";
    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    /** What happened to the requests of a group: in the period, and open at its end. */
    private static final String COUNTS = """
            SUM(CASE WHEN r.submitted_at >= :from AND r.submitted_at < :to THEN 1 ELSE 0 END) AS submitted,
            SUM(CASE WHEN d.decided_at >= :from AND d.decided_at < :to THEN 1 ELSE 0 END) AS decided,
            SUM(CASE WHEN d.decided_at >= :from AND d.decided_at < :to AND d.outcome = 'granted' THEN 1 ELSE 0 END) AS granted,
            SUM(CASE WHEN d.decided_at >= :from AND d.decided_at < :to AND d.outcome = 'partly-granted' THEN 1 ELSE 0 END)
                AS partly_granted,
            SUM(CASE WHEN d.decided_at >= :from AND d.decided_at < :to AND d.outcome = 'rejected' THEN 1 ELSE 0 END) AS rejected,
            SUM(CASE WHEN d.revoked_at >= :from AND d.revoked_at < :to THEN 1 ELSE 0 END) AS decisions_revoked,
            SUM(CASE WHEN r.status = 'withdrawn' AND r.closed_at >= :from AND r.closed_at < :to THEN 1 ELSE 0 END) AS withdrawn,
            SUM(CASE WHEN r.status = 'lapsed' AND r.closed_at >= :from AND r.closed_at < :to THEN 1 ELSE 0 END) AS lapsed,
            SUM(CASE WHEN (d.decided_at IS NULL OR d.decided_at >= :asOf)
                      AND NOT (r.status IN ('withdrawn', 'lapsed') AND r.closed_at < :asOf) THEN 1 ELSE 0 END) AS still_open
            """;

    private final JdbcClient jdbc;
    private final ReferenceData referenceData;
    private final ProcessEngine processEngine;
    private final ObjectMapper objectMapper;

    ProgressReports(JdbcClient jdbc, ReferenceData referenceData, ProcessEngine processEngine,
                    ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.referenceData = referenceData;
        this.processEngine = processEngine;
        this.objectMapper = objectMapper;
    }

    /** The report for the period, over every request, or over one municipality's requests only. */
    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    public ProgressReport build(ReportPeriod period, String municipality) {
        Instant now = CaseClock.now().toInstant();
        Instant asOf = period.to().isBefore(now) ? period.to() : now;
        ReportQuery query = new ReportQuery(period.from(), period.to(), asOf, municipality);
        ReportNames names = new ReportNames(referenceData);
        return new ProgressReport(
                new ProgressReport.Scope(period.label(), period.dutchLabel(), period.firstDay(), period.lastDay(),
                        asOf, municipality, municipality == null ? null : names.municipality(municipality)),
                totals(query),
                perKind(query),
                perFocusArea(query, names),
                perRuleDomain(query, names),
                perMinistry(query, names),
                leadTime(query),
                bottlenecks(query, names),
                signals(query, names),
                breakthroughs(query, names),
                budgets(query, names),
                pastDeadline(query, names),
                ImplementationSection.build(jdbc, query, names),
                CaseDeadlineSection.build(jdbc, query, names));
    }

    // --- counts

    private Counts totals(ReportQuery query) {
        return query.sql(jdbc, "SELECT " + COUNTS + " FROM report_request r LEFT JOIN report_decision d ON d.request_id = r.id "
                + "WHERE r.submitted_at < :asOf" + query.municipalityFilter()).query(ProgressReports::counts).single();
    }

    private List<KindCounts> perKind(ReportQuery query) {
        Map<String, Counts> counts = new HashMap<>();
        query.sql(jdbc, "SELECT r.kind, " + COUNTS + " FROM report_request r LEFT JOIN report_decision d ON d.request_id = r.id "
                        + "WHERE r.submitted_at < :asOf" + query.municipalityFilter() + " GROUP BY r.kind")
                .query((rs, row) -> counts.put(rs.getString("kind"), counts(rs, row))).list();
        List<KindCounts> kinds = new ArrayList<>();
        for (RequestKind kind : RequestKind.values()) {
            kinds.add(new KindCounts(kind.code(), capitalised(kind.dutchName()),
                    counts.getOrDefault(kind.code(), new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0))));
        }
        return kinds;
    }

    private List<AreaCounts> perFocusArea(ReportQuery query, ReportNames names) {
        return query.sql(jdbc, "SELECT r.municipality_code, r.focus_area_code, " + COUNTS
                        + " FROM report_request r LEFT JOIN report_decision d ON d.request_id = r.id WHERE r.submitted_at < :asOf"
                        + query.municipalityFilter() + " GROUP BY r.municipality_code, r.focus_area_code")
                .query((rs, row) -> new AreaCounts(rs.getString("municipality_code"),
                        names.municipality(rs.getString("municipality_code")), rs.getString("focus_area_code"),
                        names.focusArea(rs.getString("focus_area_code")), counts(rs, row)))
                .list().stream()
                .sorted(java.util.Comparator.comparing(AreaCounts::municipalityName).thenComparing(AreaCounts::focusAreaName))
                .toList();
    }

    private List<DomainCounts> perRuleDomain(ReportQuery query, ReportNames names) {
        return query.sql(jdbc, "SELECT rd.rule_domain_code, " + COUNTS
                        + " FROM report_request r JOIN report_request_rule_domain rd ON rd.request_id = r.id"
                        + " LEFT JOIN report_decision d ON d.request_id = r.id WHERE r.submitted_at < :asOf"
                        + query.municipalityFilter() + " GROUP BY rd.rule_domain_code ORDER BY rd.rule_domain_code")
                .query((rs, row) -> new DomainCounts(rs.getString("rule_domain_code"),
                        names.ruleDomain(rs.getString("rule_domain_code")), counts(rs, row)))
                .list();
    }

    private static Counts counts(ResultSet rs, int row) throws SQLException {
        return new Counts(rs.getLong("submitted"), rs.getLong("decided"), rs.getLong("granted"),
                rs.getLong("partly_granted"), rs.getLong("rejected"), rs.getLong("decisions_revoked"),
                rs.getLong("withdrawn"), rs.getLong("lapsed"), rs.getLong("still_open"));
    }

    // --- ministries and lead times

    private List<MinistryAssessments> perMinistry(ReportQuery query, ReportNames names) {
        Map<String, List<Long>> durations = new TreeMap<>();
        Map<String, Long> late = new HashMap<>();
        query.sql(jdbc, """
                        SELECT a.ministry_code, a.requested_at, a.advised_at, a.due_at
                        FROM report_advice a JOIN report_request r ON r.id = a.request_id
                        WHERE a.advised_at >= :from AND a.advised_at < :to""" + query.municipalityFilter())
                .query((rs, row) -> {
                    String ministry = rs.getString("ministry_code");
                    OffsetDateTime advised = rs.getObject("advised_at", OffsetDateTime.class);
                    OffsetDateTime due = rs.getObject("due_at", OffsetDateTime.class);
                    durations.computeIfAbsent(ministry, key -> new ArrayList<>()).add(seconds(
                            rs.getObject("requested_at", OffsetDateTime.class), advised));
                    if (due != null && advised.isAfter(due)) {
                        late.merge(ministry, 1L, Long::sum);
                    }
                    return ministry;
                }).list();
        Map<String, Long> openLate = new HashMap<>();
        query.sql(jdbc, """
                        SELECT l.GROUP_ID_ AS candidate, COUNT(DISTINCT t.ID_) AS tasks
                        FROM ACT_HI_TASKINST t
                        JOIN ACT_HI_PROCINST p ON p.ID_ = t.PROC_INST_ID_
                        JOIN report_request r ON r.reference = p.BUSINESS_KEY_
                        JOIN ACT_HI_IDENTITYLINK l ON l.TASK_ID_ = t.ID_ AND l.TYPE_ = 'candidate'
                        WHERE t.TASK_DEF_KEY_ = 'Task_Assess' AND t.START_TIME_ < :asOfEngine
                          AND (t.END_TIME_ IS NULL OR t.END_TIME_ >= :asOfEngine) AND t.DUE_DATE_ < :asOfEngine"""
                        + query.municipalityFilter() + " GROUP BY l.GROUP_ID_")
                .query((rs, row) -> {
                    String group = rs.getString("candidate");
                    if (group != null && group.startsWith("ministry-")) {
                        openLate.merge(group.substring("ministry-".length()), rs.getLong("tasks"), Long::sum);
                    }
                    return group;
                }).list();
        Set<String> ministries = new java.util.TreeSet<>(durations.keySet());
        ministries.addAll(openLate.keySet());
        List<MinistryAssessments> rows = new ArrayList<>();
        for (String ministry : ministries) {
            List<Long> values = durations.getOrDefault(ministry, List.of());
            rows.add(new MinistryAssessments(ministry, names.ministry(ministry), values.size(), days(median(values)),
                    days(percentile(values, 90)), late.getOrDefault(ministry, 0L), openLate.getOrDefault(ministry, 0L)));
        }
        return rows;
    }

    private LeadTime leadTime(ReportQuery query) {
        List<Long> durations = query.sql(jdbc, """
                        SELECT r.submitted_at, d.decided_at FROM report_decision d JOIN report_request r ON r.id = d.request_id
                        WHERE d.decided_at >= :from AND d.decided_at < :to""" + query.municipalityFilter())
                .query((rs, row) -> seconds(rs.getObject("submitted_at", OffsetDateTime.class),
                        rs.getObject("decided_at", OffsetDateTime.class))).list();
        return new LeadTime(durations.size(), days(median(durations)), days(percentile(durations, 90)));
    }

    // --- bottlenecks and breakthroughs

    /**
     * The same national rule or the same rule domain in rule-change requests of two or more
     * municipalities, over every request submitted up to the end of the period: recurrence builds
     * up over time. A rule is the catalogue entry the request is linked to (V15's
     * {@code report_request_rule}), whatever words the municipality used for it; a request not
     * linked to the catalogue counts by its free text (ignoring case and spacing).
     */
    private List<Bottleneck> bottlenecks(ReportQuery query, ReportNames names) {
        Map<String, List<Object[]>> byRule = new LinkedHashMap<>();
        Map<String, String> ruleNames = new HashMap<>();
        Map<String, String[]> catalogue = new HashMap<>();
        jdbc.sql("SELECT id, name, bwb_id FROM report_national_rule")
                .query((rs, row) -> catalogue.put(rs.getString("id"), new String[] {rs.getString("name"),
                        rs.getString("bwb_id")})).list();
        query.sql(jdbc, """
                        SELECT r.reference, r.municipality_code, r.title, r.status, r.regulation, rr.national_rule_id,
                               CASE WHEN r.regulation IS NULL THEN r.payload END AS payload
                        FROM report_request r LEFT JOIN report_request_rule rr ON rr.request_id = r.id
                        WHERE r.kind = 'rule-change' AND r.submitted_at < :asOf"""
                        + query.municipalityFilter() + " ORDER BY r.submitted_at, r.reference")
                .query((rs, row) -> {
                    String nationalRule = rs.getString("national_rule_id");
                    if (nationalRule != null) {
                        byRule.computeIfAbsent(CATALOGUE + nationalRule, k -> new ArrayList<>()).add(caseRow(rs));
                        return null;
                    }
                    String regulation = rs.getString("regulation") != null ? rs.getString("regulation")
                            : regulationIn(rs.getString("payload"));
                    if (regulation != null && !regulation.isBlank()) {
                        String key = regulation.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
                        ruleNames.putIfAbsent(key, regulation.strip());
                        byRule.computeIfAbsent(key, k -> new ArrayList<>()).add(caseRow(rs));
                    }
                    return null;
                }).list();
        Map<String, List<Object[]>> byDomain = new TreeMap<>();
        query.sql(jdbc, """
                        SELECT rd.rule_domain_code, r.reference, r.municipality_code, r.title, r.status
                        FROM report_request_rule_domain rd JOIN report_request r ON r.id = rd.request_id
                        WHERE r.submitted_at < :asOf""" + query.municipalityFilter()
                        + " ORDER BY r.submitted_at, r.reference")
                .query((rs, row) -> byDomain.computeIfAbsent(rs.getString("rule_domain_code"), k -> new ArrayList<>())
                        .add(caseRow(rs))).list();
        List<Bottleneck> bottlenecks = new ArrayList<>();
        byRule.forEach((key, cases) -> {
            if (key.startsWith(CATALOGUE)) {
                String id = key.substring(CATALOGUE.length());
                String[] entry = catalogue.getOrDefault(id, new String[] {id, null});
                recurring("rule", entry[0], id, entry[1], cases, names).ifPresent(bottlenecks::add);
            } else {
                recurring("rule", ruleNames.get(key), null, null, cases, names).ifPresent(bottlenecks::add);
            }
        });
        byDomain.forEach((domain, cases) -> recurring("rule-domain", names.ruleDomain(domain), null, null, cases, names)
                .ifPresent(bottlenecks::add));
        return bottlenecks;
    }

    private static Object[] caseRow(ResultSet rs) throws SQLException {
        return new Object[] {rs.getString("reference"), rs.getString("municipality_code"), rs.getString("title"),
                rs.getString("status")};
    }

    private java.util.Optional<Bottleneck> recurring(String type, String subject, String nationalRule, String bwbId,
                                                     List<Object[]> cases, ReportNames names) {
        Set<String> municipalities = new LinkedHashSet<>();
        cases.forEach(row -> municipalities.add((String) row[1]));
        if (municipalities.size() < 2) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Bottleneck(type, subject, nationalRule, bwbId,
                municipalities.stream().map(names::municipality).sorted().toList(),
                cases.stream().map(row -> new CaseRef((String) row[0], names.municipality((String) row[1]),
                        (String) row[2], RequestStatus.labelOf((String) row[3]))).toList()));
    }

    private String regulationIn(String payload) {
        if (payload == null) {
            return null;
        }
        try {
            return objectMapper.readTree(payload).path("regulation").asText(null);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }

    /**
     * The signals started up to the end of the period, as they stood then. A municipality's report
     * shows the signals one of its requests was linked to, and counts only those requests.
     */
    private List<RecurringObstacleSignal> signals(ReportQuery query, ReportNames names) {
        Map<String, String[]> catalogue = new HashMap<>();
        jdbc.sql("SELECT id, name, bwb_id FROM report_national_rule")
                .query((rs, row) -> catalogue.put(rs.getString("id"), new String[] {rs.getString("name"),
                        rs.getString("bwb_id")})).list();
        return query.sql(jdbc, """
                        SELECT s.reference, s.national_rule_id, s.article_key, s.ministry_code, s.created_at, s.due_at,
                               s.answer_kind, s.answer, s.answered_at,
                               (SELECT COUNT(*) FROM report_signal_request l JOIN report_request r ON r.id = l.request_id
                                WHERE l.signal_id = s.id AND l.linked_at < :asOf
                                  AND (l.unlinked_at IS NULL OR l.unlinked_at >= :asOf)""" + query.municipalityFilter()
                        + ") AS linked FROM report_signals s WHERE s.created_at < :asOf ORDER BY s.created_at, s.reference")
                .query((rs, row) -> {
                    OffsetDateTime due = rs.getObject("due_at", OffsetDateTime.class);
                    OffsetDateTime answered = rs.getObject("answered_at", OffsetDateTime.class);
                    boolean answeredThen = answered != null && answered.toInstant().isBefore(query.asOf());
                    String state = answeredThen ? "answered"
                            : due != null && due.toInstant().isBefore(query.asOf()) ? "past-deadline" : "open";
                    String rule = rs.getString("national_rule_id");
                    String[] entry = catalogue.getOrDefault(rule, new String[] {rule, null});
                    String answerKind = answeredThen ? rs.getString("answer_kind") : null;
                    return new RecurringObstacleSignal(rs.getString("reference"), rule, entry[0], entry[1],
                            rs.getString("article_key"), rs.getString("ministry_code"),
                            names.ministry(rs.getString("ministry_code")), dutchDay(rs.getObject("created_at",
                            OffsetDateTime.class)), due == null ? null : dutchDay(due), state, answerKind,
                            AnswerKind.labelOf(answerKind), answeredThen ? rs.getString("answer") : null,
                            answeredThen ? dutchDay(answered) : null, rs.getLong("linked"));
                }).list().stream()
                .filter(signal -> query.municipality() == null || signal.linkedRequests() > 0)
                .toList();
    }

    private static LocalDate dutchDay(OffsetDateTime moment) {
        return moment.atZoneSameInstant(CaseClock.DUTCH_TIME).toLocalDate();
    }

    private List<Breakthrough> breakthroughs(ReportQuery query, ReportNames names) {
        LocalDate asOfDay = query.asOf().atZone(CaseClock.DUTCH_TIME).toLocalDate();
        Map<String, java.util.function.UnaryOperator<LocalDate>> deliveryPeriods = new HashMap<>();
        return query.sql(jdbc, """
                        SELECT r.reference, r.municipality_code, r.focus_area_code, r.title, r.kind, r.urgency,
                               d.outcome, d.instrument, d.decided_at, d.evaluation_date, d.evaluation_delivered_at,
                               d.revoked_at
                        FROM report_decision d JOIN report_request r ON r.id = d.request_id
                        WHERE d.decided_at >= :from AND d.decided_at < :to AND d.outcome IN ('granted', 'partly-granted')"""
                        + query.municipalityFilter() + " ORDER BY d.decided_at, r.reference")
                .query((rs, row) -> {
                    LocalDate evaluation = rs.getObject("evaluation_date", LocalDate.class);
                    OffsetDateTime delivered = rs.getObject("evaluation_delivered_at", OffsetDateTime.class);
                    OffsetDateTime revoked = rs.getObject("revoked_at", OffsetDateTime.class);
                    String status;
                    if (revoked != null && revoked.toInstant().isBefore(query.asOf())) {
                        status = "revoked";
                    } else if (evaluation == null) {
                        status = "not-applicable";
                    } else if (delivered != null && delivered.toInstant().isBefore(query.asOf())) {
                        status = "delivered";
                    } else {
                        var allowed = deliveryPeriods.computeIfAbsent(rs.getString("urgency"), this::deliveryPeriod);
                        status = asOfDay.isAfter(allowed.apply(evaluation)) ? "late" : "due";
                    }
                    return new Breakthrough(rs.getString("reference"), names.municipality(rs.getString("municipality_code")),
                            names.focusArea(rs.getString("focus_area_code")), rs.getString("title"), rs.getString("kind"),
                            rs.getString("outcome"), Instruments.label(rs.getString("instrument")),
                            rs.getObject("decided_at", OffsetDateTime.class).atZoneSameInstant(CaseClock.DUTCH_TIME)
                                    .toLocalDate(), evaluation, status);
                }).list();
    }

    /**
     * How long a municipality has to deliver an evaluation: the deployed {@code deadlines} table,
     * as for its task. Evaluated by the DMN engine alone: a report writes no decision history.
     */
    private java.util.function.UnaryOperator<LocalDate> deliveryPeriod(String urgency) {
        DecisionDefinition definition = processEngine.getRepositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey("deadlines").latestVersion().singleResult();
        try (java.io.InputStream model = processEngine.getRepositoryService().getDecisionModel(definition.getId())) {
            DmnDecision deadlines = DMN.parseDecision("deadlines", model);
            var rule = DMN.evaluateDecisionTable(deadlines, Variables.createVariables()
                    .putValue("taskType", "evaluation-delivery").putValue("urgency", urgency)).getSingleResult();
            Period period = Period.parse(rule.getEntry("period").toString());
            // the table says whether its days are working days (docs/processes.md section 4)
            return "working-days".equals(rule.getEntry("counting"))
                    ? day -> nl.doorbraak.platform.time.WorkingDays.plus(day, period.getDays())
                    : day -> day.plus(period);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // --- budgets and deadlines

    private Budgets budgets(ReportQuery query, ReportNames names) {
        Map<String, BigDecimal[]> perMinistry = new TreeMap<>();
        Map<String, BigDecimal[]> perArea = new TreeMap<>();
        query.sql(jdbc, """
                        SELECT l.ministry_code, r.focus_area_code, SUM(l.amount) AS amount
                        FROM report_request_budget_line l JOIN report_request r ON r.id = l.request_id
                        WHERE r.submitted_at >= :from AND r.submitted_at < :to""" + query.municipalityFilter()
                        + " GROUP BY l.ministry_code, r.focus_area_code")
                .query((rs, row) -> add(perMinistry, perArea, rs, 0)).list();
        query.sql(jdbc, """
                        SELECT g.ministry_code, r.focus_area_code, SUM(g.granted_amount) AS amount
                        FROM report_decision_budget_line g JOIN report_decision d ON d.id = g.decision_id
                        JOIN report_request r ON r.id = d.request_id
                        WHERE d.decided_at >= :from AND d.decided_at < :to""" + query.municipalityFilter()
                        + " GROUP BY g.ministry_code, r.focus_area_code")
                .query((rs, row) -> add(perMinistry, perArea, rs, 1)).list();
        List<BudgetRow> ministries = new ArrayList<>();
        perMinistry.forEach((code, amounts) -> ministries.add(new BudgetRow(code, names.ministry(code), amounts[0], amounts[1])));
        List<BudgetRow> areas = new ArrayList<>();
        perArea.forEach((code, amounts) -> areas.add(new BudgetRow(code, names.focusArea(code), amounts[0], amounts[1])));
        return new Budgets(Amounts.sum(ministries.stream().map(BudgetRow::asked).toList()),
                Amounts.sum(ministries.stream().map(BudgetRow::granted).toList()), ministries, areas);
    }

    private static Object add(Map<String, BigDecimal[]> perMinistry, Map<String, BigDecimal[]> perArea, ResultSet rs,
                              int column) throws SQLException {
        BigDecimal amount = rs.getBigDecimal("amount").setScale(2, RoundingMode.UNNECESSARY);
        perMinistry.computeIfAbsent(rs.getString("ministry_code"), key -> zeros())[column] =
                perMinistry.get(rs.getString("ministry_code"))[column].add(amount);
        perArea.computeIfAbsent(rs.getString("focus_area_code"), key -> zeros())[column] =
                perArea.get(rs.getString("focus_area_code"))[column].add(amount);
        return null;
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[] {BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)};
    }

    /** Open steps of requests whose due date had passed at the end of the period (from the engine's history). */
    private List<PastDeadline> pastDeadline(ReportQuery query, ReportNames names) {
        return query.sql(jdbc, """
                        SELECT r.reference, r.municipality_code, r.title, t.NAME_ AS step, t.DUE_DATE_ AS due
                        FROM ACT_HI_TASKINST t
                        JOIN ACT_HI_PROCINST p ON p.ID_ = t.PROC_INST_ID_
                        JOIN report_request r ON r.reference = p.BUSINESS_KEY_
                        WHERE t.START_TIME_ < :asOfEngine AND (t.END_TIME_ IS NULL OR t.END_TIME_ >= :asOfEngine)
                          AND t.DUE_DATE_ < :asOfEngine""" + query.municipalityFilter()
                        + " ORDER BY t.DUE_DATE_, r.reference")
                .query((rs, row) -> {
                    Instant due = rs.getTimestamp("due").toInstant();
                    return new PastDeadline(rs.getString("reference"), names.municipality(rs.getString("municipality_code")),
                            rs.getString("title"), rs.getString("step"), due, days(seconds(due, query.asOf())));
                }).list();
    }
}
