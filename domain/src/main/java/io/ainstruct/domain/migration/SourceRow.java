package io.ainstruct.domain.migration;

import java.util.List;
import java.util.function.Supplier;

/**
 * One row of a legacy table after coercion: either a domain object ready to store, or a row that cannot be stored
 * and goes to quarantine with the reason. {@code sourceKey} identifies the row in the legacy database (its id);
 * {@code bytes} is its size there, for progress.
 */
public sealed interface SourceRow {

    String sourceKey();

    long bytes();

    /**
     * {@code entity} is a User, Collection, ImportedDocument, CollectionAccessToken, PersonalAccessToken or UsageRecord;
     * {@code coercions} name the rules that changed a value on the way; {@code raw} renders the row as read, should a
     * rule of another table (an orphan, a duplicate) still reject it.
     */
    record Accepted(String sourceKey, Object entity, long bytes, List<String> coercions, Supplier<String> raw)
            implements SourceRow {
        public Accepted {
            coercions = List.copyOf(coercions);
        }

        public Rejected reject(String reason) {
            return new Rejected(sourceKey, raw.get(), reason, bytes);
        }

        public Accepted with(Object changedEntity, String coercion) {
            List<String> more = new java.util.ArrayList<>(coercions);
            more.add(coercion);
            return new Accepted(sourceKey, changedEntity, bytes, more, raw);
        }
    }

    /** {@code raw} is the row as it was read, as JSON text. */
    record Rejected(String sourceKey, String raw, String reason, long bytes) implements SourceRow {
    }
}
