package io.ainstruct.adapter.embedding;

import io.ainstruct.domain.port.Embedder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Documents per second of N threads each storing one-sentence documents, through the {@link BatchingEmbedder} and
 * straight to the model, against the raw model given all the texts in one call (the ceiling).
 *
 * <p>Run: {@code java -cp <classpath> io.ainstruct.adapter.embedding.BatchingThroughputMain [threads] [documents] [rounds]}
 */
public final class BatchingThroughputMain {

    private static final String[] SUBJECTS = {"The outbox", "A reranker", "The harbour pilot", "Each collection",
            "The nightly backup", "An access token", "The vector index", "A quantized model", "The search page",
            "Every chunk"};
    private static final String[] VERBS = {"records", "reorders", "guides", "keeps", "copies", "grants", "returns",
            "embeds", "shows", "holds"};
    private static final String[] OBJECTS = {"every change before the commit", "the fifty closest passages",
            "the ferry through the narrow channel", "the documents of one team", "the database to a second disk",
            "read access for thirty days", "the nearest neighbours of a query", "short sentences at low cost",
            "the hits with their titles", "at most four hundred tokens"};

    private BatchingThroughputMain() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int documents = args.length > 1 ? Integer.parseInt(args[1]) : 800;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<String> texts = sentences(documents);
        LocalEmbedder model = new LocalEmbedder(LocalModel.ALL_MINILM_L6_V2_Q);
        BatchingEmbedder batching = new BatchingEmbedder(model, Duration.ofMillis(5), LocalEmbedder.DEFAULT_BATCH_SIZE);
        model.embedPassages(texts.subList(0, Math.min(200, texts.size()))); // warm-up
        System.out.printf("%d one-sentence documents, %d threads, %d cores, batches of at most %d, window 5 ms%n",
                documents, threads, Runtime.getRuntime().availableProcessors(), LocalEmbedder.DEFAULT_BATCH_SIZE);
        for (int round = 1; round <= rounds; round++) {
            long t0 = System.nanoTime();
            model.embedPassages(texts);
            double raw = documents / seconds(t0);
            double shared = concurrentStores(batching, texts, threads);
            double alone = concurrentStores(model, texts, threads);
            System.out.printf("round %d: raw, all at once %.0f docs/s; %d threads through the batcher %.0f docs/s (%.2f x raw);"
                    + " %d threads straight to the model %.0f docs/s (%.2f x raw)%n",
                    round, raw, threads, shared, shared / raw, threads, alone, alone / raw);
        }
        System.exit(0); // langchain4j's default executor keeps non-daemon threads
    }

    /** Each thread takes the next document and stores it alone, as concurrent REST clients do. */
    private static double concurrentStores(Embedder embedder, List<String> texts, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long t0 = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(pool.submit(() -> {
                for (int n = next.getAndIncrement(); n < texts.size(); n = next.getAndIncrement()) {
                    embedder.embedPassages(List.of(texts.get(n)));
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double rate = texts.size() / seconds(t0);
        pool.shutdown();
        return rate;
    }

    private static List<String> sentences(int count) {
        List<String> sentences = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            sentences.add(SUBJECTS[n % 10] + " " + VERBS[(n / 10) % 10] + " " + OBJECTS[(n / 100) % 10] + " (note " + n + ").");
        }
        return sentences;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
