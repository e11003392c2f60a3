package io.ainstruct.bootstrap;

import io.ainstruct.adapter.postgres.InProcessVectorIndex;
import io.ainstruct.adapter.qdrant.QdrantVectorIndex;
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
    void aQdrantUrlReplacesTheInProcessIndexAndPrunesTheChangeLogInstead() {
        try (ApplicationContext context = ApplicationContext.run(properties(Map.of("ainstruct.qdrant.url", TestQdrant.url(),
                "ainstruct.qdrant.collection-prefix", "selection_" + UUID.randomUUID().toString().substring(0, 8))))) {
            assertThat(context.getBean(VectorIndex.class)).isInstanceOf(QdrantVectorIndex.class);
            assertThat(((QdrantVectorIndex) context.getBean(VectorIndex.class)).collectionName()).endsWith("_all_minilm_l6_v2_q_384");
            assertThat(context.getBeansOfType(VectorIndex.class)).hasSize(1);
            assertThat(context.getActiveBeanRegistrations(InProcessVectorIndex.class)).isEmpty();
            assertThat(context.getActiveBeanRegistrations(VectorChangeLogPruning.class)).hasSize(1);
        }
    }

    @Test
    void aMalformedQdrantUrlStopsTheStartWithAClearMessage() {
        try (ApplicationContext context = ApplicationContext.run(properties(Map.of("ainstruct.qdrant.url", "qdrant:6334")))) {
            assertThatThrownBy(() -> context.getBean(VectorIndex.class)).hasStackTraceContaining("QDRANT_URL must look like");
        }
    }
}
