package io.ainstruct.application.access;

import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.collection.Collection;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.error.NotFound;
import io.ainstruct.domain.port.CollectionRepository;

import java.util.Set;

/**
 * Decides which collections a caller reaches, once {@link Capabilities} allows what they do there. Someone else's
 * collection is reported as not found, never as forbidden, so ids cannot be probed.
 */
public final class CollectionAccess {
    private final CollectionRepository collections;

    public CollectionAccess(CollectionRepository collections) {
        this.collections = collections;
    }

    public Collection readable(Caller caller, CollectionId id) {
        return reachable(caller, id, Capability.READ_DOCUMENTS);
    }

    public Collection writable(Caller caller, CollectionId id) {
        return reachable(caller, id, Capability.WRITE_DOCUMENTS);
    }

    /** Every collection the caller may read. */
    public Set<CollectionId> readableIds(Caller caller) {
        Capabilities.of(caller).require(Capability.READ_DOCUMENTS);
        if (caller instanceof Caller.CollectionToken token) {
            return Set.of(token.collectionId());
        }
        return Set.copyOf(collections.idsOwnedBy(caller.userId()));
    }

    /** Moving a document takes it out of its collection: only a person reaches a second one. */
    public Collection movableInto(Caller caller, CollectionId target) {
        if (!Capabilities.of(caller).allows(Capability.MANAGE_ACCOUNT)) {
            throw notFound();
        }
        return writable(caller, target);
    }

    private Collection reachable(Caller caller, CollectionId id, Capability capability) {
        // A collection token hears of no collection but its own, not even that it may not write there.
        if (caller instanceof Caller.CollectionToken token && !token.collectionId().equals(id)) {
            throw notFound();
        }
        Capabilities.of(caller).require(capability);
        Collection collection = collections.findById(id).orElseThrow(CollectionAccess::notFound);
        if (!collection.ownerId().equals(caller.userId())) {
            throw notFound();
        }
        return collection;
    }

    private static NotFound notFound() {
        return new NotFound(ErrorCode.COLLECTION_NOT_FOUND, "Collection not found");
    }
}
