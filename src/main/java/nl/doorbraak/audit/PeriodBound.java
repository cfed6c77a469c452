package nl.doorbraak.audit;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import nl.doorbraak.platform.CaseClock;
import nl.doorbraak.platform.validation.FieldError;

/**
 * One end of a period an auditor asks for (export, verification): a date is a whole day in
 * Dutch time (from its start; as the end of a period, up to the start of the next day), a
 * date-time is that moment (Dutch time when it has no offset).
 */
record PeriodBound(Instant instant, boolean date, String display, String fileName) {

    private static final int EARLIEST_YEAR = 1900;
    private static final int LATEST_YEAR = 9999;
    private static final DateTimeFormatter COMPACT_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    /** The bound, or null with the reason added to the errors. */
    static PeriodBound parse(String field, String text, boolean end, List<FieldError> errors) {
        String example = end ? "2026-12-31 of 2027-01-01T00:00:00+01:00" : "2026-01-01 of 2026-01-01T00:00:00+01:00";
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(field, field + " is verplicht: een datum of datum-tijd, bijvoorbeeld "
                    + example + "."));
            return null;
        }
        // an unescaped '+' of a time zone offset arrives as a space
        String value = text.strip().replace(' ', '+');
        PeriodBound bound = null;
        try {
            LocalDate date = LocalDate.parse(value);
            LocalDate startOfPeriodDay = end ? date.plusDays(1) : date;
            bound = new PeriodBound(startOfPeriodDay.atStartOfDay(CaseClock.DUTCH_TIME).toInstant(), true,
                    date.toString(), date.toString());
        } catch (DateTimeException notADate) {
            Instant instant = null;
            try {
                instant = OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeException notWithOffset) {
                try {
                    instant = LocalDateTime.parse(value).atZone(CaseClock.DUTCH_TIME).toInstant();
                } catch (DateTimeException notADateTime) {
                    // reported below
                }
            }
            if (instant != null) {
                bound = new PeriodBound(instant, false, instant.toString(), COMPACT_UTC.format(instant));
            }
        }
        if (bound == null) {
            errors.add(new FieldError(field, field + " is geen geldige datum of datum-tijd; gebruik bijvoorbeeld "
                    + example + "."));
            return null;
        }
        int year = bound.instant().atOffset(ZoneOffset.UTC).getYear();
        if (year < EARLIEST_YEAR || year > LATEST_YEAR) {
            errors.add(new FieldError(field, field + " moet tussen de jaren " + EARLIEST_YEAR + " en " + LATEST_YEAR
                    + " liggen."));
            return null;
        }
        return bound;
    }
}
