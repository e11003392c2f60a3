package io.ainstruct.application.access;

import io.ainstruct.domain.error.RateLimited;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} attempts per key (a client address) in each fixed window. Kept in memory: each instance
 * counts its own clients, which is what a brute-force guard in front of a password check needs.
 */
public final class RateLimiter {
    private static final int SWEEP_THRESHOLD = 10_000;

    private record Window(Instant start, int count) {
    }

    private final String action;
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimiter(String action, int limit, Duration window, Clock clock) {
        this.action = action;
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    public void acquire(String key) {
        Instant now = clock.instant();
        if (windows.size() > SWEEP_THRESHOLD) {
            windows.values().removeIf(w -> !now.isBefore(w.start().plus(window)));
        }
        Window current = windows.compute(key, (k, w) -> w == null || !now.isBefore(w.start().plus(window))
                ? new Window(now, 1)
                : new Window(w.start(), w.count() + 1));
        if (current.count() > limit) {
            // Whole seconds, rounded up: a client told to come back must not come back too early.
            Duration retryAfter = Duration.ofSeconds(Math.max(1,
                    (Duration.between(now, current.start().plus(window)).toMillis() + 999) / 1000));
            throw new RateLimited("Too many " + action + " attempts; try again in " + retryAfter.toSeconds() + " s", retryAfter);
        }
    }
}
