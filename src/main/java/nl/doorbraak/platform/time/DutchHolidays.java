package nl.doorbraak.platform.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;
import java.util.TreeMap;

/**
 * The generally recognised public holidays of the General Period of Time Act (Algemene
 * termijnenwet, article 3, first and second paragraph), computed for any year: New Year's Day,
 * Good Friday, Easter Monday, Ascension Day, Whit Monday, King's Day, the fifth of May, and both
 * Christmas days. Days a royal decree adds for a few years at a time (bridge days) are not
 * computed: they are published, not derived, and the programme does not count them.
 */
public final class DutchHolidays {

    private static final MonthDay KINGS_BIRTHDAY = MonthDay.of(4, 27);

    private DutchHolidays() {
    }

    /** The holidays of one year by date, with their Dutch names. */
    public static Map<LocalDate, String> of(int year) {
        LocalDate easter = easterSunday(year);
        Map<LocalDate, String> days = new TreeMap<>();
        days.put(LocalDate.of(year, 1, 1), "Nieuwjaarsdag");
        days.put(easter.minusDays(2), "Goede Vrijdag");
        days.put(easter.plusDays(1), "Tweede Paasdag");
        days.put(kingsDay(year), "Koningsdag");
        days.put(LocalDate.of(year, 5, 5), "Bevrijdingsdag");
        days.put(easter.plusDays(39), "Hemelvaartsdag");
        days.put(easter.plusDays(50), "Tweede Pinksterdag");
        days.put(LocalDate.of(year, 12, 25), "Eerste Kerstdag");
        days.put(LocalDate.of(year, 12, 26), "Tweede Kerstdag");
        return days;
    }

    public static boolean isHoliday(LocalDate date) {
        return of(date.getYear()).containsKey(date);
    }

    /** King's Day is celebrated on the Saturday before when the King's birthday falls on a Sunday. */
    static LocalDate kingsDay(int year) {
        LocalDate birthday = KINGS_BIRTHDAY.atYear(year);
        return birthday.getDayOfWeek() == DayOfWeek.SUNDAY ? birthday.minusDays(1) : birthday;
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
