package io.ainstruct.domain.search;

import java.util.UUID;

/** A change the vector index has yet to learn of; {@code subject} is a document id or a collection id. */
public record OutboxEvent(long id, Kind kind, UUID subject, int attempts) {

    public enum Kind {
        /** Make the index hold exactly the document's current chunks (none, if it is gone). */
        SYNC_DOCUMENT,
        /** Drop every point of the collection. */
        DROP_COLLECTION
    }
}
