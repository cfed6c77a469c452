package nl.doorbraak.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without letting a guesser lock the real user out. Failed logins
 * are counted per user name <em>and source</em> (the client's address as Tomcat reports it, an
 * IPv6 address by its /64 network): after {@code failures-before-delay} failures since the last
 * success from that source, each further attempt of that name from that source waits
 * {@code first-delay} after the last failure, doubling with every further failure, at most
 * {@code max-delay}. The same user from another source is not affected. Against password
 * spraying (one guess for many names) a source as a whole waits in the same way once it has
 * {@code source-failures-before-delay} failures within {@code source-window} that were not
 * followed by a success of the same name from there, so that people behind one office address
 * who mistype and then log in are not counted. A waiting attempt is refused whatever password it
 * carries. Counts of a source are forgotten {@code forget-after} its last failure.
 *
 * <p>The API, the web pages' form login and the Camunda webapps' login all go through this one
 * instance; the counts live in this application instance's memory (with several instances each
 * counts on its own, and a restart forgets them).
 */
@Component
class LoginThrottle {

    /** Above this many sources, those whose last failure is older than {@code forget-after} are dropped, once a minute. */
    private static final int PRUNE_ABOVE = 10_000;
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);
    /** Longer names are cut: no Camunda user id is that long, and a name is kept in memory. */
    private static final int LONGEST_NAME = 256;

    private final boolean enabled;
    private final int failuresBeforeDelay;
    private final int sourceFailuresBeforeDelay;
    private final Duration sourceWindow;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Duration forgetAfter;
    private final Clock clock;
    private final Map<String, Source> sources = new ConcurrentHashMap<>();
    private volatile Instant nextPrune = Instant.MIN;

    @Autowired
    LoginThrottle(@Value("${doorbraak.security.login-throttle.enabled:true}") boolean enabled,
                  @Value("${doorbraak.security.login-throttle.failures-before-delay:5}") int failuresBeforeDelay,
                  @Value("${doorbraak.security.login-throttle.source-failures-before-delay:30}") int sourceFailuresBeforeDelay,
                  @Value("${doorbraak.security.login-throttle.source-window:1h}") Duration sourceWindow,
                  @Value("${doorbraak.security.login-throttle.first-delay:1m}") Duration firstDelay,
                  @Value("${doorbraak.security.login-throttle.max-delay:1h}") Duration maxDelay,
                  @Value("${doorbraak.security.login-throttle.forget-after:24h}") Duration forgetAfter,
                  ObjectProvider<Clock> clock) {
        this(enabled, failuresBeforeDelay, sourceFailuresBeforeDelay, sourceWindow, firstDelay, maxDelay, forgetAfter,
                clock.getIfAvailable(Clock::systemUTC));
    }

    LoginThrottle(boolean enabled, int failuresBeforeDelay, int sourceFailuresBeforeDelay, Duration sourceWindow,
                  Duration firstDelay, Duration maxDelay, Duration forgetAfter, Clock clock) {
        if (failuresBeforeDelay < 1 || sourceFailuresBeforeDelay < 1 || !positive(sourceWindow)
                || !positive(firstDelay) || maxDelay.compareTo(firstDelay) < 0 || forgetAfter.compareTo(maxDelay) < 0) {
            throw new IllegalArgumentException("login-throttle needs failure counts >= 1, a positive window and first "
                    + "delay, max-delay >= first-delay and forget-after >= max-delay");
        }
        this.enabled = enabled;
        this.failuresBeforeDelay = failuresBeforeDelay;
        this.sourceFailuresBeforeDelay = sourceFailuresBeforeDelay;
        this.sourceWindow = sourceWindow;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.forgetAfter = forgetAfter;
        this.clock = clock;
    }

    /** Refuses an attempt of this name from this address while it has to wait, before its password is looked at. */
    void check(String userId, String address) {
        refusedFor(userId, address).ifPresent(wait -> {
            throw new LoginThrottledException(userId, address, wait);
        });
    }

    /** How long logins of this name from this address are still refused, or empty when it may try. */
    Optional<Duration> refusedFor(String userId, String address) {
        if (!enabled) {
            return Optional.empty();
        }
        Source source = sources.get(LoginSource.of(address));
        if (source == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        synchronized (source) {
            source.forgetOld(now);
            Instant free = later(source.userFreeAt(name(userId)), source.freeAt());
            return free != null && free.isAfter(now) ? Optional.of(Duration.between(now, free)) : Optional.empty();
        }
    }

    void failed(String userId, String address) {
        if (!enabled) {
            return;
        }
        Instant now = clock.instant();
        if (sources.size() > PRUNE_ABOVE && !now.isBefore(nextPrune)) {
            nextPrune = now.plus(PRUNE_EVERY);
            sources.values().removeIf(source -> {
                synchronized (source) {
                    return !source.lastFailure.plus(forgetAfter).isAfter(now);
                }
            });
        }
        Source source = sources.computeIfAbsent(LoginSource.of(address), key -> new Source());
        synchronized (source) {
            source.forgetOld(now);
            source.failed(name(userId), now);
        }
    }

    /** The name logged in from this address: its failures from there are forgiven, also in the source's count. */
    void succeeded(String userId, String address) {
        Source source = sources.get(LoginSource.of(address));
        if (source != null) {
            synchronized (source) {
                source.succeeded(name(userId));
            }
        }
    }

    /** The wait after the given number of failures beyond those allowed: first-delay, doubling, at most max-delay. */
    private Duration delay(int beyond) {
        if (beyond >= 30) {
            return maxDelay;
        }
        Duration delay = firstDelay.multipliedBy(1L << beyond);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    private static String name(String userId) {
        String name = userId == null ? "" : userId.strip().toLowerCase(Locale.ROOT);
        return name.length() > LONGEST_NAME ? name.substring(0, LONGEST_NAME) : name;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    private record Failure(String name, Instant at) {
    }

    /** A name's failures from one source since its last success there. */
    private record Failures(int count, Instant last) {
    }

    /** The failures from one source; guarded by its own monitor. */
    private final class Source {
        private final Map<String, Failures> names = new HashMap<>();
        /** Failures within the source window, oldest first, of names that did not log in here since. */
        private final Deque<Failure> recent = new ArrayDeque<>();
        private Instant lastFailure = Instant.MIN;

        void failed(String name, Instant now) {
            names.merge(name, new Failures(1, now), (earlier, one) -> new Failures(earlier.count() + 1, now));
            recent.addLast(new Failure(name, now));
            lastFailure = now;
        }

        void succeeded(String name) {
            names.remove(name);
            recent.removeIf(failure -> failure.name().equals(name));
        }

        void forgetOld(Instant now) {
            while (!recent.isEmpty() && !recent.peekFirst().at().plus(sourceWindow).isAfter(now)) {
                recent.removeFirst();
            }
            names.values().removeIf(failures -> !failures.last().plus(forgetAfter).isAfter(now));
        }

        /** When the name may try again from here, or null when its failures do not make it wait. */
        Instant userFreeAt(String name) {
            Failures failures = names.get(name);
            return failures == null || failures.count() < failuresBeforeDelay ? null
                    : failures.last().plus(delay(failures.count() - failuresBeforeDelay));
        }

        /** When any name may try again from here, or null when the source's failures do not make it wait. */
        Instant freeAt() {
            return recent.size() < sourceFailuresBeforeDelay ? null
                    : recent.peekLast().at().plus(delay(recent.size() - sourceFailuresBeforeDelay));
        }
    }
}
