package nl.doorbraak.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Holidays checked against the published calendars of 2024 to 2030; counting across them. */
class WorkingDaysTests {

    @ParameterizedTest(name = "{0}: Goede Vrijdag {1}, Tweede Paasdag {2}, Koningsdag {3}, Hemelvaart {4}, Tweede Pinksterdag {5}")
    @CsvSource({
            "2024, 2024-03-29, 2024-04-01, 2024-04-27, 2024-05-09, 2024-05-20",
            "2025, 2025-04-18, 2025-04-21, 2025-04-26, 2025-05-29, 2025-06-09",
            "2026, 2026-04-03, 2026-04-06, 2026-04-27, 2026-05-14, 2026-05-25",
            "2027, 2027-03-26, 2027-03-29, 2027-04-27, 2027-05-06, 2027-05-17",
            "2028, 2028-04-14, 2028-04-17, 2028-04-27, 2028-05-25, 2028-06-05",
            "2029, 2029-03-30, 2029-04-02, 2029-04-27, 2029-05-10, 2029-05-21",
            "2030, 2030-04-19, 2030-04-22, 2030-04-27, 2030-05-30, 2030-06-10",
            "2038, 2038-04-23, 2038-04-26, 2038-04-27, 2038-06-03, 2038-06-14"})
    void movableHolidaysFollowEaster(int year, LocalDate goodFriday, LocalDate easterMonday, LocalDate kingsDay,
            LocalDate ascension, LocalDate whitMonday) {
        assertThat(DutchHolidays.of(year)).containsKeys(goodFriday, easterMonday, kingsDay, ascension, whitMonday,
                LocalDate.of(year, 1, 1), LocalDate.of(year, 5, 5), LocalDate.of(year, 12, 25),
                LocalDate.of(year, 12, 26)).hasSize(9);
        assertThat(DutchHolidays.of(year).get(kingsDay)).isEqualTo("Koningsdag");
    }

    @Test
    void kingsDayMovesToSaturdayWhenTheBirthdayIsASunday() {
        // 27 April is a Sunday in 2025 and 2031
        assertThat(DutchHolidays.kingsDay(2025)).isEqualTo(LocalDate.of(2025, 4, 26));
        assertThat(DutchHolidays.kingsDay(2031)).isEqualTo(LocalDate.of(2031, 4, 26));
        assertThat(DutchHolidays.kingsDay(2032)).isEqualTo(LocalDate.of(2032, 4, 27));
    }

    @Test
    void easterOnItsExtremeDates() {
        assertThat(DutchHolidays.easterSunday(2285)).isEqualTo(LocalDate.of(2285, 3, 22));
        assertThat(DutchHolidays.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
        assertThat(DutchHolidays.easterSunday(2008)).isEqualTo(LocalDate.of(2008, 3, 23));
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            // an ordinary week: Thursday + 5 = next Thursday
            "2026-12-03, 5, 2026-12-10",
            // over Christmas and New Year: Wednesday 23 Dec + 6 skips 25 Dec, the weekends and 1 Jan
            "2026-12-23, 6, 2027-01-04",
            // over Easter 2027: Thursday 25 March + 1 skips Good Friday and the weekend and Easter Monday
            "2027-03-25, 1, 2027-03-30",
            // King's Day (Tuesday 27 April 2027), Liberation Day (Wednesday 5 May) and Ascension (Thursday 6 May)
            "2027-04-26, 7, 2027-05-10",
            // from a Saturday, the count starts on Monday
            "2026-12-05, 1, 2026-12-07",
            // backwards: two working days before Tuesday 29 Dec 2026 is Thursday 24 Dec
            "2026-12-29, -2, 2026-12-24",
            "2026-12-07, 0, 2026-12-07"})
    void countsWorkingDays(LocalDate from, int days, LocalDate expected) {
        assertThat(WorkingDays.plus(from, days)).isEqualTo(expected);
        if (days != 0) {
            assertThat(WorkingDays.between(from, expected)).isEqualTo(days);
        }
    }

    @Test
    void aMomentKeepsItsTimeOfDay() {
        ZonedDateTime thursday = ZonedDateTime.of(2026, 12, 24, 10, 30, 0, 0, ZoneId.of("Europe/Amsterdam"));
        assertThat(WorkingDays.plus(thursday, 1)).isEqualTo(thursday.withDayOfMonth(28));
    }

    @Test
    void everyYearHasAboutTwoHundredAndFiftyWorkingDays() {
        for (int year : List.of(2024, 2025, 2026, 2027, 2028, 2029, 2030)) {
            LocalDate lastDayBefore = LocalDate.of(year, 1, 1).minusDays(1);
            int count = WorkingDays.between(lastDayBefore, LocalDate.of(year, 12, 31));
            assertThat(count).as("working days in %s", year).isBetween(250, 256);
        }
    }
}
