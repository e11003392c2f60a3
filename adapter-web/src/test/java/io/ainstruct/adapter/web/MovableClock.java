package io.ainstruct.adapter.web;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The server's clock, which a test can move forward: half an hour passes in no time, so a session can expire
 * without the test sleeping. Used only by servers started with {@code test.movable-clock=true}.
 */
final class MovableClock extends Clock {
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    void advance(Duration duration) {
        offset.updateAndGet(current -> current.plus(duration));
    }

    @Override
    public Instant instant() {
        // Microseconds, as the server's own clock: PostgreSQL keeps no more.
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000)).instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the server runs in UTC");
    }

    @Factory
    @Requires(property = "test.movable-clock", value = "true")
    static class Install {
        @Singleton
        @Replaces(Clock.class)
        MovableClock movableClock() {
            return new MovableClock();
        }
    }
}
