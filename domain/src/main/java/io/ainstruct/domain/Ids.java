package io.ainstruct.domain;

import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.error.InvalidInput;

import java.util.UUID;

/** Parsing of ids that arrive as text, with one error for every kind of id. */
public final class Ids {
    private Ids() {
    }

    public static UUID parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInput(field, "is required");
        }
        try {
            UUID id = UUID.fromString(text.trim());
            if (!id.toString().equalsIgnoreCase(text.trim())) {
                throw new IllegalArgumentException("non-canonical");
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(ErrorCode.INVALID_ID, field, "is not a valid UUID");
        }
    }
}
