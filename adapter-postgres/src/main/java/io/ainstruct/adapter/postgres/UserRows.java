package io.ainstruct.adapter.postgres;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

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
}
