package io.ainstruct.adapter.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.ainstruct.domain.port.Embedder;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * A {@link LocalModel} run in process with ONNX Runtime: works offline and needs no configuration.
 *
 * <p>Thread-safe: the underlying model is immutable and ONNX Runtime sessions accept concurrent runs.
 */
public final class LocalEmbedder implements Embedder {

    public static final int DEFAULT_BATCH_SIZE = 32;

    private final LocalModel local;
    private final EmbeddingModel model;
    private final int batchSize;

    public LocalEmbedder(LocalModel local) {
        this(local, DEFAULT_BATCH_SIZE);
    }

    public LocalEmbedder(LocalModel local, int batchSize) {
        this(local, batchSize, null);
    }

    /**
     * @param batchSize how many texts are handed to the model at once; bounds the memory held by one call
     * @param executor  runs the texts of a batch in parallel; null for langchain4j's default (one thread per core)
     */
    public LocalEmbedder(LocalModel local, int batchSize, Executor executor) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        this.local = Objects.requireNonNull(local, "local");
        this.batchSize = batchSize;
        this.model = local.load(executor);
    }

    @Override
    public String modelName() {
        return local.modelName();
    }

    @Override
    public int dimension() {
        return local.dimension();
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        // langchain4j refuses blank segments: say so up front, in our words, before any batch is spent.
        Vectors.requireNoBlank(passages);
        List<float[]> vectors = new ArrayList<>(passages.size());
        for (int start = 0; start < passages.size(); start += batchSize) {
            vectors.addAll(embedBatch(passages.subList(start, Math.min(start + batchSize, passages.size()))));
        }
        return vectors;
    }

    @Override
    public float[] embedQuery(String query) {
        Vectors.requireNoBlank(List.of(query));
        return embedBatch(List.of(local.queryInstruction() + query)).get(0);
    }

    private List<float[]> embedBatch(List<String> batch) {
        List<TextSegment> segments = batch.stream().map(TextSegment::from).toList();
        List<Embedding> embeddings = model.embedAll(segments).content();
        if (embeddings.size() != batch.size()) {
            throw new IllegalStateException("The local model returned " + embeddings.size()
                    + " vectors for " + batch.size() + " texts");
        }
        return embeddings.stream().map(embedding -> Vectors.normalize(embedding.vector())).toList();
    }
}
