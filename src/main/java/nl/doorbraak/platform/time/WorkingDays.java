package nl.doorbraak.platform.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * Counting in working days: Monday to Friday, except the public holidays of
 * {@link DutchHolidays}. A period of n working days from a moment ends at the same time of day
 * on the n-th working day after the moment's date, so five working days from Thursday 10:00
 * end on the next Thursday at 10:00, and from Friday before Easter on the Friday after Easter
 * Monday.
 */
public final class WorkingDays {

    private WorkingDays() {
    }

    public static boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !DutchHolidays.isHoliday(date);
    }

    /** The moment {@code days} working days after {@code from} (before it when negative). */
    public static ZonedDateTime plus(ZonedDateTime from, int days) {
        return from.with(plus(from.toLocalDate(), days));
    }

    public static LocalDate plus(LocalDate from, int days) {
        int step = days < 0 ? -1 : 1;
        LocalDate date = from;
        for (int left = Math.abs(days); left > 0; ) {
            date = date.plusDays(step);
            if (isWorkingDay(date)) {
                left--;
            }
        }
        return date;
    }

    /**
     * The working days from {@code from} (exclusive) up to {@code to} (inclusive); negative when
     * {@code to} lies before {@code from}. The inverse of {@link #plus(LocalDate, int)} when
     * {@code to} is a working day.
     */
    public static int between(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -between(to, from);
        }
        int count = 0;
        for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                count++;
            }
        }
        return count;
    }
}
