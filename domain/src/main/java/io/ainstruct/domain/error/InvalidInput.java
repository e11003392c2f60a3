package io.ainstruct.domain.error;

import java.util.Map;

/** A value the caller sent breaks a rule; names the field so a form or an agent can fix it. */
public final class InvalidInput extends DomainException {
    private final String field;

    public InvalidInput(String field, String reason) {
        super(ErrorCode.VALIDATION_ERROR, field + ": " + reason, Map.of("field", field, "reason", reason));
        this.field = field;
    }

    public InvalidInput(ErrorCode code, String field, String reason) {
        super(code, field + ": " + reason, Map.of("field", field, "reason", reason));
        this.field = field;
    }

    public String field() {
        return field;
    }
}
