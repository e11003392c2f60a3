package io.ainstruct.application.fakes;

import io.ainstruct.domain.port.Embedder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bag of words hashed into 64 dimensions and normalized: deterministic, and texts that share words are close.
 * Counts the texts it embedded, so tests can tell whether a document was re-chunked.
 */
public final class FakeEmbedder implements Embedder {
    public static final int DIMENSION = 64;

    private int textsEmbedded;

    @Override
    public String modelName() {
        return "fake-bag-of-words";
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
        textsEmbedded += texts.size();
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (String text : texts) {
            vectors.add(vector(text));
        }
        return vectors;
    }

    @Override
    public float[] embedQuery(String query) {
        return vector(query);
    }

    public int textsEmbedded() {
        return textsEmbedded;
    }

    private static float[] vector(String text) {
        float[] v = new float[DIMENSION];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                v[Math.floorMod(word.hashCode(), DIMENSION)] += 1;
            }
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm == 0) {
            v[0] = 1;
            return v;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (v[i] / Math.sqrt(norm));
        }
        return v;
    }
}
