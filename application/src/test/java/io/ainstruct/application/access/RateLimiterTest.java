package io.ainstruct.application.access;

import io.ainstruct.application.fakes.TestClock;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.error.RateLimited;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RateLimiterTest {
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final TestClock clock = new TestClock();
    private final RateLimiter limiter = new RateLimiter("login", 3, WINDOW, clock);

    private RateLimited refusal(String key) {
        RateLimited refused = catchThrowableOfType(() -> limiter.acquire(key), RateLimited.class);
        assertThat(refused).as("attempt from %s should be refused", key).isNotNull();
        return refused;
    }

    private void allowed(String key, int times) {
        for (int i = 0; i < times; i++) {
            limiter.acquire(key);
        }
    }

    @Test
    void allows_the_limit_and_refuses_the_next_with_a_retry_after_within_the_window() {
        allowed("a", 3);

        RateLimited refused = refusal("a");

        assertThat(refused.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(WINDOW);
        assertThat(refused.details()).containsEntry("retry_after_seconds", refused.retryAfter().toSeconds());
    }

    @Test
    void the_retry_after_counts_down_to_the_end_of_the_window() {
        allowed("a", 3);
        clock.advance(Duration.ofSeconds(45));

        RateLimited refused = refusal("a");

        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void keeps_refusing_until_the_window_ends() {
        allowed("a", 3);
        refusal("a");
        clock.advance(WINDOW.minusSeconds(1));

        refusal("a");
    }

    @Test
    void a_new_window_starts_afresh() {
        allowed("a", 3);
        refusal("a");

        clock.advance(WINDOW);

        allowed("a", 3);
        refusal("a");
    }

    @Test
    void keys_are_independent() {
        allowed("a", 3);
        refusal("a");

        allowed("b", 3);
        refusal("b");
        refusal("a");
    }

    @Test
    void a_limit_of_one_allows_exactly_one() {
        RateLimiter once = new RateLimiter("register", 1, Duration.ofHours(1), clock);
        once.acquire("a");

        RateLimited refused = catchThrowableOfType(() -> once.acquire("a"), RateLimited.class);

        assertThat(refused).isNotNull();
        assertThat(refused.retryAfter()).isLessThanOrEqualTo(Duration.ofHours(1));
    }

    @Test
    void expired_windows_are_forgotten_as_new_attempts_come() {
        for (int i = 0; i < 1_000; i++) {
            limiter.acquire("client-" + i);
        }
        clock.advance(WINDOW);

        limiter.acquire("late");

        assertThat(limiter.size()).isEqualTo(1);
    }

    @Test
    void a_flood_of_addresses_holds_at_most_the_bound_and_the_newest_are_still_counted() {
        RateLimiter bounded = new RateLimiter("login", 3, WINDOW, 100, clock);
        for (int i = 0; i < 10_000; i++) {
            bounded.acquire("flood-" + i);
        }
        assertThat(bounded.size()).isEqualTo(100);

        for (int i = 0; i < 3; i++) {
            bounded.acquire("guesser");
        }
        assertThat(catchThrowableOfType(() -> bounded.acquire("guesser"), RateLimited.class)).isNotNull();
    }
}
