package io.ainstruct.adapter.qdrant;

import io.ainstruct.domain.port.VectorIndex;
import io.ainstruct.testsupport.TestQdrant;
import io.ainstruct.testsupport.VectorIndexContract;
import org.junit.jupiter.api.AfterEach;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The shared vector index contract on Qdrant: a real one (container or {@code TEST_QDRANT_URL}) when there is one,
 * else the emulator; the {@code [test-qdrant]} line says which. Each test gets a Qdrant collection of its own.
 */
class QdrantVectorIndexContractTest extends VectorIndexContract {
    private QdrantVectorIndex index;

    @Override
    protected VectorIndex createEmptyIndex() {
        index = QdrantVectorIndex.connect(freshSettings(TestQdrant.url()), "contract-model", 3);
        return index;
    }

    @AfterEach
    void closeClient() {
        index.close();
    }

    static QdrantSettings freshSettings(String url) {
        return new QdrantSettings(URI.create(url), Optional.empty(), Duration.ofSeconds(2),
                "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }
}
