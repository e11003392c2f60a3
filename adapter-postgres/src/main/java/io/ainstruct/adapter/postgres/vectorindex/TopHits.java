package io.ainstruct.adapter.postgres.vectorindex;

import io.ainstruct.domain.search.VectorHit;
import io.ainstruct.domain.search.VectorPoint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The best {@code limit} points seen so far: a min-heap on score, so the weakest kept point is at the root. */
final class TopHits {
    private final int limit;
    private final double[] scores;
    private final VectorPoint[] points;
    private int size;

    TopHits(int limit) {
        this.limit = limit;
        this.scores = new double[limit];
        this.points = new VectorPoint[limit];
    }

    /** Whether a point of this score would be kept; cheap, so callers test it before costlier checks. */
    boolean admits(double score) {
        return size < limit || score > scores[0];
    }

    void add(VectorPoint point, double score) {
        if (size < limit) {
            scores[size] = score;
            points[size] = point;
            siftUp(size++);
        } else {
            scores[0] = score;
            points[0] = point;
            siftDown(0);
        }
    }

    List<VectorHit> bestFirst() {
        List<VectorHit> hits = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            VectorPoint point = points[i];
            hits.add(new VectorHit(point.chunkId(), point.documentId(), point.collectionId(), scores[i]));
        }
        hits.sort(Comparator.comparingDouble(VectorHit::score).reversed());
        return hits;
    }

    private void siftUp(int child) {
        while (child > 0) {
            int parent = (child - 1) / 2;
            if (scores[parent] <= scores[child]) {
                return;
            }
            swap(parent, child);
            child = parent;
        }
    }

    private void siftDown(int parent) {
        while (true) {
            int smallest = parent;
            int left = 2 * parent + 1;
            int right = left + 1;
            if (left < size && scores[left] < scores[smallest]) {
                smallest = left;
            }
            if (right < size && scores[right] < scores[smallest]) {
                smallest = right;
            }
            if (smallest == parent) {
                return;
            }
            swap(parent, smallest);
            parent = smallest;
        }
    }

    private void swap(int i, int j) {
        double score = scores[i];
        scores[i] = scores[j];
        scores[j] = score;
        VectorPoint point = points[i];
        points[i] = points[j];
        points[j] = point;
    }
}
