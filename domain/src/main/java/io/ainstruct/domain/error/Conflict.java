package io.ainstruct.domain.error;

import java.util.Map;

public final class Conflict extends DomainException {
    public Conflict(ErrorCode code, String message) {
        super(code, message, Map.of());
    }
}
