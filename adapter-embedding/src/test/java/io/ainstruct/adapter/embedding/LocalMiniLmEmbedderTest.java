package io.ainstruct.adapter.embedding;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static io.ainstruct.adapter.embedding.TestVectors.cosine;
import static io.ainstruct.adapter.embedding.TestVectors.norm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LocalMiniLmEmbedderTest {

    private static final LocalMiniLmEmbedder EMBEDDER = new LocalMiniLmEmbedder(4);

    private static final List<String> TEXTS = List.of(
            "PostgreSQL stores the documents and their chunks.",
            "The cat sat on the warm windowsill all afternoon.",
            "Vectors are compared by cosine similarity.",
            "Rain is expected tomorrow in the north.",
            "The outbox guarantees that no write to the index is lost.",
            "She ordered a coffee with oat milk.",
            "Tokens are counted with the cl100k_base encoding.",
            "The river froze early this winter.",
            "Embeddings of different models are never mixed.",
            "A chunk holds at most four hundred tokens.");

    @Test
    void describesTheModel() {
        assertThat(EMBEDDER.modelName()).isEqualTo("all-minilm-l6-v2-q");
        assertThat(EMBEDDER.dimension()).isEqualTo(384);
    }

    @Test
    void returnsUnitVectorsOfTheModelDimension() {
        List<float[]> vectors = EMBEDDER.embed(TEXTS);

        assertThat(vectors).hasSize(TEXTS.size()).allSatisfy(vector -> {
            assertThat(vector).hasSize(384);
            assertThat(norm(vector)).isCloseTo(1.0, within(1e-5));
        });
    }

    @Test
    void emptyInputGivesEmptyOutput() {
        assertThat(EMBEDDER.embed(List.of())).isEmpty();
    }

    @Test
    void rejectsBlankText() {
        assertThatThrownBy(() -> EMBEDDER.embed(List.of("fine", " ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
    }

    @Test
    void batchingGivesTheSameVectorsAsOneByOneInInputOrder() {
        List<float[]> batched = EMBEDDER.embed(TEXTS); // batches of 4, 4 and 2

        for (int i = 0; i < TEXTS.size(); i++) {
            float[] alone = EMBEDDER.embed(TEXTS.get(i));
            assertThat(batched.get(i)).containsExactly(alone, within(1e-5f));
        }
    }

    @Test
    void similarSentencesScoreHigherThanUnrelatedOnes() {
        float[] query = EMBEDDER.embed("How do I reset my password?");
        float[] similar = EMBEDDER.embed("Steps to recover access when you forgot your login credentials.");
        float[] unrelated = EMBEDDER.embed("The orchestra tuned their violins before the concert.");

        assertThat(cosine(query, similar)).isGreaterThan(cosine(query, unrelated) + 0.1);
    }

    @Test
    void concurrentCallsGiveTheSameVectors() throws Exception {
        List<float[]> expected = EMBEDDER.embed(TEXTS);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<float[]>>> results = new ArrayList<>();
            IntStream.range(0, 4).forEach(i -> results.add(pool.submit(() -> EMBEDDER.embed(TEXTS))));
            for (Future<List<float[]>> result : results) {
                List<float[]> vectors = result.get();
                for (int i = 0; i < TEXTS.size(); i++) {
                    assertThat(vectors.get(i)).containsExactly(expected.get(i), within(1e-5f));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
