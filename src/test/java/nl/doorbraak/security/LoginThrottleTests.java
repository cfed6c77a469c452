package nl.doorbraak.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The counting of failed logins on its own, with a clock the test moves. */
class LoginThrottleTests {

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-03-02T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }
    }

    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(5, Duration.ofMinutes(15), true, clock);

    @Test
    void theFifthFailureWithinTheWindowRefusesUntilTheOldestLeavesIt() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("jansen");
            clock.advance(Duration.ofMinutes(1));
            assertThat(throttle.refusedFor("jansen")).isEmpty();
        }
        throttle.failed("jansen");
        // the first failure was at 09:00, so the name is free again at 09:15
        assertThat(throttle.refusedFor("jansen")).hasValue(Duration.ofMinutes(11));
        assertThat(throttle.refusedFor("JANSEN ")).as("the same name in other letters").isPresent();
        assertThat(throttle.refusedFor("de-vries")).as("other users").isEmpty();

        clock.advance(Duration.ofMinutes(11).minusSeconds(1));
        assertThat(throttle.refusedFor("jansen")).hasValue(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.refusedFor("jansen")).isEmpty();
        // one more failure: the four later ones are still in the window
        throttle.failed("jansen");
        assertThat(throttle.refusedFor("jansen")).hasValue(Duration.ofMinutes(1));
    }

    @Test
    void failuresOutsideTheWindowDoNotCount() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("jansen");
            clock.advance(Duration.ofMinutes(4));
        }
        assertThat(throttle.refusedFor("jansen")).isEmpty();
    }

    @Test
    void aSuccessfulLoginClearsTheCount() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("jansen");
        }
        throttle.succeeded("jansen");
        for (int i = 0; i < 4; i++) {
            throttle.failed("jansen");
        }
        assertThat(throttle.refusedFor("jansen")).isEmpty();
        throttle.failed("jansen");
        assertThat(throttle.refusedFor("jansen")).isPresent();
    }

    @Test
    void switchedOffItNeverRefuses() {
        LoginThrottle off = new LoginThrottle(1, Duration.ofMinutes(15), false, clock);
        off.failed("jansen");
        off.failed("jansen");
        assertThat(off.refusedFor("jansen")).isEmpty();
    }
}
