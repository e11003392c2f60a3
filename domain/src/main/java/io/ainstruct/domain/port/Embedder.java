package io.ainstruct.domain.port;

import java.util.List;

/** Turns text into vectors. Implementations batch as they see fit and return unit-length vectors in input order. */
public interface Embedder {

    /** Identifies the model; vectors of different models are never mixed in one index. */
    String modelName();

    int dimension();

    List<float[]> embed(List<String> texts);

    default float[] embed(String text) {
        return embed(List.of(text)).get(0);
    }
}
