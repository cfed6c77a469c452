package nl.doorbraak.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The clock of the shared test application (a {@link Clock} bean; the login throttle reads it):
 * the system clock plus however far tests have moved it on. It only ever moves forward, so that
 * tests see time pass without waiting, and what another test has counted only expires sooner.
 * A unit test can have one that stands still at a given instant until it is moved.
 */
public final class TestClock extends Clock {

    private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);
    private final Supplier<Instant> base;

    public TestClock() {
        this(Instant::now);
    }

    private TestClock(Supplier<Instant> base) {
        this.base = base;
    }

    /** A clock that stands at the instant until a test moves it. */
    public static TestClock standingAt(Instant instant) {
        return new TestClock(() -> instant);
    }

    /** Lets the time pass at once. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the test clock only moves forward");
        }
        ahead.accumulateAndGet(duration, Duration::plus);
    }

    @Override
    public Instant instant() {
        return base.get().plus(ahead.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    /** Imported by {@link PostgresIntegrationTest}. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        TestClock testClock() {
            return new TestClock();
        }
    }
}
