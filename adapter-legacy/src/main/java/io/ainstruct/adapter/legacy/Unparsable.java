package io.ainstruct.adapter.legacy;

/** A legacy value no rule can turn into what the target needs; the row goes to quarantine with this message. */
final class Unparsable extends Exception {
    Unparsable(String column, String reason) {
        super(column + ": " + reason, null, false, false);
    }
}
