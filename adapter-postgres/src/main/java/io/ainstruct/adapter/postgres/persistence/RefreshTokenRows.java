package io.ainstruct.adapter.postgres.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface RefreshTokenRows extends CrudRepository<RefreshTokenRow, UUID> {

    @Query("UPDATE refresh_tokens SET revoked_at = :now WHERE user_id = :userId AND revoked_at IS NULL")
    int revokeAllOf(UUID userId, Instant now);

    @Query("""
            UPDATE refresh_tokens SET revoked_at = :now
            WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = :tokenHash) AND revoked_at IS NULL""")
    int revokeFamilyOf(String tokenHash, Instant now);
}
