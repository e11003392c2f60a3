package io.ainstruct.application.access;

import io.ainstruct.domain.error.RateLimited;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * At most {@code limit} attempts per key (a client address) in each fixed window. Kept in memory: each instance
 * counts its own clients, which is what a brute-force guard in front of a password check needs.
 * <p>
 * Windows are kept in the order they opened, so the expired ones are always at the front and each attempt sweeps
 * only those (O(1) amortized, where a sweep of the whole map per attempt let a flood of addresses burn CPU). At most
 * {@code maxKeys} windows are held: beyond, the oldest is forgotten, so a flood of addresses cannot fill the heap.
 */
public final class RateLimiter {
    public static final int DEFAULT_MAX_KEYS = 100_000;

    private record Window(Instant start, int count) {
    }

    private final String action;
    private final int limit;
    private final Duration window;
    private final int maxKeys;
    private final Clock clock;
    private final LinkedHashMap<String, Window> windows = new LinkedHashMap<>();

    public RateLimiter(String action, int limit, Duration window, Clock clock) {
        this(action, limit, window, DEFAULT_MAX_KEYS, clock);
    }

    public RateLimiter(String action, int limit, Duration window, int maxKeys, Clock clock) {
        this.action = action;
        this.limit = limit;
        this.window = window;
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    public void acquire(String key) {
        Instant now = clock.instant();
        Window current;
        synchronized (windows) {
            sweepExpired(now);
            Window open = windows.get(key);
            // A re-put keeps a key's place; a new window goes to the back, where the newest start belongs.
            current = open == null ? new Window(now, 1) : new Window(open.start(), open.count() + 1);
            windows.put(key, current);
            if (windows.size() > maxKeys) {
                Iterator<String> oldest = windows.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
        }
        if (current.count() > limit) {
            // Whole seconds, rounded up: a client told to come back must not come back too early.
            Duration retryAfter = Duration.ofSeconds(Math.max(1,
                    (Duration.between(now, current.start().plus(window)).toMillis() + 999) / 1000));
            throw new RateLimited("Too many " + action + " attempts; try again in " + retryAfter.toSeconds() + " s", retryAfter);
        }
    }

    /** How many windows are held (for tests of the bound). */
    int size() {
        synchronized (windows) {
            return windows.size();
        }
    }

    private void sweepExpired(Instant now) {
        Iterator<Map.Entry<String, Window>> front = windows.entrySet().iterator();
        while (front.hasNext() && !now.isBefore(front.next().getValue().start().plus(window))) {
            front.remove();
        }
    }
}
