package io.ainstruct.domain.port;

import io.ainstruct.domain.collection.Collection;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.collection.CollectionSummary;
import io.ainstruct.domain.user.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface CollectionRepository {

    /** Inserts a collection; throws {@code Conflict} COLLECTION_EXISTS when the owner already has one of that name. */
    void insert(Collection collection);

    Optional<Collection> findById(CollectionId id);

    Optional<Collection> findByOwnerAndName(UserId owner, String name);

    /** The ids of the owner's collections, without counting anything in them. */
    List<CollectionId> idsOwnedBy(UserId owner);

    /** The owner's collections by name, each with its document count and its count of active, unexpired access tokens at {@code now}. */
    List<CollectionSummary> listByOwner(UserId owner, Instant now);

    Optional<CollectionSummary> summary(CollectionId id, Instant now);

    /** Renames; throws {@code Conflict} COLLECTION_EXISTS when the owner already has one of that name. */
    void update(Collection collection);

    /** Deletes the collection with its documents and chunks. */
    void delete(CollectionId id);
}
