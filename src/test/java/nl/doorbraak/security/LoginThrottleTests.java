package nl.doorbraak.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import nl.doorbraak.support.TestClock;

/** The counting of failed logins on its own, with a clock the test moves (the settings of application.yml). */
class LoginThrottleTests {

    private static final String ATTACKER = "203.0.113.66";
    private static final String OFFICE = "198.51.100.10";

    private final TestClock clock = TestClock.standingAt(Instant.parse("2026-03-02T09:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(true, 5, 30, Duration.ofHours(1), Duration.ofMinutes(1),
            Duration.ofHours(1), Duration.ofHours(24), clock);

    @Test
    void afterFiveFailuresFromOneSourceTheWaitStartsAtAMinuteAndDoublesUpToAnHour() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("jansen", ATTACKER);
            clock.advance(Duration.ofSeconds(10));
            assertThat(throttle.refusedFor("jansen", ATTACKER)).isEmpty();
        }
        throttle.failed("jansen", ATTACKER);
        assertThat(throttle.refusedFor("jansen", ATTACKER)).hasValue(Duration.ofMinutes(1));
        assertThat(throttle.refusedFor("JANSEN ", ATTACKER)).as("the same name in other letters").isPresent();

        for (long minutes : new long[] {2, 4, 8, 16, 32, 60, 60}) {
            Duration wait = throttle.refusedFor("jansen", ATTACKER).orElseThrow();
            clock.advance(wait.minusSeconds(1));
            assertThat(throttle.refusedFor("jansen", ATTACKER)).hasValue(Duration.ofSeconds(1));
            clock.advance(Duration.ofSeconds(1));
            assertThat(throttle.refusedFor("jansen", ATTACKER)).as("free again after the wait").isEmpty();
            throttle.failed("jansen", ATTACKER);
            assertThat(throttle.refusedFor("jansen", ATTACKER)).hasValue(Duration.ofMinutes(minutes));
        }
    }

    @Test
    void theSameUserFromAnotherSourceAndOtherUsersFromTheAttackersSourceAreNotAffected() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("jansen", ATTACKER);
            clock.advance(throttle.refusedFor("jansen", ATTACKER).orElse(Duration.ZERO));
        }
        throttle.failed("jansen", ATTACKER);
        assertThat(throttle.refusedFor("jansen", ATTACKER)).hasValue(Duration.ofHours(1));
        assertThat(throttle.refusedFor("jansen", OFFICE)).isEmpty();
        assertThat(throttle.refusedFor("de-vries", ATTACKER)).as("21 failures: below the source's 30").isEmpty();
    }

    @Test
    void aSuccessClearsTheCountOfThatNameFromThatSourceOnly() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("jansen", ATTACKER);
            throttle.failed("jansen", OFFICE);
        }
        clock.advance(Duration.ofMinutes(1));
        throttle.succeeded("jansen", OFFICE);
        throttle.failed("jansen", OFFICE);
        assertThat(throttle.refusedFor("jansen", OFFICE)).as("one failure since the success").isEmpty();
        throttle.failed("jansen", ATTACKER);
        assertThat(throttle.refusedFor("jansen", ATTACKER)).as("six failures from there").hasValue(Duration.ofMinutes(2));
    }

    @Test
    void sprayingOnePasswordOverManyNamesFromOneSourceMakesThatSourceWait() {
        for (int i = 0; i < 29; i++) {
            throttle.failed("user-" + i, ATTACKER);
        }
        assertThat(throttle.refusedFor("someone-else", ATTACKER)).isEmpty();
        throttle.failed("user-29", ATTACKER);
        assertThat(throttle.refusedFor("someone-else", ATTACKER)).as("any name from that source")
                .hasValue(Duration.ofMinutes(1));
        assertThat(throttle.refusedFor("someone-else", OFFICE)).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.refusedFor("user-30", ATTACKER)).isEmpty();
        throttle.failed("user-30", ATTACKER);
        assertThat(throttle.refusedFor("user-31", ATTACKER)).hasValue(Duration.ofMinutes(2));

        // failures older than the source window no longer count
        clock.advance(Duration.ofHours(1));
        assertThat(throttle.refusedFor("user-31", ATTACKER)).isEmpty();
    }

    @Test
    void mistakesFollowedByASuccessFromTheSameSourceDoNotAddUpForThatSource() {
        for (int person = 0; person < 40; person++) {
            throttle.failed("medewerker-" + person, OFFICE);
            throttle.failed("medewerker-" + person, OFFICE);
            throttle.succeeded("medewerker-" + person, OFFICE);
        }
        assertThat(throttle.refusedFor("medewerker-40", OFFICE)).isEmpty();
    }

    @Test
    void aSourcesFailuresAreForgottenADayAfterTheLastOne() {
        for (int i = 0; i < 7; i++) {
            throttle.failed("jansen", ATTACKER);
        }
        assertThat(throttle.refusedFor("jansen", ATTACKER)).hasValue(Duration.ofMinutes(4));
        clock.advance(Duration.ofHours(24));
        assertThat(throttle.refusedFor("jansen", ATTACKER)).isEmpty();
        for (int i = 0; i < 4; i++) {
            throttle.failed("jansen", ATTACKER);
        }
        assertThat(throttle.refusedFor("jansen", ATTACKER)).as("counting starts again").isEmpty();
    }

    @Test
    void theAddressesOfOneIpv6NetworkAreOneSource() {
        for (int i = 1; i <= 5; i++) {
            throttle.failed("jansen", "2001:db8:1:2::" + i);
        }
        assertThat(throttle.refusedFor("jansen", "2001:db8:1:2:ffff:ffff:ffff:ffff")).isPresent();
        assertThat(throttle.refusedFor("jansen", "2001:db8:1:3::1")).as("the next /64").isEmpty();
        assertThat(LoginSource.of("2001:DB8:1:2:0:0:0:9")).isEqualTo(LoginSource.of("2001:db8:1:2::1"));
        assertThat(LoginSource.of("203.0.113.5")).isEqualTo("203.0.113.5");
    }

    @Test
    void switchedOffItNeverRefuses() {
        LoginThrottle off = new LoginThrottle(false, 1, 1, Duration.ofHours(1), Duration.ofMinutes(1),
                Duration.ofHours(1), Duration.ofHours(24), clock);
        off.failed("jansen", ATTACKER);
        off.failed("jansen", ATTACKER);
        assertThat(off.refusedFor("jansen", ATTACKER)).isEmpty();
    }

    @Test
    void theMessageSaysHowManyWholeMinutesAreLeft() {
        assertThat(new LoginThrottledException("jansen", ATTACKER, Duration.ofSeconds(61)).dutchMessage())
                .isEqualTo("Te veel pogingen. Probeer het over 2 minuten opnieuw.");
        assertThat(new LoginThrottledException("jansen", ATTACKER, Duration.ofSeconds(60)).dutchMessage())
                .isEqualTo("Te veel pogingen. Probeer het over 1 minuut opnieuw.");
        assertThat(new LoginThrottledException("jansen", ATTACKER, Duration.ofMillis(1)).retryAfterSeconds()).isEqualTo(1);
    }
}
