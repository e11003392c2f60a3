package io.ainstruct.adapter.qdrant;

import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.ChunkId;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.error.Unavailable;
import io.ainstruct.domain.port.VectorIndex;
import io.ainstruct.domain.search.VectorFilter;
import io.ainstruct.domain.search.VectorHit;
import io.ainstruct.domain.search.VectorPoint;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.ValueFactory;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.KeywordIndexParams;
import io.qdrant.client.grpc.Collections.PayloadIndexParams;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointsSelector;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.SearchPoints;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.Points.Vector;
import io.qdrant.client.grpc.Points.Vectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.list;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.WithPayloadSelectorFactory.include;

/**
 * The vector index on Qdrant: one Qdrant collection per embedding model and dimension, created with cosine distance
 * on first use; tenants (ainstruct collections) are told apart by an indexed {@code collection_id} payload, as
 * Qdrant recommends for multitenancy. Point ids are chunk ids, so writing a point twice replaces it.
 * <p>
 * Metadata is filtered on as text, like every other index of the port: each entry is stored as one keyword
 * ({@link MetadataKeywords}), so a filter is an exact keyword match whatever the key holds.
 */
public final class QdrantVectorIndex implements VectorIndex, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QdrantVectorIndex.class);
    static final String COLLECTION_ID = "collection_id";
    static final String DOCUMENT_ID = "document_id";
    static final String DOCUMENT_TYPE = "document_type";
    static final String METADATA = "metadata_entries";
    /** Points per upsert request: large enough to amortise a round trip, small enough for gRPC's 4 MB message limit at 1536 dimensions. */
    static final int UPSERT_BATCH = 256;

    private final QdrantClient client;
    private final QdrantCalls calls;
    private final String collection;
    private final int dimension;
    private volatile boolean collectionReady;

    QdrantVectorIndex(QdrantClient client, QdrantCalls calls, String collection, int dimension) {
        this.client = client;
        this.calls = calls;
        this.collection = collection;
        this.dimension = dimension;
    }

    /** An index on the Qdrant collection for {@code model} and {@code dimension}; connects lazily, so Qdrant may be down. */
    public static QdrantVectorIndex connect(QdrantSettings settings, String model, int dimension) {
        ManagedChannelBuilder<?> channel = ManagedChannelBuilder.forAddress(settings.host(), settings.port())
                .userAgent("ainstruct")
                .intercept(new WaitForReady());
        ManagedChannel open = (settings.tls() ? channel.useTransportSecurity() : channel.usePlaintext()).build();
        // No compatibility check: it would call Qdrant while the service starts, and the service must start without it.
        // Every call passes its own deadline (QdrantCalls.deadline), so the client needs no default one.
        QdrantGrpcClient.Builder grpc = QdrantGrpcClient.newBuilder(open, true, false);
        settings.apiKey().ifPresent(grpc::withApiKey);
        return new QdrantVectorIndex(new QdrantClient(grpc.build()), new QdrantCalls(settings, open),
                settings.collectionName(model, dimension), dimension);
    }

    /** The Qdrant collection this index writes to. */
    public String collectionName() {
        return collection;
    }

    /**
     * Creates or checks the Qdrant collection now rather than on first use: a collection of another dimension is
     * refused at start. Qdrant being unreachable is no error here: the outbox waits for it.
     */
    public void prepare() {
        try {
            ensureCollection();
        } catch (Unavailable e) {
            LOG.warn("Qdrant is not reachable yet; indexing waits in the outbox until it is: {}", e.getMessage());
        }
    }

    @Override
    public void upsert(List<VectorPoint> points) {
        points.forEach(point -> requireDimension(point.vector(), "point " + point.chunkId()));
        if (points.isEmpty()) {
            return;
        }
        ensureCollection();
        for (int from = 0; from < points.size(); from += UPSERT_BATCH) {
            List<PointStruct> batch = points.subList(from, Math.min(points.size(), from + UPSERT_BATCH)).stream()
                    .map(QdrantVectorIndex::pointStruct).toList();
            calls.await("upsert points", client.upsertAsync(UpsertPoints.newBuilder()
                    .setCollectionName(collection).setWait(true).addAllPoints(batch).build(), calls.deadline()));
        }
    }

    @Override
    public void deleteDocument(DocumentId id) {
        deleteWhere(Filter.newBuilder().addMust(matchKeyword(DOCUMENT_ID, id.value().toString())).build());
    }

    @Override
    public void deleteCollection(CollectionId id) {
        deleteWhere(Filter.newBuilder().addMust(matchKeyword(COLLECTION_ID, id.value().toString())).build());
    }

    @Override
    public List<VectorHit> search(float[] query, VectorFilter filter, int limit) {
        requireDimension(query, "query");
        if (limit <= 0 || filter.collections().isEmpty()) {
            return List.of();
        }
        ensureCollection();
        SearchPoints.Builder search = SearchPoints.newBuilder()
                .setCollectionName(collection)
                .setFilter(QdrantFilters.of(filter))
                .setLimit(limit)
                .setWithPayload(include(List.of(COLLECTION_ID, DOCUMENT_ID)));
        for (float value : query) {
            search.addVector(value);
        }
        if (Double.isFinite(filter.minScore())) {
            search.setScoreThreshold((float) filter.minScore());
        }
        List<ScoredPoint> found = calls.await("search", client.searchAsync(search.build(), calls.deadline()));
        return found.stream().map(QdrantVectorIndex::hit).toList();
    }

    @Override
    public long size() {
        ensureCollection();
        return calls.await("count points", client.countAsync(collection, null, true, calls.deadline()));
    }

    @Override
    public void close() {
        client.close();
    }

    private void deleteWhere(Filter filter) {
        ensureCollection();
        calls.await("delete points", client.deleteAsync(DeletePoints.newBuilder()
                .setCollectionName(collection).setWait(true)
                .setPoints(PointsSelector.newBuilder().setFilter(filter))
                .build(), calls.deadline()));
    }

    /**
     * Creates the collection if missing, else checks its dimension; then makes sure the payload fields are indexed,
     * also on a collection an operator created beforehand (with the shards and replicas of a cluster): creating an
     * index that exists is a no-op for Qdrant.
     */
    private void ensureCollection() {
        if (collectionReady) {
            return;
        }
        synchronized (this) {
            if (collectionReady) {
                return;
            }
            if (calls.await("check the collection", client.collectionExistsAsync(collection, calls.deadline()))) {
                requireMatchingDimension();
            } else {
                createCollection();
            }
            // The tenant field, marked as such so that Qdrant keeps each tenant's points together.
            indexKeyword(COLLECTION_ID, PayloadIndexParams.newBuilder()
                    .setKeywordIndexParams(KeywordIndexParams.newBuilder().setIsTenant(true)).build());
            indexKeyword(DOCUMENT_ID, null);
            indexKeyword(DOCUMENT_TYPE, null);
            indexKeyword(METADATA, null);
            collectionReady = true;
        }
    }

    private void createCollection() {
        try {
            calls.await("create the collection", client.createCollectionAsync(collection,
                    VectorParams.newBuilder().setSize(dimension).setDistance(Distance.Cosine).build(), calls.deadline()));
            LOG.info("Created Qdrant collection {} ({} dimensions, cosine)", collection, dimension);
        } catch (IllegalStateException refused) {
            if (!calls.await("check the collection", client.collectionExistsAsync(collection, calls.deadline()))) {
                throw refused;
            }
            // Another instance created it a moment ago; it may have been made for another dimension all the same.
            requireMatchingDimension();
        }
    }

    private void indexKeyword(String field, PayloadIndexParams params) {
        calls.await("index payload field " + field, client.createPayloadIndexAsync(collection, field,
                PayloadSchemaType.Keyword, params, true, null, calls.deadline()));
    }

    private void requireMatchingDimension() {
        CollectionInfo info = calls.await("read the collection", client.getCollectionInfoAsync(collection, calls.deadline()));
        long size = info.getConfig().getParams().getVectorsConfig().getParams().getSize();
        if (size != dimension) {
            throw new IllegalStateException("Qdrant collection " + collection + " holds vectors of dimension " + size
                    + ", but the embedding model gives " + dimension + ": point QDRANT_URL elsewhere, change the"
                    + " collection prefix, or delete that collection and run reindex");
        }
    }

    private void requireDimension(float[] vector, String what) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException("The " + what + " has dimension " + vector.length
                    + ", but Qdrant collection " + collection + " holds vectors of dimension " + dimension);
        }
    }

    private static PointStruct pointStruct(VectorPoint point) {
        return PointStruct.newBuilder()
                .setId(id(point.chunkId().value()))
                .setVectors(Vectors.newBuilder().setVector(Vector.newBuilder().setDense(dense(point.vector()))))
                .putAllPayload(Map.of(
                        COLLECTION_ID, value(point.collectionId().value().toString()),
                        DOCUMENT_ID, value(point.documentId().value().toString()),
                        DOCUMENT_TYPE, value(point.type().wireName()),
                        METADATA, list(MetadataKeywords.of(point.metadata()).stream().map(ValueFactory::value).toList())))
                .build();
    }

    private static VectorHit hit(ScoredPoint point) {
        Map<String, Value> payload = point.getPayloadMap();
        return new VectorHit(new ChunkId(UUID.fromString(point.getId().getUuid())),
                new DocumentId(UUID.fromString(payload.get(DOCUMENT_ID).getStringValue())),
                new CollectionId(UUID.fromString(payload.get(COLLECTION_ID).getStringValue())),
                point.getScore());
    }

    /** Element by element into protobuf's primitive list: the client's factories box every float on the way. */
    private static DenseVector dense(float[] vector) {
        DenseVector.Builder dense = DenseVector.newBuilder();
        for (float value : vector) {
            dense.addData(value);
        }
        return dense.build();
    }
}
