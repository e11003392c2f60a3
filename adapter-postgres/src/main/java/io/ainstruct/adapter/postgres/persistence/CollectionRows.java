package io.ainstruct.adapter.postgres.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface CollectionRows extends CrudRepository<CollectionRow, UUID> {

    /** Counts documents, and the access tokens that still open the collection at {@code now}. */
    String SUMMARY = """
            SELECT c.*,
                   (SELECT count(*) FROM documents d WHERE d.collection_id = c.id) AS document_count,
                   (SELECT count(*) FROM cats t
                     WHERE t.collection_id = c.id AND t.is_active
                       AND (t.expires_at IS NULL OR t.expires_at > :now)) AS active_token_count
            FROM collections c
            """;

    Optional<CollectionRow> findByUserIdAndName(UUID userId, String name);

    @Query("SELECT id FROM collections WHERE user_id = :owner")
    List<UUID> findIdsOwnedBy(UUID owner);

    @Query(SUMMARY + "WHERE c.user_id = :owner ORDER BY c.name")
    List<CollectionSummaryRow> listSummariesByOwner(UUID owner, Instant now);

    @Query(SUMMARY + "WHERE c.id = :id")
    Optional<CollectionSummaryRow> findSummary(UUID id, Instant now);
}
