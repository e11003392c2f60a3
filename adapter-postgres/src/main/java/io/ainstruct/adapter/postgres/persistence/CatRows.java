package io.ainstruct.adapter.postgres.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface CatRows extends CrudRepository<CatRow, UUID> {

    String FIND_BY_HASH = "SELECT * FROM cats WHERE token_hash = CAST(:tokenHash AS bpchar)";

    /**
     * Tokens of the owner's collections: the owner is the collection's, whoever created the token. The row's
     * properties are read under the columns of {@link CatRow} (is_active for {@code active}).
     */
    String NAMED_OF_OWNER = """
            SELECT t.*, c.name AS collection_name
            FROM cats t
            JOIN collections c ON c.id = t.collection_id
            WHERE c.user_id = :owner
            """;

    /** One probe of the unique index on token_hash; see {@link PatRows#findByHash} for the cast. */
    @Query(FIND_BY_HASH)
    Optional<CatRow> findByHash(String tokenHash);

    @Query(NAMED_OF_OWNER + "ORDER BY t.created_at DESC, t.id")
    List<NamedCatRow> listNamedByOwner(UUID owner);

    @Query(NAMED_OF_OWNER + "AND t.collection_id = :collection ORDER BY t.created_at DESC, t.id")
    List<NamedCatRow> listNamedByOwnerAndCollection(UUID owner, UUID collection);

    /** Leaves last_used_at alone: a use recorded meanwhile must not be undone by a stale copy of the token. */
    void update(@Id UUID id, String label, String tokenHash, String permission, @Nullable Instant expiresAt,
                boolean active);
}
