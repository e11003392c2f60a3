package io.ainstruct.bootstrap;

import io.ainstruct.adapter.postgres.vectorindex.InProcessVectorIndex;
import io.ainstruct.adapter.postgres.vectorindex.StoredVectorPoints;
import io.ainstruct.adapter.qdrant.QdrantVectorIndex;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.error.Unavailable;
import io.ainstruct.domain.port.VectorIndex;
import io.ainstruct.testsupport.TestDatabase;
import io.ainstruct.testsupport.TestQdrant;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code QDRANT_URL} chooses the vector index: Qdrant when set, the in-process index otherwise; never both. */
class VectorIndexSelectionTest {

    private static Map<String, Object> properties(Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(TestDatabase.micronautProperties(TestDatabase.freshDatabase()));
        properties.put("ainstruct.indexing.worker.enabled", "false");
        properties.put("ainstruct.jwt-secret", "a-secret-that-is-long-enough-for-hs256!!");
        properties.putAll(extra);
        return properties;
    }

    @Test
    void withoutAQdrantUrlTheIndexIsInProcess() {
        try (ApplicationContext context = ApplicationContext.run(properties(Map.of("ainstruct.qdrant.url", " ")))) {
            assertThat(context.getBean(VectorIndex.class)).isInstanceOf(InProcessVectorIndex.class);
            assertThat(context.getActiveBeanRegistrations(VectorChangeLogPruning.class)).isEmpty();
        }
    }

    @Test
    void aQdrantUrlSelectsQdrantInsteadOfTheInProcessIndexAndPrunesTheChangeLog() {
        VectorIndex qdrant;
        try (ApplicationContext context = ApplicationContext.run(properties(Map.of("ainstruct.qdrant.url", TestQdrant.url(),
                "ainstruct.qdrant.collection-prefix", "selection_" + UUID.randomUUID().toString().substring(0, 8))))) {
            assertThat(context.getBean(VectorIndex.class)).isInstanceOf(QdrantVectorIndex.class);
            assertThat(((QdrantVectorIndex) context.getBean(VectorIndex.class)).collectionName())
                    .as("named after the default model of a new installation").endsWith("_bge_small_en_v15_q_384");
            assertThat(context.getBeansOfType(VectorIndex.class)).hasSize(1);
            assertThat(context.getActiveBeanRegistrations(StoredVectorPoints.class)).as("nothing loads an in-process index").isEmpty();
            assertThat(context.getActiveBeanRegistrations(VectorChangeLogPruning.class)).hasSize(1);
            qdrant = context.getBean(VectorIndex.class);
        }
        assertThatThrownBy(qdrant::size).as("the client is closed with the context")
                .isInstanceOfSatisfying(Unavailable.class, refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE))
                .hasMessageContaining("shutdown");
    }

    @Test
    void aMalformedQdrantUrlStopsTheStartWithAClearMessage() {
        try (ApplicationContext context = ApplicationContext.run(properties(Map.of("ainstruct.qdrant.url", "qdrant:6334")))) {
            assertThatThrownBy(() -> context.getBean(VectorIndex.class)).hasStackTraceContaining("QDRANT_URL must look like");
        }
    }
}
