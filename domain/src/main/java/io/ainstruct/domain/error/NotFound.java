package io.ainstruct.domain.error;

import java.util.Map;

public final class NotFound extends DomainException {
    public NotFound(ErrorCode code, String message) {
        super(code, message, Map.of());
    }
}
