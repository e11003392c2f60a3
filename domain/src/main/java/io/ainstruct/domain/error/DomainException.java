package io.ainstruct.domain.error;

import java.util.Map;

/**
 * A failure the caller can act on. Each subtype is one HTTP status family and one MCP error shape;
 * the {@link ErrorCode} is what clients switch on, the message is for people.
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFound, Forbidden, Conflict, InvalidInput, Unauthenticated, RateLimited, TooLarge, Unavailable {

    private final ErrorCode code;
    private final Map<String, Object> details;

    protected DomainException(ErrorCode code, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
