package io.ainstruct.domain.error;

import java.util.Map;

public final class TooLarge extends DomainException {
    public TooLarge(ErrorCode code, String message, long limitBytes) {
        super(code, message, Map.of("limit_bytes", limitBytes));
    }
}
