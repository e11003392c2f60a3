package io.ainstruct.adapter.postgres.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface OutboxRows extends CrudRepository<OutboxRow, Long> {

    /** Due now at the database's clock, which also stamps {@code created_at}. */
    @Query("INSERT INTO indexing_outbox (kind, subject) VALUES (:kind, :subject)")
    int append(String kind, UUID subject);

    /** Rows another transaction has locked are skipped, so concurrent relays never apply one event twice. */
    @Query("""
            SELECT * FROM indexing_outbox
            WHERE available_at <= :now
            ORDER BY id
            LIMIT :max
            FOR UPDATE SKIP LOCKED""")
    List<OutboxRow> lockDue(Instant now, int max);

    @Query("""
            UPDATE indexing_outbox
            SET attempts = attempts + 1, last_error = :error, available_at = :retryAt
            WHERE id = :id""")
    int postpone(long id, String error, Instant retryAt);
}
