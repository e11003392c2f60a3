package io.ainstruct.adapter.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.ainstruct.domain.port.Embedder;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The default embedder: all-MiniLM-L6-v2 (quantized), run in process with ONNX Runtime. The model
 * ships inside a Maven artifact, so it works offline and needs no configuration.
 *
 * <p>Thread-safe: the underlying model is immutable and ONNX Runtime sessions accept concurrent runs.
 */
public final class LocalMiniLmEmbedder implements Embedder {

    public static final String MODEL_NAME = "all-minilm-l6-v2-q";
    public static final int DIMENSION = 384;
    public static final int DEFAULT_BATCH_SIZE = 32;

    private final EmbeddingModel model;
    private final int batchSize;

    public LocalMiniLmEmbedder() {
        this(DEFAULT_BATCH_SIZE);
    }

    public LocalMiniLmEmbedder(int batchSize) {
        this(batchSize, null);
    }

    /**
     * @param batchSize how many texts are handed to the model at once; bounds the memory held by one call
     * @param executor  runs the texts of a batch in parallel; null for langchain4j's default (one thread per core)
     */
    public LocalMiniLmEmbedder(int batchSize, Executor executor) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        this.batchSize = batchSize;
        this.model = executor == null
                ? new AllMiniLmL6V2QuantizedEmbeddingModel()
                : new AllMiniLmL6V2QuantizedEmbeddingModel(executor);
    }

    @Override
    public String modelName() {
        return MODEL_NAME;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        // langchain4j refuses blank segments: say so up front, in our words, before any batch is spent.
        Vectors.requireNoBlank(texts);
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int start = 0; start < texts.size(); start += batchSize) {
            List<String> batch = texts.subList(start, Math.min(start + batchSize, texts.size()));
            List<TextSegment> segments = batch.stream().map(TextSegment::from).toList();
            List<Embedding> embeddings = model.embedAll(segments).content();
            if (embeddings.size() != batch.size()) {
                throw new IllegalStateException("The local model returned " + embeddings.size()
                        + " vectors for " + batch.size() + " texts");
            }
            for (Embedding embedding : embeddings) {
                vectors.add(Vectors.normalize(embedding.vector()));
            }
        }
        return vectors;
    }
}
