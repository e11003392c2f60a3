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
interface PatRows extends CrudRepository<PatRow, UUID> {

    String FIND_BY_HASH = "SELECT * FROM pat_tokens WHERE token_hash = CAST(:tokenHash AS bpchar)";

    /**
     * The look-up of every PAT-authenticated request: one probe of the unique index on token_hash. The cast keeps
     * the comparison on char(n), whatever type the driver gives the parameter: compared as text, the index is unused.
     */
    @Query(FIND_BY_HASH)
    Optional<PatRow> findByHash(String tokenHash);

    @Query("SELECT * FROM pat_tokens WHERE user_id = :userId ORDER BY created_at DESC, id")
    List<PatRow> listNewestFirst(UUID userId);

    /** Leaves last_used_at alone: a use recorded meanwhile must not be undone by a stale copy of the token. */
    void update(@Id UUID id, String label, String tokenHash, String[] scopes, @Nullable Instant expiresAt,
                boolean active);
}
