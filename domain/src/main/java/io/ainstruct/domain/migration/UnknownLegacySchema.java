package io.ainstruct.domain.migration;

/** A legacy database at a schema version this release cannot read: nothing of it is imported. */
public final class UnknownLegacySchema extends RuntimeException {
    public UnknownLegacySchema(String message) {
        super(message);
    }
}
