package io.ainstruct.application.fakes;

import io.ainstruct.domain.collection.Collection;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.collection.CollectionSummary;
import io.ainstruct.domain.error.Conflict;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.port.CollectionRepository;
import io.ainstruct.domain.user.UserId;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collections, unique by name per owner. The active access tokens reaching a collection are counted from the
 * {@link FakeCollectionTokens} it is {@linkplain #countTokensIn linked to}, plus any the test adds with
 * {@link #setActiveTokenCount}. Deleting a collection deletes its documents and its tokens, as the database does.
 */
public final class FakeCollections implements CollectionRepository, Rollbackable {
    private final FakeUnitOfWork uow;
    private final FakeDocuments documents;
    private final Map<CollectionId, Collection> byId = new LinkedHashMap<>();
    private final Map<CollectionId, Long> activeTokens = new HashMap<>();
    private FakeCollectionTokens tokens;

    public FakeCollections(FakeUnitOfWork uow, FakeDocuments documents) {
        this.uow = uow;
        this.documents = documents;
    }

    @Override
    public void insert(Collection collection) {
        uow.requireWritable();
        requireUniqueName(collection);
        byId.put(collection.id(), collection);
    }

    @Override
    public Optional<Collection> findById(CollectionId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<Collection> findByOwnerAndName(UserId owner, String name) {
        return byId.values().stream().filter(c -> c.ownerId().equals(owner) && c.name().equals(name)).findFirst();
    }

    @Override
    public List<CollectionSummary> listByOwner(UserId owner, Instant now) {
        return byId.values().stream()
                .filter(c -> c.ownerId().equals(owner))
                .sorted(Comparator.comparing(Collection::name))
                .map(c -> summarize(c, now))
                .toList();
    }

    @Override
    public List<CollectionId> idsOwnedBy(UserId owner) {
        return byId.values().stream().filter(c -> c.ownerId().equals(owner)).map(Collection::id).toList();
    }

    @Override
    public Optional<CollectionSummary> summary(CollectionId id, Instant now) {
        return findById(id).map(c -> summarize(c, now));
    }

    @Override
    public void update(Collection collection) {
        uow.requireWritable();
        if (!byId.containsKey(collection.id())) {
            throw new IllegalStateException("no collection " + collection.id());
        }
        requireUniqueName(collection);
        byId.put(collection.id(), collection);
    }

    @Override
    public void delete(CollectionId id) {
        uow.requireWritable();
        byId.remove(id);
        activeTokens.remove(id);
        documents.deleteCollection(id);
        if (tokens != null) {
            tokens.deleteCollection(id);
        }
    }

    /** Counts the active tokens of {@code collectionTokens} in every summary (they need this store, hence a setter). */
    public void countTokensIn(FakeCollectionTokens collectionTokens) {
        this.tokens = collectionTokens;
    }

    /** The cascade of a user delete. */
    void deleteOwnedBy(UserId owner) {
        byId.values().stream().filter(c -> c.ownerId().equals(owner)).map(Collection::id).toList().forEach(this::delete);
    }

    long countOwnedBy(UserId owner) {
        return byId.values().stream().filter(c -> c.ownerId().equals(owner)).count();
    }

    /** Pretends {@code count} more active tokens reach the collection than the token store holds. */
    public void setActiveTokenCount(CollectionId id, long count) {
        activeTokens.put(id, count);
    }

    public int count() {
        return byId.size();
    }

    private CollectionSummary summarize(Collection c, Instant now) {
        long counted = tokens == null ? 0 : tokens.activeIn(c.id(), now);
        return new CollectionSummary(c, documents.countIn(c.id()), counted + activeTokens.getOrDefault(c.id(), 0L));
    }

    private void requireUniqueName(Collection collection) {
        boolean taken = byId.values().stream().anyMatch(c -> !c.id().equals(collection.id())
                && c.ownerId().equals(collection.ownerId()) && c.name().equals(collection.name()));
        if (taken) {
            throw new Conflict(ErrorCode.COLLECTION_EXISTS, "a collection named '" + collection.name() + "' exists");
        }
    }

    @Override
    public Runnable snapshot() {
        Map<CollectionId, Collection> copy = new LinkedHashMap<>(byId);
        Map<CollectionId, Long> tokenCounts = new HashMap<>(activeTokens);
        return () -> {
            byId.clear();
            byId.putAll(copy);
            activeTokens.clear();
            activeTokens.putAll(tokenCounts);
        };
    }
}
