package io.ainstruct.adapter.postgres.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface EmbeddingModelRows extends GenericRepository<EmbeddingModelRow, Boolean> {

    @Query("SELECT * FROM embedding_model")
    Optional<EmbeddingModelRow> findRecorded();

    @Query("""
            INSERT INTO embedding_model (singleton, model_key, recorded_at) VALUES (true, :modelKey, now())
            ON CONFLICT (singleton) DO UPDATE SET model_key = EXCLUDED.model_key, recorded_at = EXCLUDED.recorded_at""")
    int record(String modelKey);
}
