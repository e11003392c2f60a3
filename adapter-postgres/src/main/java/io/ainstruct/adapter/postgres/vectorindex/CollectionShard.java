package io.ainstruct.adapter.postgres.vectorindex;

import io.ainstruct.domain.document.ChunkId;
import io.ainstruct.domain.search.VectorFilter;
import io.ainstruct.domain.search.VectorPoint;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The points of one collection. Vectors are unit length, so a dot product is their cosine; they sit in an array
 * of their own so that a search scans them without touching the payloads of points that score too low.
 * Not thread-safe: {@link InProcessVectorIndex} guards it.
 */
final class CollectionShard {
    private float[][] vectors = new float[16][];
    private VectorPoint[] points = new VectorPoint[16];
    private final Map<ChunkId, Integer> slots = new HashMap<>();
    private int size;

    /** {@code point}'s vector must be unit length. */
    void add(VectorPoint point) {
        if (size == points.length) {
            vectors = Arrays.copyOf(vectors, size * 2);
            points = Arrays.copyOf(points, size * 2);
        }
        vectors[size] = point.vector();
        points[size] = point;
        slots.put(point.chunkId(), size++);
    }

    /** Removes the point and returns it; the last point takes its slot. */
    VectorPoint remove(ChunkId chunk) {
        int slot = slots.remove(chunk);
        VectorPoint removed = points[slot];
        int last = --size;
        if (slot != last) {
            vectors[slot] = vectors[last];
            points[slot] = points[last];
            slots.put(points[slot].chunkId(), slot);
        }
        vectors[last] = null;
        points[last] = null;
        return removed;
    }

    boolean isEmpty() {
        return size == 0;
    }

    List<VectorPoint> points() {
        return Arrays.asList(points).subList(0, size);
    }

    /** Offers {@code top} every point passing {@code filter}; the filter is checked only for points good enough to keep. */
    void search(float[] unitQuery, VectorFilter filter, TopHits top) {
        double minScore = filter.minScore();
        for (int i = 0; i < size; i++) {
            double score = dot(unitQuery, vectors[i]);
            if (score >= minScore && top.admits(score) && filter.accepts(points[i])) {
                top.add(points[i], score);
            }
        }
    }

    /** Four independent sums let the CPU overlap the multiply-adds. */
    private static double dot(float[] a, float[] b) {
        float sum0 = 0;
        float sum1 = 0;
        float sum2 = 0;
        float sum3 = 0;
        int length = a.length;
        int unrolled = length & ~3;
        int i = 0;
        for (; i < unrolled; i += 4) {
            sum0 += a[i] * b[i];
            sum1 += a[i + 1] * b[i + 1];
            sum2 += a[i + 2] * b[i + 2];
            sum3 += a[i + 3] * b[i + 3];
        }
        for (; i < length; i++) {
            sum0 += a[i] * b[i];
        }
        return (sum0 + sum1) + (sum2 + sum3);
    }
}
