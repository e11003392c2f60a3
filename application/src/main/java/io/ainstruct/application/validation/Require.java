package io.ainstruct.application.validation;

import io.ainstruct.domain.error.InvalidInput;

/** Bounds on the numbers commands take (page sizes, budgets, lifetimes); text lengths are the domain's {@code FieldLimits}. */
public final class Require {
    private Require() {
    }

    public static int range(String field, Integer value, int defaultValue, int min, int max) {
        int actual = value == null ? defaultValue : value;
        if (actual < min || actual > max) {
            throw new InvalidInput(field, "must be between " + min + " and " + max);
        }
        return actual;
    }
}
