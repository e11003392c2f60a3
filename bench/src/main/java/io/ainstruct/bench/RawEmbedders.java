package io.ainstruct.bench;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;

import java.util.Map;
import java.util.function.Supplier;

/** The local models the server can run, by the name the server reports, as LangChain4j models to use directly. */
final class RawEmbedders {
    private static final Map<String, Supplier<EmbeddingModel>> MODELS = Map.of(
            "all-minilm-l6-v2-q", AllMiniLmL6V2QuantizedEmbeddingModel::new,
            "bge-small-en-v15-q", BgeSmallEnV15QuantizedEmbeddingModel::new);

    private RawEmbedders() {
    }

    static EmbeddingModel of(String model) {
        Supplier<EmbeddingModel> supplier = MODELS.get(model);
        if (supplier == null) {
            throw new IllegalArgumentException("No raw embedder for model '" + model + "'; known: " + MODELS.keySet());
        }
        return supplier.get();
    }
}
