package nl.doorbraak.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

/** The arithmetic of the report (docs/report.md): durations in days, medians and percentiles. */
final class ReportStatistics {

    static final long SECONDS_PER_DAY = 86_400;

    private ReportStatistics() {
    }

    static long seconds(OffsetDateTime start, OffsetDateTime end) {
        return Duration.between(start, end).getSeconds();
    }

    static long seconds(Instant start, Instant end) {
        return Duration.between(start, end).getSeconds();
    }

    /** The median in seconds: the middle value, or the mean of the middle two; null without values. */
    static Double median(Collection<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    /** The p-th percentile by the nearest-rank method: the value at rank ceil(p/100 × n). */
    static Double percentile(Collection<Long> values, int p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return (double) sorted.get(Math.max(rank, 1) - 1);
    }

    static BigDecimal days(Double seconds) {
        return seconds == null ? null
                : BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(SECONDS_PER_DAY), 2, RoundingMode.HALF_UP);
    }

    static BigDecimal days(long seconds) {
        return days((double) seconds);
    }

    static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
