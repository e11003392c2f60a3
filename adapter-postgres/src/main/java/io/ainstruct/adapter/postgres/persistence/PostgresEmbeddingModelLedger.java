package io.ainstruct.adapter.postgres.persistence;

import io.ainstruct.adapter.postgres.shared.TranslatesDatabaseFailures;
import io.ainstruct.domain.port.EmbeddingModelLedger;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Optional;

@Singleton
@TranslatesDatabaseFailures
class PostgresEmbeddingModelLedger implements EmbeddingModelLedger {
    private final EmbeddingModelRows rows;

    PostgresEmbeddingModelLedger(EmbeddingModelRows rows) {
        this.rows = rows;
    }

    @Override
    @ReadOnly
    public Optional<String> recorded() {
        return rows.findRecorded().map(EmbeddingModelRow::modelKey);
    }

    /** Replaces the model recorded before, as after a reindex with a new model. */
    @Override
    @Transactional
    public void record(String modelKey) {
        rows.record(modelKey);
    }
}
