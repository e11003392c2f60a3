package io.ainstruct.adapter.embedding;

import java.util.List;

/** Helpers shared by the embedders. */
final class Vectors {

    private Vectors() {
    }

    /**
     * A unit-length copy of {@code vector}. Models that promise normalized output still drift by
     * rounding, and cosine similarity becomes a plain dot product only on unit vectors. A zero vector
     * has no direction and is returned as is: it simply matches nothing.
     */
    static float[] normalize(float[] vector) {
        double sumOfSquares = 0;
        for (float component : vector) {
            if (!Float.isFinite(component)) {
                throw new IllegalStateException("The embedding model returned a vector with a non-finite component");
            }
            sumOfSquares += (double) component * component;
        }
        float[] unit = vector.clone();
        if (sumOfSquares == 0) {
            return unit;
        }
        double norm = Math.sqrt(sumOfSquares);
        for (int i = 0; i < unit.length; i++) {
            unit[i] = (float) (unit[i] / norm);
        }
        return unit;
    }

    /** Models embed meaning; a blank text has none, and the embedders reject it alike. */
    static void requireNoBlank(List<String> texts) {
        for (String text : texts) {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("Cannot embed a blank text");
            }
        }
    }
}
