package io.ainstruct.application.fakes;

import io.ainstruct.domain.access.CollectionAccessToken;
import io.ainstruct.domain.access.NamedCollectionToken;
import io.ainstruct.domain.collection.Collection;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.port.CollectionAccessTokenRepository;
import io.ainstruct.domain.user.UserId;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Collection access tokens by id, found by the digest of their secret. Listing joins the collections, as the
 * database does: a token whose collection is gone is not listed.
 */
public final class FakeCollectionTokens implements CollectionAccessTokenRepository, Rollbackable {
    private final FakeUnitOfWork uow;
    private final FakeCollections collections;
    private final Map<UUID, Row> byId = new LinkedHashMap<>();
    private long sequence;

    /** {@code seq} breaks ties between tokens created at the same instant: later insert, newer. */
    private record Row(CollectionAccessToken token, long seq) {
    }

    public FakeCollectionTokens(FakeUnitOfWork uow, FakeCollections collections) {
        this.uow = uow;
        this.collections = collections;
    }

    @Override
    public void insert(CollectionAccessToken token) {
        uow.requireWritable();
        if (byId.containsKey(token.id())) {
            throw new IllegalStateException("duplicate token id " + token.id());
        }
        byId.put(token.id(), new Row(token, ++sequence));
    }

    @Override
    public Optional<CollectionAccessToken> findByHash(String tokenHash) {
        return byId.values().stream().map(Row::token).filter(t -> t.tokenHash().equals(tokenHash)).findFirst();
    }

    @Override
    public Optional<CollectionAccessToken> findById(UUID id) {
        return Optional.ofNullable(byId.get(id)).map(Row::token);
    }

    @Override
    public List<NamedCollectionToken> listByOwner(UserId owner, Optional<CollectionId> collection) {
        return byId.values().stream()
                .filter(row -> collection.map(id -> id.equals(row.token().collectionId())).orElse(true))
                .sorted(Comparator.comparing((Row row) -> row.token().createdAt()).thenComparingLong(Row::seq).reversed())
                .flatMap(row -> collections.findById(row.token().collectionId())
                        .filter(c -> c.ownerId().equals(owner))
                        .map(c -> new NamedCollectionToken(row.token(), c.name()))
                        .stream())
                .toList();
    }

    @Override
    public void update(CollectionAccessToken token) {
        uow.requireWritable();
        Row row = byId.get(token.id());
        if (row == null) {
            throw new IllegalStateException("no token " + token.id());
        }
        // Like the database: last use is written by recordUse only; collection and creator never change.
        CollectionAccessToken old = row.token();
        CollectionAccessToken stored = new CollectionAccessToken(old.id(), old.collectionId(), old.createdBy(), token.label(),
                token.tokenHash(), token.permission(), token.expiresAt(), old.lastUsedAt(), token.active(), old.createdAt());
        byId.put(token.id(), new Row(stored, row.seq()));
    }

    @Override
    public void recordUse(Map<UUID, Instant> lastUsed) {
        uow.requireWritable();
        lastUsed.forEach((id, at) -> {
            Row row = byId.get(id);
            if (row == null) {
                return;
            }
            CollectionAccessToken t = row.token();
            Instant latest = t.lastUsedAt() == null || at.isAfter(t.lastUsedAt()) ? at : t.lastUsedAt();
            byId.put(id, new Row(new CollectionAccessToken(t.id(), t.collectionId(), t.createdBy(), t.label(),
                    t.tokenHash(), t.permission(), t.expiresAt(), latest, t.active(), t.createdAt()), row.seq()));
        });
    }

    /** Every stored value is a digest, never the secret handed to the client. */
    public Set<String> storedHashes() {
        return byId.values().stream().map(row -> row.token().tokenHash()).collect(Collectors.toUnmodifiableSet());
    }

    /** Tokens on {@code collection} that are active and unexpired at {@code now}. */
    long activeIn(CollectionId collection, Instant now) {
        return byId.values().stream().map(Row::token)
                .filter(t -> t.collectionId().equals(collection) && t.usableAt(now))
                .count();
    }

    /** Tokens on the user's collections, revoked ones included. */
    long countOwnedBy(UserId owner) {
        return byId.values().stream().map(Row::token)
                .filter(t -> collections.findById(t.collectionId()).map(Collection::ownerId).filter(owner::equals).isPresent())
                .count();
    }

    /** The cascade of a collection delete. */
    void deleteCollection(CollectionId collection) {
        byId.values().removeIf(row -> row.token().collectionId().equals(collection));
    }

    /** The cascade of a user delete. */
    void deleteCreatedBy(UserId user) {
        byId.values().removeIf(row -> row.token().createdBy().equals(user));
    }

    @Override
    public Runnable snapshot() {
        Map<UUID, Row> copy = new LinkedHashMap<>(byId);
        long seq = sequence;
        return () -> {
            byId.clear();
            byId.putAll(copy);
            sequence = seq;
        };
    }
}
