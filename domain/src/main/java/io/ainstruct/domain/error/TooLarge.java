package io.ainstruct.domain.error;

import java.util.Map;

public final class TooLarge extends DomainException {
    public TooLarge(ErrorCode code, String message, long limitBytes) {
        this(code, message, Map.of("limit_bytes", limitBytes));
    }

    /** {@code limits}: every bound of the refused value, by name, so a client can fit under all of them at once. */
    public TooLarge(ErrorCode code, String message, Map<String, Object> limits) {
        super(code, message, limits);
    }
}
