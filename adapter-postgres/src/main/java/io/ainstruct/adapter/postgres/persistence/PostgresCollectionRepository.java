package io.ainstruct.adapter.postgres.persistence;

import io.ainstruct.adapter.postgres.persistence.UniqueViolations.ConflictRule;
import io.ainstruct.adapter.postgres.shared.TranslatesDatabaseFailures;
import io.ainstruct.domain.collection.Collection;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.collection.CollectionSummary;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.port.CollectionRepository;
import io.ainstruct.domain.user.UserId;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Singleton
@TranslatesDatabaseFailures
@Transactional
class PostgresCollectionRepository implements CollectionRepository {
    private static final Map<String, ConflictRule> CONFLICTS = Map.of("collections_user_id_name_key",
            new ConflictRule(ErrorCode.COLLECTION_EXISTS, "A collection with this name already exists"));

    private final CollectionRows rows;

    PostgresCollectionRepository(CollectionRows rows) {
        this.rows = rows;
    }

    @Override
    public void insert(Collection collection) {
        try {
            rows.save(CollectionRow.of(collection));
        } catch (RuntimeException e) {
            throw UniqueViolations.translate(e, CONFLICTS);
        }
    }

    @Override
    @SingleStatementRead
    public Optional<Collection> findById(CollectionId id) {
        return rows.findById(id.value()).map(CollectionRow::toDomain);
    }

    @Override
    @ReadOnly
    public Optional<Collection> findByOwnerAndName(UserId owner, String name) {
        return rows.findByUserIdAndName(owner.value(), name).map(CollectionRow::toDomain);
    }

    @Override
    @SingleStatementRead
    public List<CollectionId> idsOwnedBy(UserId owner) {
        return rows.findIdsOwnedBy(owner.value()).stream().map(CollectionId::new).toList();
    }

    @Override
    @ReadOnly
    public List<CollectionSummary> listByOwner(UserId owner, Instant now) {
        return rows.listSummariesByOwner(owner.value(), now).stream().map(CollectionSummaryRow::toDomain).toList();
    }

    @Override
    @ReadOnly
    public Optional<CollectionSummary> summary(CollectionId id, Instant now) {
        return rows.findSummary(id.value(), now).map(CollectionSummaryRow::toDomain);
    }

    @Override
    public void update(Collection collection) {
        try {
            rows.update(CollectionRow.of(collection));
        } catch (RuntimeException e) {
            throw UniqueViolations.translate(e, CONFLICTS);
        }
    }

    /** Documents and chunks go with it: the foreign keys cascade. */
    @Override
    public void delete(CollectionId id) {
        rows.deleteById(id.value());
    }
}
