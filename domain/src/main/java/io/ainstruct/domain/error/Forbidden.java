package io.ainstruct.domain.error;

import java.util.Map;

public final class Forbidden extends DomainException {
    public Forbidden(ErrorCode code, String message) {
        super(code, message, Map.of());
    }
}
