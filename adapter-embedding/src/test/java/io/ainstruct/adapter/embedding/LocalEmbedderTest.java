package io.ainstruct.adapter.embedding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static io.ainstruct.adapter.embedding.TestVectors.cosine;
import static io.ainstruct.adapter.embedding.TestVectors.norm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Both packaged models load from their jars (no network) and embed alike through the port. */
class LocalEmbedderTest {

    private static final Map<LocalModel, LocalEmbedder> EMBEDDERS = new EnumMap<>(LocalModel.class);

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

    /** Batches of 4, so {@link #TEXTS} is embedded in batches of 4, 4 and 2. */
    private static LocalEmbedder embedder(LocalModel model) {
        return EMBEDDERS.computeIfAbsent(model, m -> new LocalEmbedder(m, 4));
    }

    @Test
    void eachModelHasItsOwnRecordedName() {
        assertThat(embedder(LocalModel.ALL_MINILM_L6_V2_Q).modelName()).isEqualTo("all-minilm-l6-v2-q");
        assertThat(embedder(LocalModel.BGE_SMALL_EN_V15_Q).modelName()).isEqualTo("bge-small-en-v15-q");
        assertThat(LocalModel.named("bge-small-en-v15-q")).isEqualTo(LocalModel.BGE_SMALL_EN_V15_Q);
        assertThatThrownBy(() -> LocalModel.named("bge-large"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bge-small-en-v15-q");
    }

    @ParameterizedTest
    @EnumSource(LocalModel.class)
    void returnsUnitVectorsOfTheModelDimension(LocalModel model) {
        List<float[]> vectors = embedder(model).embedPassages(TEXTS);

        assertThat(embedder(model).dimension()).isEqualTo(384);
        assertThat(vectors).hasSize(TEXTS.size()).allSatisfy(vector -> {
            assertThat(vector).hasSize(384);
            assertThat(norm(vector)).isCloseTo(1.0, within(1e-5));
        });
        assertThat(norm(embedder(model).embedQuery("what stores the chunks?"))).isCloseTo(1.0, within(1e-5));
    }

    @ParameterizedTest
    @EnumSource(LocalModel.class)
    void emptyInputGivesEmptyOutput(LocalModel model) {
        assertThat(embedder(model).embedPassages(List.of())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(LocalModel.class)
    void rejectsBlankText(LocalModel model) {
        assertThatThrownBy(() -> embedder(model).embedPassages(List.of("fine", " ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
        assertThatThrownBy(() -> embedder(model).embedQuery(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
    }

    @ParameterizedTest
    @EnumSource(LocalModel.class)
    void batchingGivesTheSameVectorsAsOneByOneInInputOrder(LocalModel model) {
        List<float[]> batched = embedder(model).embedPassages(TEXTS);

        for (int i = 0; i < TEXTS.size(); i++) {
            float[] alone = embedder(model).embedPassages(List.of(TEXTS.get(i))).get(0);
            assertThat(batched.get(i)).containsExactly(alone, within(1e-5f));
        }
    }

    @ParameterizedTest
    @EnumSource(LocalModel.class)
    void aQueryIsCloserToTheRelevantPassageThanToAnUnrelatedOne(LocalModel model) {
        float[] query = embedder(model).embedQuery("How do I reset my password?");
        List<float[]> passages = embedder(model).embedPassages(List.of(
                "Steps to recover access when you forgot your login credentials.",
                "The orchestra tuned their violins before the concert."));

        assertThat(cosine(query, passages.get(0))).isGreaterThan(cosine(query, passages.get(1)) + 0.1);
    }

    @Test
    void bgeReadsQueriesBehindItsRetrievalInstructionAndPassagesWithout() {
        LocalModel bge = LocalModel.BGE_SMALL_EN_V15_Q;
        String instruction = "Represent this sentence for searching relevant passages: ";
        String text = "How do I reset my password?";
        var raw = bge.load(null);

        float[] asQuery = embedder(bge).embedQuery(text);
        float[] asPassage = embedder(bge).embedPassages(List.of(text)).get(0);

        assertThat(bge.queryInstruction()).isEqualTo(instruction);
        assertThat(asQuery).containsExactly(Vectors.normalize(raw.embed(instruction + text).content().vector()), within(1e-5f));
        assertThat(asPassage).containsExactly(Vectors.normalize(raw.embed(text).content().vector()), within(1e-5f));
        assertThat(cosine(asQuery, asPassage)).isLessThan(0.999);
    }

    @Test
    void miniLmReadsQueriesAndPassagesAlike() {
        LocalEmbedder miniLm = embedder(LocalModel.ALL_MINILM_L6_V2_Q);
        String text = "How do I reset my password?";

        assertThat(miniLm.embedQuery(text)).containsExactly(miniLm.embedPassages(List.of(text)).get(0), within(1e-6f));
    }

    @ParameterizedTest
    @EnumSource(LocalModel.class)
    void concurrentCallsGiveTheSameVectors(LocalModel model) throws Exception {
        LocalEmbedder embedder = embedder(model);
        List<float[]> expected = embedder.embedPassages(TEXTS);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<float[]>>> results = new ArrayList<>();
            IntStream.range(0, 4).forEach(i -> results.add(pool.submit(() -> embedder.embedPassages(TEXTS))));
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
