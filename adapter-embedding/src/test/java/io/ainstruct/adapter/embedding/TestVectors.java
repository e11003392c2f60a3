package io.ainstruct.adapter.embedding;

/** Vector arithmetic for assertions. */
final class TestVectors {

    private TestVectors() {
    }

    static double cosine(float[] a, float[] b) {
        return dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));
    }

    static double norm(float[] v) {
        return Math.sqrt(dot(v, v));
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }
}
