package io.ainstruct.domain.port;

import java.util.List;

/**
 * Turns text into unit-length vectors. Passages (what is stored) and queries (what is searched for) are embedded
 * apart, because some models are trained to read a query with an instruction in front of it and a passage without.
 */
public interface Embedder {

    /** Identifies the model; vectors of different models are never mixed in one index. */
    String modelName();

    int dimension();

    /** Vectors of stored passages, in input order; implementations batch as they see fit. */
    List<float[]> embedPassages(List<String> passages);

    /** The vector a search compares passages with. */
    float[] embedQuery(String query);
}
