package io.ainstruct.adapter.postgres.persistence;

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
interface UserRows extends CrudRepository<UserRow, UUID> {

    /** Matches the unique indexes on lower(username) and lower(email); a username match wins over an e-mail match. */
    @Query("""
            SELECT * FROM users
            WHERE lower(username) = lower(:login) OR lower(email) = lower(:login)
            ORDER BY lower(username) = lower(:login) DESC
            LIMIT 1""")
    Optional<UserRow> findByLogin(String login);

    /** Every column but created_at, which never changes. */
    void update(@Id UUID id, String email, String username, String passwordHash, boolean active, boolean superuser,
                Instant updatedAt);

    /** In the order of the unique index on lower(username), which serves it. */
    @Query("SELECT * FROM users ORDER BY lower(username), id LIMIT :limit OFFSET :offset")
    List<UserRow> listByUsername(int limit, int offset);

    /** {@code pattern} is an ILIKE pattern whose escape character is the backslash. */
    @Query("""
            SELECT * FROM users
            WHERE username ILIKE :pattern ESCAPE '\\' OR email ILIKE :pattern ESCAPE '\\'
            ORDER BY lower(username), id
            LIMIT :limit""")
    List<UserRow> search(String pattern, int limit);

    /**
     * Access tokens count on the user's collections, revoked or expired ones too. The user's properties are read
     * under the columns of {@link UserRow} (is_active, is_superuser).
     */
    @Query("""
            SELECT u.*,
                   (SELECT count(*) FROM collections c WHERE c.user_id = u.id) AS collection_count,
                   (SELECT count(*) FROM pat_tokens p WHERE p.user_id = u.id) AS pat_count,
                   (SELECT count(*) FROM cats t JOIN collections c ON c.id = t.collection_id
                     WHERE c.user_id = u.id) AS cat_count
            FROM users u
            WHERE u.id = :id""")
    Optional<UserStatsRow> findStats(UUID id);
}
