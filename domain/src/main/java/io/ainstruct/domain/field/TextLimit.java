package io.ainstruct.domain.field;

import io.ainstruct.domain.error.InvalidInput;

/**
 * The length a text field may have, counted in characters (code points) as PostgreSQL's {@code char_length} counts
 * them, so that what passes here also passes the schema's own checks.
 */
public record TextLimit(String field, int min, int max) {

    public TextLimit {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException(field + ": " + min + ".." + max + " is not a length range");
        }
    }

    /** The same bounds on a field of another name (a new password is a password). */
    public TextLimit as(String otherField) {
        return new TextLimit(otherField, min, max);
    }

    /** The value, when a command may take it; otherwise a refusal naming the field. */
    public String require(String value) {
        if (value == null) {
            throw new InvalidInput(field, "is required");
        }
        if (value.isBlank() && min > 0) {
            throw new InvalidInput(field, "must not be blank");
        }
        if (!fits(value)) {
            throw new InvalidInput(field, "must be " + bounds());
        }
        return value;
    }

    /** Only the length: data that was stored before (an import) is held to what the database accepts. */
    public boolean fits(String value) {
        int length = length(value);
        return length >= min && length <= max;
    }

    /** "between 3 and 100 characters", as refusals and quarantine reasons say it. */
    public String bounds() {
        return "between " + min + " and " + max + " characters";
    }

    public static int length(String value) {
        return value.codePointCount(0, value.length());
    }
}
