package io.ainstruct.adapter.postgres.persistence;

import io.ainstruct.adapter.postgres.persistence.LastUseStamps.TokenTable;
import io.ainstruct.adapter.postgres.shared.TokenColumns;
import io.ainstruct.adapter.postgres.shared.TranslatesDatabaseFailures;
import io.ainstruct.domain.access.CollectionAccessToken;
import io.ainstruct.domain.access.NamedCollectionToken;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.port.CollectionAccessTokenRepository;
import io.ainstruct.domain.user.UserId;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Singleton
@TranslatesDatabaseFailures
@Transactional
class PostgresCollectionAccessTokenRepository implements CollectionAccessTokenRepository {
    private final CatRows rows;
    private final LastUseStamps lastUse;

    PostgresCollectionAccessTokenRepository(CatRows rows, LastUseStamps lastUse) {
        this.rows = rows;
        this.lastUse = lastUse;
    }

    @Override
    public void insert(CollectionAccessToken token) {
        rows.save(CatRow.of(token));
    }

    @Override
    @SingleStatementRead
    public Optional<CollectionAccessToken> findByHash(String tokenHash) {
        return rows.findByHash(tokenHash).map(CatRow::toDomain);
    }

    @Override
    @ReadOnly
    public Optional<CollectionAccessToken> findById(UUID id) {
        return rows.findById(id).map(CatRow::toDomain);
    }

    @Override
    @ReadOnly
    public List<NamedCollectionToken> listByOwner(UserId owner, Optional<CollectionId> collection) {
        List<NamedCatRow> named = collection
                .map(id -> rows.listNamedByOwnerAndCollection(owner.value(), id.value()))
                .orElseGet(() -> rows.listNamedByOwner(owner.value()));
        return named.stream().map(NamedCatRow::toDomain).toList();
    }

    @Override
    public void update(CollectionAccessToken token) {
        rows.update(token.id(), token.label(), token.tokenHash(), TokenColumns.permissionName(token.permission()),
                token.expiresAt(), token.active());
    }

    @Override
    public void recordUse(Map<UUID, Instant> lastUsed) {
        lastUse.record(TokenTable.CATS, lastUsed);
    }
}
