package io.ainstruct.domain.error;

import java.util.Map;

/** A dependency (database, embedder) cannot serve the request now; retrying later may succeed. */
public final class Unavailable extends DomainException {
    public Unavailable(ErrorCode code, String message) {
        super(code, message, Map.of());
    }
}
