package io.ainstruct.domain.error;

import java.time.Duration;
import java.util.Map;

public final class RateLimited extends DomainException {
    private final Duration retryAfter;

    public RateLimited(String message, Duration retryAfter) {
        super(ErrorCode.RATE_LIMITED, message, Map.of("retry_after_seconds", retryAfter.toSeconds()));
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
