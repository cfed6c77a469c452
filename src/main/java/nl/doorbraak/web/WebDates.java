package nl.doorbraak.web;

import nl.doorbraak.platform.CaseClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;

import org.springframework.stereotype.Component;

/** Moments as the pages show them: Dutch time, day-month-year ({@code @webDates.minute(...)} in templates). */
@Component("webDates")
class WebDates {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy", Locale.ROOT);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm", Locale.ROOT);

    public String day(Object moment) {
        if (moment instanceof LocalDate date) {
            return DAY.format(date);
        }
        Instant instant = instant(moment);
        return instant == null ? "" : DAY.format(instant.atZone(CaseClock.DUTCH_TIME));
    }

    public String minute(Object moment) {
        Instant instant = instant(moment);
        return instant == null ? "" : MINUTE.format(instant.atZone(CaseClock.DUTCH_TIME));
    }

    private static Instant instant(Object moment) {
        if (moment instanceof Instant instant) {
            return instant;
        }
        if (moment instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (moment instanceof Date date) {
            return date.toInstant();
        }
        return null;
    }
}
