package io.ainstruct.adapter.postgres;

import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.ChunkId;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.port.VectorIndex;
import io.ainstruct.domain.search.VectorFilter;
import io.ainstruct.domain.search.VectorHit;
import io.ainstruct.domain.search.VectorPoint;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Exact cosine search over vectors held in memory, for deployments of one machine. Points are grouped by
 * collection, so a search scans only the collections its filter allows. The index is loaded from PostgreSQL on
 * first use; searches run concurrently, writes one at a time.
 */
@Singleton
public class InProcessVectorIndex implements VectorIndex {
    private final StoredVectorPoints storedPoints;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<CollectionId, CollectionShard> shards = new HashMap<>();
    private final Map<ChunkId, CollectionId> collectionOfChunk = new HashMap<>();
    private final Map<DocumentId, Set<ChunkId>> chunksOfDocument = new HashMap<>();
    /** Of every point held; 0 while the index is empty, so the first point sets it. */
    private int dimension;
    private volatile boolean loaded;

    InProcessVectorIndex(StoredVectorPoints storedPoints) {
        this.storedPoints = storedPoints;
    }

    @Override
    public void upsert(List<VectorPoint> points) {
        List<VectorPoint> unitPoints = points.stream().map(InProcessVectorIndex::withUnitVector).toList();
        ensureLoaded();
        lock.writeLock().lock();
        try {
            requireDimension(unitPoints);
            unitPoints.forEach(this::put);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void deleteDocument(DocumentId id) {
        ensureLoaded();
        lock.writeLock().lock();
        try {
            Set<ChunkId> chunks = chunksOfDocument.get(id);
            if (chunks != null) {
                List.copyOf(chunks).forEach(this::remove);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void deleteCollection(CollectionId id) {
        ensureLoaded();
        lock.writeLock().lock();
        try {
            CollectionShard shard = shards.get(id);
            if (shard != null) {
                shard.points().stream().map(VectorPoint::chunkId).toList().forEach(this::remove);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public List<VectorHit> search(float[] query, VectorFilter filter, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        float[] unitQuery = unitLength(query);
        ensureLoaded();
        lock.readLock().lock();
        try {
            if (dimension != 0 && query.length != dimension) {
                throw new IllegalArgumentException("query vector has dimension " + query.length
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
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public long size() {
        ensureLoaded();
        lock.readLock().lock();
        try {
            return collectionOfChunk.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    private void ensureLoaded() {
        if (loaded) {
            return;
        }
        lock.writeLock().lock();
        try {
            if (!loaded) {
                storedPoints.forEach(point -> {
                    VectorPoint unitPoint = withUnitVector(point);
                    requireDimension(List.of(unitPoint));
                    put(unitPoint);
                });
                loaded = true;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** All or nothing: a batch with one vector of the wrong length changes nothing. */
    private void requireDimension(List<VectorPoint> points) {
        int expected = dimension != 0 ? dimension : points.isEmpty() ? 0 : points.get(0).vector().length;
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

    private static VectorPoint withUnitVector(VectorPoint point) {
        return new VectorPoint(point.chunkId(), point.documentId(), point.collectionId(), point.type(),
                point.metadata(), unitLength(point.vector()));
    }

    /** A scaled copy of length one; a zero vector stays zero and scores 0 against everything. */
    private static float[] unitLength(float[] vector) {
        double squares = 0;
        for (float value : vector) {
            squares += (double) value * value;
        }
        float[] unit = vector.clone();
        if (squares > 0) {
            float scale = (float) (1 / Math.sqrt(squares));
            for (int i = 0; i < unit.length; i++) {
                unit[i] *= scale;
            }
        }
        return unit;
    }
}
