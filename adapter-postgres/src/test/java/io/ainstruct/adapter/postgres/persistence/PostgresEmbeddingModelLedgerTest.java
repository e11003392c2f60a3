package io.ainstruct.adapter.postgres.persistence;

import io.ainstruct.adapter.postgres.PostgresAdapterTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresEmbeddingModelLedgerTest extends PostgresAdapterTest {

    @Test
    void remembersTheLastModelRecorded() {
        PostgresEmbeddingModelLedger ledger = context.getBean(PostgresEmbeddingModelLedger.class);
        assertThat(ledger.recorded()).isEmpty();

        ledger.record("all-minilm-l6-v2-q/384");
        assertThat(ledger.recorded()).contains("all-minilm-l6-v2-q/384");

        ledger.record("text-embedding-3-small/1536");
        assertThat(ledger.recorded()).contains("text-embedding-3-small/1536");
        assertThat(count("SELECT count(*) FROM embedding_model")).isEqualTo(1);
    }
}
