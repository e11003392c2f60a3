package io.ainstruct.application.fakes;

import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.ChunkId;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.error.Unavailable;
import io.ainstruct.domain.port.VectorIndex;
import io.ainstruct.domain.search.VectorFilter;
import io.ainstruct.domain.search.VectorHit;
import io.ainstruct.domain.search.VectorPoint;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exact search by cosine similarity over every point. Like the real engines it is outside the database
 * transaction, so it is not rolled back. {@link #down()} makes every call fail until {@link #up()}.
 */
public final class FakeVectorIndex implements VectorIndex {
    private final int dimension;
    private final Map<ChunkId, VectorPoint> points = new LinkedHashMap<>();
    private boolean down;
    private int refusedCalls;

    public FakeVectorIndex(int dimension) {
        this.dimension = dimension;
    }

    public void down() {
        down = true;
    }

    public void up() {
        down = false;
    }

    @Override
    public void upsert(List<VectorPoint> batch) {
        requireUp();
        for (VectorPoint point : batch) {
            if (point.vector().length != dimension) {
                throw new IllegalArgumentException("vector of dimension " + point.vector().length + ", expected " + dimension);
            }
        }
        batch.forEach(point -> points.put(point.chunkId(), point));
    }

    @Override
    public void deleteDocument(DocumentId id) {
        requireUp();
        points.values().removeIf(p -> p.documentId().equals(id));
    }

    @Override
    public void deleteCollection(CollectionId id) {
        requireUp();
        points.values().removeIf(p -> p.collectionId().equals(id));
    }

    @Override
    public List<VectorHit> search(float[] query, VectorFilter filter, int limit) {
        requireUp();
        return points.values().stream()
                .filter(filter::accepts)
                .map(p -> new VectorHit(p.chunkId(), p.documentId(), p.collectionId(), cosine(query, p.vector())))
                .filter(hit -> hit.score() >= filter.minScore())
                .sorted(Comparator.comparingDouble(VectorHit::score).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public long size() {
        requireUp();
        return points.size();
    }

    public List<VectorPoint> points() {
        return List.copyOf(points.values());
    }

    public List<VectorPoint> pointsOf(DocumentId id) {
        return points.values().stream().filter(p -> p.documentId().equals(id)).toList();
    }

    /** Calls refused because the index was down. */
    public int refusedCalls() {
        return refusedCalls;
    }

    private void requireUp() {
        if (down) {
            refusedCalls++;
            throw new Unavailable(ErrorCode.SERVICE_UNAVAILABLE, "vector index unreachable");
        }
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
