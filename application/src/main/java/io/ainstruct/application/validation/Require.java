package io.ainstruct.application.validation;

import io.ainstruct.domain.error.InvalidInput;

/** Field checks shared by the commands; each failure names the field. */
public final class Require {
    private Require() {
    }

    public static String text(String field, String value, int minLength, int maxLength) {
        if (value == null) {
            throw new InvalidInput(field, "is required");
        }
        int length = value.codePointCount(0, value.length());
        if (value.isBlank() && minLength > 0) {
            throw new InvalidInput(field, "must not be blank");
        }
        if (length < minLength || length > maxLength) {
            throw new InvalidInput(field, "must be between " + minLength + " and " + maxLength + " characters");
        }
        return value;
    }

    public static int range(String field, Integer value, int defaultValue, int min, int max) {
        int actual = value == null ? defaultValue : value;
        if (actual < min || actual > max) {
            throw new InvalidInput(field, "must be between " + min + " and " + max);
        }
        return actual;
    }
}
