package io.ainstruct.application.collection;

import io.ainstruct.application.access.Capabilities;
import io.ainstruct.application.access.Capability;
import io.ainstruct.application.access.CollectionAccess;
import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.collection.Collection;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.collection.CollectionSummary;
import io.ainstruct.domain.error.Conflict;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.error.NotFound;
import io.ainstruct.domain.field.FieldLimits;
import io.ainstruct.domain.port.CollectionRepository;
import io.ainstruct.domain.port.IndexingOutbox;
import io.ainstruct.domain.port.UnitOfWork;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Creating, listing, renaming and deleting a person's collections. */
public final class CollectionService {
    private final CollectionRepository collections;
    private final CollectionAccess access;
    private final IndexingOutbox outbox;
    private final UnitOfWork uow;
    private final Clock clock;

    public CollectionService(CollectionRepository collections, CollectionAccess access, IndexingOutbox outbox,
                             UnitOfWork uow, Clock clock) {
        this.collections = collections;
        this.access = access;
        this.outbox = outbox;
        this.uow = uow;
        this.clock = clock;
    }

    public CollectionSummary create(Caller caller, String name) {
        Capabilities.of(caller).require(Capability.MANAGE_ACCOUNT);
        String checkedName = collectionName(name);
        Instant now = clock.instant();
        Collection collection = new Collection(CollectionId.random(), caller.userId(), checkedName, now, now);
        uow.run(() -> collections.insert(collection));
        return new CollectionSummary(collection, 0, 0);
    }

    /**
     * Where a document goes when the caller names no collection: a collection token's own collection, or the person's
     * 'default' one. Finding it needs no scope of its own; storing there is checked like any store.
     */
    public CollectionId defaultCollectionOf(Caller caller) {
        if (caller instanceof Caller.CollectionToken token) {
            return token.collectionId();
        }
        return collections.findByOwnerAndName(caller.userId(), Collection.DEFAULT_NAME).map(Collection::id)
                .orElseThrow(() -> new NotFound(ErrorCode.COLLECTION_NOT_FOUND,
                        "No 'default' collection: pass collection_id, or create a collection named 'default'"));
    }

    public List<CollectionSummary> list(Caller caller) {
        Capabilities.of(caller).require(Capability.READ_ACCOUNT);
        return collections.listByOwner(caller.userId(), clock.instant());
    }

    public CollectionSummary get(Caller caller, CollectionId id) {
        Capabilities.of(caller).require(Capability.READ_ACCOUNT);
        return uow.readOnly(() -> {
            access.readable(caller, id);
            return summary(id);
        });
    }

    public CollectionSummary rename(Caller caller, CollectionId id, String name) {
        Capabilities.of(caller).require(Capability.MANAGE_ACCOUNT);
        String checkedName = collectionName(name);
        return uow.inTransaction(() -> {
            Collection collection = access.writable(caller, id);
            collections.update(collection.renamed(checkedName, clock.instant()));
            return summary(id);
        });
    }

    /** Deletes the collection with its documents; refused while an active access token still reaches it. */
    public void delete(Caller caller, CollectionId id) {
        Capabilities.of(caller).require(Capability.MANAGE_ACCOUNT);
        uow.run(() -> {
            access.writable(caller, id);
            long activeTokens = summary(id).activeTokenCount();
            if (activeTokens > 0) {
                throw new Conflict(ErrorCode.COLLECTION_HAS_ACTIVE_CATS,
                        "Revoke the collection's " + activeTokens + " active access token(s) before deleting it");
            }
            collections.delete(id);
            outbox.collectionDeleted(id);
        });
    }

    private CollectionSummary summary(CollectionId id) {
        return collections.summary(id, clock.instant())
                .orElseThrow(() -> new IllegalStateException("collection " + id + " vanished inside its transaction"));
    }

    private static String collectionName(String name) {
        return FieldLimits.COLLECTION_NAME.require(name == null ? null : name.strip());
    }
}
