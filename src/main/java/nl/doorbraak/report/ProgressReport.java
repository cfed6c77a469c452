package nl.doorbraak.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The content of a progress report, the same in every format. Counts are about the period;
 * "open" and "past deadline" are as of the end of the period (or now, for a period not yet
 * over). Durations are in days, to two decimals. Percentiles use the nearest-rank method; the
 * median of an even number of values is the mean of the middle two.
 */
record ProgressReport(Scope scope, Counts total, List<KindCounts> perKind, List<AreaCounts> perFocusArea,
                      List<DomainCounts> perRuleDomain, List<MinistryAssessments> perMinistry, LeadTime leadTime,
                      List<Bottleneck> recurringBottlenecks, List<RecurringObstacleSignal> signals,
                      List<Breakthrough> breakthroughs, Budgets budgets,
                      List<PastDeadline> pastDeadline, ImplementationSection implementation,
                      CaseDeadlineSection caseDeadlines) {

    /** What the report covers and for whom it was made. */
    record Scope(String period, String periodLabel, LocalDate firstDay, LocalDate lastDay, Instant asOf,
                 String municipality, String municipalityName) {
    }

    /** What happened to requests in the period; {@code open} is at its end. */
    /**
     * What happened to requests in the period and what was open at its end. {@code decisionsRevoked}
     * counts the decisions the programme director revoked in the period; they stay counted among the
     * decisions taken in the period they were taken, as the register keeps them.
     */
    record Counts(long submitted, long decided, long granted, long partlyGranted, long rejected,
                  long decisionsRevoked, long withdrawn, long lapsed, long open) {
    }

    record KindCounts(String kind, String kindLabel, Counts counts) {
    }

    record AreaCounts(String municipality, String municipalityName, String focusArea, String focusAreaName,
                      Counts counts) {
    }

    record DomainCounts(String ruleDomain, String ruleDomainName, Counts counts) {
    }

    /** Assessments a ministry completed in the period, how long they took, and how many were late. */
    record MinistryAssessments(String ministry, String ministryName, long completed, BigDecimal medianDays,
                               BigDecimal p90Days, long completedLate, long openPastDeadline) {

        long overdue() {
            return completedLate + openPastDeadline;
        }
    }

    /** From submission to decision, for the decisions taken in the period. */
    record LeadTime(long decisions, BigDecimal medianDays, BigDecimal p90Days) {
    }

    /**
     * A national rule or rule domain raised by two or more municipalities: a candidate for a
     * structural change. A rule from the catalogue has its id and BWB id; a rule only named in
     * free text (not linked to the catalogue) and a rule domain have neither.
     */
    record Bottleneck(String type, String subject, String nationalRule, String bwbId, List<String> municipalities,
                      List<CaseRef> cases) {
    }

    record CaseRef(String reference, String municipalityName, String title, String status) {
    }

    /**
     * A recurring obstacle put to the responsible ministry (a signal), as it stood at the end of the
     * period: {@code state} is {@code open}, {@code past-deadline} or {@code answered}; the answer
     * only once given within the period. {@code linkedRequests} counts the requests linked then (in
     * a municipality's report: its own).
     */
    record RecurringObstacleSignal(String reference, String nationalRule, String subject, String bwbId,
                                   String article, String ministry, String ministryName, LocalDate startedOn,
                                   LocalDate dueOn, String state, String answerKind, String answerKindLabel,
                                   String answer, LocalDate answeredOn, long linkedRequests) {
    }

    /** A granted (or partly granted) decision, and where its evaluation stands at the end of the period. */
    record Breakthrough(String reference, String municipalityName, String focusAreaName, String title, String kind,
                        String outcome, String instrument, LocalDate decidedOn, LocalDate evaluationDate,
                        String evaluationStatus) {
    }

    /** Amounts asked (requests submitted in the period) and granted (decisions in the period). */
    record Budgets(BigDecimal askedTotal, BigDecimal grantedTotal, List<BudgetRow> perMinistry,
                   List<BudgetRow> perFocusArea) {
    }

    record BudgetRow(String code, String name, BigDecimal asked, BigDecimal granted) {
    }

    /** An open step of an open request whose due date had passed at the end of the period. */
    record PastDeadline(String reference, String municipalityName, String title, String step, Instant dueAt,
                        BigDecimal daysOverdue) {
    }
}
