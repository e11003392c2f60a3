package io.ainstruct.domain.port;

import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.search.VectorFilter;
import io.ainstruct.domain.search.VectorHit;
import io.ainstruct.domain.search.VectorPoint;

import java.util.List;

/**
 * Nearest-neighbour search over chunk vectors. A derived store: PostgreSQL holds every vector, so an index can
 * always be rebuilt; all writes are idempotent.
 */
public interface VectorIndex {

    /** Inserts or replaces points by chunk id; throws {@code IllegalArgumentException} for a vector of the wrong dimension. */
    void upsert(List<VectorPoint> points);

    void deleteDocument(DocumentId id);

    void deleteCollection(CollectionId id);

    /** The {@code limit} best points passing {@code filter}, best first. */
    List<VectorHit> search(float[] query, VectorFilter filter, int limit);

    /** Number of points held; for readiness and tests. */
    long size();
}
