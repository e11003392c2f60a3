package io.ainstruct.adapter.embedding;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/** The sentence-embedding models that ship inside a Maven artifact, so they run offline. */
public enum LocalModel {
    ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", 384, "",
            AllMiniLmL6V2QuantizedEmbeddingModel::new, AllMiniLmL6V2QuantizedEmbeddingModel::new),
    /** bge was trained to read retrieval queries behind this instruction, and passages without it. */
    BGE_SMALL_EN_V15_Q("bge-small-en-v15-q", 384, "Represent this sentence for searching relevant passages: ",
            BgeSmallEnV15QuantizedEmbeddingModel::new, BgeSmallEnV15QuantizedEmbeddingModel::new);

    private final String modelName;
    private final int dimension;
    private final String queryInstruction;
    private final Supplier<EmbeddingModel> onDefaultExecutor;
    private final Function<Executor, EmbeddingModel> onExecutor;

    LocalModel(String modelName, int dimension, String queryInstruction, Supplier<EmbeddingModel> onDefaultExecutor,
               Function<Executor, EmbeddingModel> onExecutor) {
        this.modelName = modelName;
        this.dimension = dimension;
        this.queryInstruction = queryInstruction;
        this.onDefaultExecutor = onDefaultExecutor;
        this.onExecutor = onExecutor;
    }

    /** The model of a configured name, e.g. {@code bge-small-en-v15-q}. */
    public static LocalModel named(String modelName) {
        return Arrays.stream(values()).filter(model -> model.modelName.equals(modelName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown local embedding model '" + modelName
                        + "'; known: " + Arrays.stream(values()).map(LocalModel::modelName).toList()));
    }

    /** The model whose vectors an {@link #recordKey()} names, if it is a local one. */
    public static Optional<LocalModel> recordedAs(String recordKey) {
        return Arrays.stream(values()).filter(model -> model.recordKey().equals(recordKey)).findFirst();
    }

    /** What the embedding-model ledger records for vectors of this model, e.g. {@code all-minilm-l6-v2-q/384}. */
    public String recordKey() {
        return modelName + "/" + dimension;
    }

    /** Recorded with the stored vectors, so a change of model is noticed. */
    public String modelName() {
        return modelName;
    }

    public int dimension() {
        return dimension;
    }

    /** Put in front of a query, never of a passage; empty for models trained without one. */
    public String queryInstruction() {
        return queryInstruction;
    }

    /** Loads the model; null executor for langchain4j's default (one thread per core). */
    EmbeddingModel load(Executor executor) {
        return executor == null ? onDefaultExecutor.get() : onExecutor.apply(executor);
    }
}
