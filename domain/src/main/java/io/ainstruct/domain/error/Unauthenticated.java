package io.ainstruct.domain.error;

import java.util.Map;

public final class Unauthenticated extends DomainException {
    public Unauthenticated(ErrorCode code, String message) {
        super(code, message, Map.of());
    }
}
