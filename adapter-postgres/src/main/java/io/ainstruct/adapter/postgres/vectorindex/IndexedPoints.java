package io.ainstruct.adapter.postgres.vectorindex;

import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.ChunkId;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.search.VectorFilter;
import io.ainstruct.domain.search.VectorHit;
import io.ainstruct.domain.search.VectorPoint;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The points an {@link InProcessVectorIndex} holds, grouped by collection so that a search scans only the
 * collections its filter allows. Vectors are unit length. Not thread-safe: the index guards it.
 */
final class IndexedPoints {
    private final Map<CollectionId, CollectionShard> shards = new HashMap<>();
    private final Map<ChunkId, CollectionId> collectionOfChunk = new HashMap<>();
    private final Map<DocumentId, Set<ChunkId>> chunksOfDocument = new HashMap<>();
    /** Of every point held; 0 while empty, so the first point sets it. */
    private int dimension;

    int size() {
        return collectionOfChunk.size();
    }

    /** Inserts or replaces points by chunk id; all or nothing: one vector of the wrong length changes nothing. */
    void upsert(List<VectorPoint> unitPoints) {
        requireDimension(unitPoints, dimension);
        unitPoints.forEach(this::put);
    }

    void removeDocument(DocumentId id) {
        Set<ChunkId> chunks = chunksOfDocument.get(id);
        if (chunks != null) {
            List.copyOf(chunks).forEach(this::remove);
        }
    }

    void removeCollection(CollectionId id) {
        CollectionShard shard = shards.get(id);
        if (shard != null) {
            shard.points().stream().map(VectorPoint::chunkId).toList().forEach(this::remove);
        }
    }

    /**
     * Makes these documents hold exactly {@code current} (their points as stored now) and drops these collections.
     * All or nothing: the dimension is checked against what would be left, before anything changes.
     */
    void replace(Set<DocumentId> documents, Set<CollectionId> collections, List<VectorPoint> current) {
        Set<ChunkId> leaving = new HashSet<>();
        documents.forEach(id -> leaving.addAll(chunksOfDocument.getOrDefault(id, Set.of())));
        collections.forEach(id -> {
            CollectionShard shard = shards.get(id);
            if (shard != null) {
                shard.points().forEach(point -> leaving.add(point.chunkId()));
            }
        });
        requireDimension(current, leaving.size() == size() ? 0 : dimension);
        leaving.forEach(this::remove);
        current.forEach(this::put);
    }

    List<VectorHit> search(float[] unitQuery, VectorFilter filter, int limit) {
        if (dimension != 0 && unitQuery.length != dimension) {
            throw new IllegalArgumentException("query vector has dimension " + unitQuery.length
                    + " but the index holds vectors of dimension " + dimension);
        }
        TopHits top = new TopHits(limit);
        for (CollectionId collection : filter.collections()) {
            CollectionShard shard = shards.get(collection);
            if (shard != null) {
                shard.search(unitQuery, filter, top);
            }
        }
        return top.bestFirst();
    }

    /** {@code held}: the dimension of the points that stay, 0 if none. */
    private static void requireDimension(List<VectorPoint> points, int held) {
        int expected = held != 0 ? held : points.isEmpty() ? 0 : points.get(0).vector().length;
        for (VectorPoint point : points) {
            int length = point.vector().length;
            if (length == 0 || length != expected) {
                throw new IllegalArgumentException("vector of chunk " + point.chunkId() + " has dimension " + length
                        + " but the index holds vectors of dimension " + expected
                        + "; vectors of another embedding model need a reindex");
            }
        }
    }

    private void put(VectorPoint point) {
        if (collectionOfChunk.containsKey(point.chunkId())) {
            remove(point.chunkId());
        }
        shards.computeIfAbsent(point.collectionId(), id -> new CollectionShard()).add(point);
        collectionOfChunk.put(point.chunkId(), point.collectionId());
        chunksOfDocument.computeIfAbsent(point.documentId(), id -> new HashSet<>()).add(point.chunkId());
        dimension = point.vector().length;
    }

    private void remove(ChunkId chunk) {
        CollectionId collection = collectionOfChunk.remove(chunk);
        CollectionShard shard = shards.get(collection);
        VectorPoint removed = shard.remove(chunk);
        if (shard.isEmpty()) {
            shards.remove(collection);
        }
        Set<ChunkId> siblings = chunksOfDocument.get(removed.documentId());
        siblings.remove(chunk);
        if (siblings.isEmpty()) {
            chunksOfDocument.remove(removed.documentId());
        }
        if (collectionOfChunk.isEmpty()) {
            dimension = 0;
        }
    }
}
