package io.ainstruct.adapter.embedding;

import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.error.Unavailable;
import io.ainstruct.domain.port.Embedder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchingEmbedderTest {

    /** Long enough that only a full batch, never the clock, can start a batch of waiting callers. */
    private static final Duration FOREVER = Duration.ofHours(1);

    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    /** Writes each text's digits into its vector, so a vector tells whose text it was; records every batch. */
    private static final class EncodingModel implements Embedder {
        final List<List<String>> batches = new CopyOnWriteArrayList<>();

        @Override
        public String modelName() {
            return "encoding";
        }

        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public List<float[]> embedPassages(List<String> passages) {
            batches.add(List.copyOf(passages));
            if (passages.stream().anyMatch(text -> text.startsWith("poison"))) {
                throw new IllegalStateException("the model broke on poison");
            }
            if (passages.stream().anyMatch(text -> text.startsWith("offline"))) {
                throw new Unavailable(ErrorCode.SERVICE_UNAVAILABLE, "the model is offline");
            }
            return passages.stream().map(EncodingModel::encode).toList();
        }

        @Override
        public float[] embedQuery(String query) {
            return new float[]{-1, -1, -1};
        }

        /** {@code "t-3-14-1"} becomes {@code [3, 14, 1]}. */
        static float[] encode(String text) {
            String[] parts = text.split("-");
            return new float[]{Float.parseFloat(parts[1]), Float.parseFloat(parts[2]), Float.parseFloat(parts[3])};
        }
    }

    private static List<String> texts(int caller, int call, int count) {
        return IntStream.range(0, count).mapToObj(n -> "t-" + caller + "-" + call + "-" + n).toList();
    }

    @Test
    void underConcurrencyEveryCallerGetsExactlyItsOwnVectorsInOrderAndNoBatchExceedsTheBound() throws Exception {
        EncodingModel model = new EncodingModel();
        int maxBatchSize = 16;
        BatchingEmbedder batching = new BatchingEmbedder(model, Duration.ofMillis(5), maxBatchSize);
        int threads = 12;
        int callsEach = 40;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> done = new ArrayList<>();
        for (int caller = 0; caller < threads; caller++) {
            int me = caller;
            done.add(callers.submit(() -> {
                start.await();
                int checked = 0;
                for (int call = 0; call < callsEach; call++) {
                    // Sizes up to twice the bound: some join batches, some do not fit, some embed alone.
                    List<String> mine = texts(me, call, ThreadLocalRandom.current().nextInt(1, 2 * maxBatchSize + 1));
                    List<float[]> vectors = batching.embedPassages(mine);
                    assertThat(vectors).hasSameSizeAs(mine);
                    for (int n = 0; n < mine.size(); n++) {
                        assertThat(vectors.get(n)).containsExactly(EncodingModel.encode(mine.get(n)));
                        checked++;
                    }
                }
                return checked;
            }));
        }
        start.countDown();
        int checked = 0;
        for (Future<Integer> caller : done) {
            checked += caller.get();
        }

        assertThat(model.batches).allSatisfy(batch -> assertThat(batch).hasSizeBetween(1, maxBatchSize));
        assertThat(model.batches.stream().mapToInt(List::size).sum()).isEqualTo(checked);
        assertThat(model.batches).as("some batch held texts of more than one caller")
                .anySatisfy(batch -> assertThat(batch.stream().map(text -> text.split("-")[1]).distinct()).hasSizeGreaterThan(1));
    }

    @Test
    void aBatchStartsAsSoonAsItIsFullWithEveryMembersTexts() throws Exception {
        EncodingModel model = new EncodingModel();
        BatchingEmbedder batching = new BatchingEmbedder(model, FOREVER, 4);

        List<Future<List<float[]>>> results = new ArrayList<>();
        for (int caller = 0; caller < 4; caller++) {
            int me = caller;
            results.add(callers.submit(() -> batching.embedPassages(texts(me, 0, 1))));
        }
        for (int caller = 0; caller < 4; caller++) {
            float me = caller;
            assertThat(results.get(caller).get()).singleElement()
                    .satisfies(vector -> assertThat(vector).containsExactly(me, 0f, 0f));
        }

        assertThat(model.batches).singleElement().satisfies(batch -> assertThat(batch).containsExactlyInAnyOrder(
                "t-0-0-0", "t-1-0-0", "t-2-0-0", "t-3-0-0"));
    }

    @Test
    void aLoneCallerIsEmbeddedAloneOnceTheWindowHasPassed() {
        EncodingModel model = new EncodingModel();
        BatchingEmbedder batching = new BatchingEmbedder(model, Duration.ofMillis(5), 32);

        List<float[]> vectors = batching.embedPassages(texts(7, 1, 3));

        assertThat(vectors).extracting(vector -> vector[2]).containsExactly(0f, 1f, 2f);
        assertThat(model.batches).containsExactly(texts(7, 1, 3));
    }

    @Test
    void aCallerWithAFullBatchOfItsOwnIsCutToTheBoundAndWaitsForNobody() {
        EncodingModel model = new EncodingModel();
        BatchingEmbedder batching = new BatchingEmbedder(model, FOREVER, 4);

        List<float[]> vectors = batching.embedPassages(texts(1, 0, 10));

        assertThat(vectors).extracting(vector -> vector[2]).containsExactly(0f, 1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f);
        assertThat(model.batches).extracting(List::size).containsExactly(4, 4, 2);
    }

    @Test
    void aFailedBatchFailsItsOwnCallersOnlyAndSaysWhatFailed() throws Exception {
        EncodingModel model = new EncodingModel();
        BatchingEmbedder batching = new BatchingEmbedder(model, FOREVER, 2);

        Future<List<float[]>> poisoned = callers.submit(() -> batching.embedPassages(List.of("poison-0-0-0")));
        Future<List<float[]>> sameBatch = callers.submit(() -> batching.embedPassages(texts(1, 0, 1)));
        assertThatThrownBy(poisoned::get).cause().isInstanceOf(IllegalStateException.class)
                .hasMessage("Embedding a shared batch of 2 texts from 2 callers failed: the model broke on poison");
        assertThatThrownBy(sameBatch::get).cause().isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the model broke on poison");

        Future<List<float[]>> nextBatchA = callers.submit(() -> batching.embedPassages(texts(2, 0, 1)));
        Future<List<float[]>> nextBatchB = callers.submit(() -> batching.embedPassages(texts(3, 0, 1)));
        assertThat(nextBatchA.get()).singleElement().satisfies(v -> assertThat(v).containsExactly(2f, 0f, 0f));
        assertThat(nextBatchB.get()).singleElement().satisfies(v -> assertThat(v).containsExactly(3f, 0f, 0f));
    }

    @Test
    void anUnavailableModelStaysUnavailableForEveryCallerOfTheBatch() throws Exception {
        EncodingModel model = new EncodingModel();
        BatchingEmbedder batching = new BatchingEmbedder(model, FOREVER, 2);

        Future<List<float[]>> offline = callers.submit(() -> batching.embedPassages(List.of("offline-0-0-0")));
        Future<List<float[]>> sameBatch = callers.submit(() -> batching.embedPassages(texts(1, 0, 1)));

        for (Future<List<float[]>> caller : List.of(offline, sameBatch)) {
            assertThatThrownBy(caller::get).cause().isInstanceOfSatisfying(Unavailable.class,
                    unavailable -> assertThat(unavailable.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
        }
    }

    @Test
    void aBlankTextIsRefusedBeforeItCanJoinABatch() {
        EncodingModel model = new EncodingModel();
        BatchingEmbedder batching = new BatchingEmbedder(model, FOREVER, 2);

        assertThatThrownBy(() -> batching.embedPassages(List.of("t-0-0-0", " ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Cannot embed a blank text");
        assertThat(model.batches).isEmpty();
    }

    @Test
    void queriesGoStraightToTheModel() {
        EncodingModel model = new EncodingModel();
        BatchingEmbedder batching = new BatchingEmbedder(model, FOREVER, 2);

        assertThat(batching.embedQuery("anything")).containsExactly(-1f, -1f, -1f);
        assertThat(batching.modelName()).isEqualTo("encoding");
        assertThat(batching.dimension()).isEqualTo(3);
    }
}
