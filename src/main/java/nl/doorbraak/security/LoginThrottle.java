package nl.doorbraak.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Counts failed API logins per user name: after {@code max-failures} failures within
 * {@code window} the user name is refused (429) until the oldest of those failures has left the
 * window, whatever password comes with it; a successful login clears the count. The counts live
 * in this application instance's memory: with several instances each counts on its own (so an
 * attacker gets at most that many times the attempts), and a restart forgets them. Camunda's own
 * growing delay after a failed password (which also covers the Tasklist login) comes on top.
 */
@Component
class LoginThrottle {

    /** Above this many user names with failures, those whose failures have all expired are forgotten. */
    private static final int PRUNE_ABOVE = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final boolean enabled;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    @Autowired
    LoginThrottle(@Value("${doorbraak.security.login-throttle.max-failures:5}") int maxFailures,
                  @Value("${doorbraak.security.login-throttle.window:15m}") Duration window,
                  @Value("${doorbraak.security.login-throttle.enabled:true}") boolean enabled) {
        this(maxFailures, window, enabled, Clock.systemUTC());
    }

    LoginThrottle(int maxFailures, Duration window, boolean enabled, Clock clock) {
        if (maxFailures < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("login-throttle needs max-failures >= 1 and a positive window");
        }
        this.maxFailures = maxFailures;
        this.window = window;
        this.enabled = enabled;
        this.clock = clock;
    }

    /** How long the user name is still refused, or empty when it may try. */
    Optional<Duration> refusedFor(String userId) {
        if (!enabled || userId == null) {
            return Optional.empty();
        }
        Deque<Instant> recent = failures.get(key(userId));
        if (recent == null) {
            return Optional.empty();
        }
        synchronized (recent) {
            Instant now = clock.instant();
            expire(recent, now);
            if (recent.size() < maxFailures) {
                return Optional.empty();
            }
            // free again when enough failures have left the window to allow one more attempt
            Instant freeAt = recent.stream().skip(recent.size() - maxFailures).findFirst().orElseThrow().plus(window);
            return Optional.of(Duration.between(now, freeAt));
        }
    }

    void failed(String userId) {
        if (!enabled || userId == null) {
            return;
        }
        if (failures.size() > PRUNE_ABOVE) {
            Instant now = clock.instant();
            failures.values().removeIf(recent -> {
                synchronized (recent) {
                    expire(recent, now);
                    return recent.isEmpty();
                }
            });
        }
        Deque<Instant> recent = failures.computeIfAbsent(key(userId), user -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addLast(clock.instant());
            while (recent.size() > maxFailures) {
                recent.removeFirst();
            }
        }
    }

    void succeeded(String userId) {
        if (userId != null) {
            failures.remove(key(userId));
        }
    }

    private void expire(Deque<Instant> recent, Instant now) {
        while (!recent.isEmpty() && !recent.peekFirst().plus(window).isAfter(now)) {
            recent.removeFirst();
        }
    }

    private static String key(String userId) {
        return userId.strip().toLowerCase(Locale.ROOT);
    }
}
