package nl.doorbraak.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.platform.validation.FieldError;
import nl.doorbraak.platform.validation.InvalidInputException;

/**
 * The period a report covers, in Dutch time: a half-year ({@code 2026-H1}), a year
 * ({@code 2026}) or from/to dates (both inclusive). {@code from} is the first moment, {@code to}
 * the first moment after the period.
 */
record ReportPeriod(String label, String dutchLabel, LocalDate firstDay, LocalDate lastDay) {

    private static final Pattern HALF_YEAR = Pattern.compile("^(\\d{4})-H([12])$");
    private static final Pattern YEAR = Pattern.compile("^(\\d{4})$");
    private static final int EARLIEST = 2020;
    private static final int LATEST = 2100;

    Instant from() {
        return firstDay.atStartOfDay(CaseClock.DUTCH_TIME).toInstant();
    }

    Instant to() {
        return lastDay.plusDays(1).atStartOfDay(CaseClock.DUTCH_TIME).toInstant();
    }

    /** The half-year before the one that holds the given day: what is reported when that half-year starts. */
    static ReportPeriod halfYearBefore(LocalDate day) {
        LocalDate previous = day.minusMonths(6);
        return parse((previous.getYear()) + "-H" + (previous.getMonthValue() <= 6 ? 1 : 2), null, null);
    }

    /** Reads {@code period}, or {@code from} and {@code to}; every mistake is reported at once. */
    static ReportPeriod parse(String period, String from, String to) {
        List<FieldError> errors = new ArrayList<>();
        if (period != null && (from != null || to != null)) {
            errors.add(new FieldError("period", "Geef een periode of een begin- en einddatum, niet allebei."));
            throw new InvalidInputException(errors);
        }
        if (period != null) {
            Matcher half = HALF_YEAR.matcher(period);
            Matcher year = YEAR.matcher(period);
            if (half.matches() && inRange(Integer.parseInt(half.group(1)))) {
                int y = Integer.parseInt(half.group(1));
                boolean first = half.group(2).equals("1");
                return new ReportPeriod(period, (first ? "eerste" : "tweede") + " helft van " + y,
                        LocalDate.of(y, first ? 1 : 7, 1), LocalDate.of(y, first ? 6 : 12, first ? 30 : 31));
            }
            if (year.matches() && inRange(Integer.parseInt(year.group(1)))) {
                int y = Integer.parseInt(year.group(1));
                return new ReportPeriod(period, String.valueOf(y), LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
            }
            errors.add(new FieldError("period", "Periode moet een halfjaar (bijvoorbeeld 2026-H1) of een jaar "
                    + "(bijvoorbeeld 2026) zijn, tussen " + EARLIEST + " en " + LATEST + "."));
            throw new InvalidInputException(errors);
        }
        LocalDate first = date("from", "Begindatum", from, errors);
        LocalDate last = date("to", "Einddatum", to, errors);
        if (first != null && last != null && last.isBefore(first)) {
            errors.add(new FieldError("to", "Einddatum mag niet voor de begindatum liggen."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new ReportPeriod(first + "/" + last, first + " tot en met " + last, first, last);
    }

    private static LocalDate date(String key, String label, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(key, label + " is verplicht (of geef een periode, bijvoorbeeld period=2026-H1)."));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (inRange(date.getYear())) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        errors.add(new FieldError(key, label + " moet een datum zijn (JJJJ-MM-DD) tussen " + EARLIEST + " en "
                + LATEST + "."));
        return null;
    }

    private static boolean inRange(int year) {
        return year >= EARLIEST && year <= LATEST;
    }
}
