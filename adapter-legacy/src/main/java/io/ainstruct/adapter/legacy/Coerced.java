package io.ainstruct.adapter.legacy;

/** A value read from SQLite and the rule that changed its form on the way, or null when none had to. */
record Coerced<T>(T value, String rule) {

    static <T> Coerced<T> as(T value) {
        return new Coerced<>(value, null);
    }
}
