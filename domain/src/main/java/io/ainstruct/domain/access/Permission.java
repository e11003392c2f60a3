package io.ainstruct.domain.access;

import io.ainstruct.domain.error.InvalidInput;

import java.util.Locale;

/** What a collection access token may do in its one collection. */
public enum Permission {
    READ, READ_WRITE;

    public boolean allowsWrite() {
        return this == READ_WRITE;
    }

    /** {@code read} or {@code read_write}, as the contract spells them; null when absent. */
    public static Permission parse(String field, String text) {
        if (text == null) {
            return null;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "read" -> READ;
            case "read_write" -> READ_WRITE;
            default -> throw new InvalidInput(field, "must be 'read' or 'read_write'");
        };
    }
}
