package io.ainstruct.testsupport.qdrant;

import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.qdrant.client.grpc.Collections.CollectionConfig;
import io.qdrant.client.grpc.Collections.CollectionExists;
import io.qdrant.client.grpc.Collections.CollectionExistsRequest;
import io.qdrant.client.grpc.Collections.CollectionExistsResponse;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.CollectionOperationResponse;
import io.qdrant.client.grpc.Collections.CollectionParams;
import io.qdrant.client.grpc.Collections.CollectionStatus;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.GetCollectionInfoRequest;
import io.qdrant.client.grpc.Collections.GetCollectionInfoResponse;
import io.qdrant.client.grpc.Collections.PayloadSchemaInfo;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.CollectionsGrpc;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Points.CountPoints;
import io.qdrant.client.grpc.Points.CountResponse;
import io.qdrant.client.grpc.Points.CountResult;
import io.qdrant.client.grpc.Points.CreateFieldIndexCollection;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.FieldType;
import io.qdrant.client.grpc.Points.PointsOperationResponse;
import io.qdrant.client.grpc.Points.SearchPoints;
import io.qdrant.client.grpc.Points.SearchResponse;
import io.qdrant.client.grpc.Points.UpdateResult;
import io.qdrant.client.grpc.Points.UpdateStatus;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.PointsGrpc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A Qdrant stand-in on a loopback gRPC port, built on the service bases of Qdrant's own Java client: it answers the
 * calls the {@code adapter-qdrant} makes (collection exists / info / create, create field index, upsert, delete by
 * filter, search with filter and score threshold, count) with Qdrant's semantics, and refuses every other call as
 * unimplemented. It can be stopped and started again on the same port, keeping its points, as a Qdrant
 * restarting on its volume would: the outage tests need exactly that. Started with an API key, it refuses calls
 * that do not carry it, as Qdrant does.
 */
public final class QdrantEmulator implements AutoCloseable {
    private final Map<String, EmulatedCollection> collections = new ConcurrentHashMap<>();
    private final AtomicLong operations = new AtomicLong();
    private final Optional<String> apiKey;
    private int port;
    private Server server;

    private QdrantEmulator(Optional<String> apiKey) {
        this.apiKey = apiKey;
    }

    /** A running emulator on a free loopback port. */
    public static QdrantEmulator start() {
        QdrantEmulator emulator = new QdrantEmulator(Optional.empty());
        emulator.listen(0);
        return emulator;
    }

    /** A running emulator that, like a Qdrant with {@code service.api_key} set, refuses calls without that key. */
    public static QdrantEmulator startRequiringApiKey(String apiKey) {
        QdrantEmulator emulator = new QdrantEmulator(Optional.of(apiKey));
        emulator.listen(0);
        return emulator;
    }

    /** {@code http://127.0.0.1:<port>}: the form {@code QDRANT_URL} takes. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Closes the port and every open connection, as a Qdrant that went away; the points stay. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdownNow();
        try {
            server.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server = null;
    }

    /** Listens again on the same port. */
    public synchronized void restart() {
        if (server == null) {
            listen(port);
        }
    }

    /** Points held in the named collection, or -1 if it does not exist: for tests that look behind the adapter. */
    public long pointCount(String collection) {
        EmulatedCollection held = collections.get(collection);
        return held == null ? -1 : held.count(Filter.getDefaultInstance());
    }

    /** The payload fields with an index in the named collection. */
    public Set<String> indexedFields(String collection) {
        return existing(collection).indexedFields();
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void listen(int requestedPort) {
        try {
            server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", requestedPort))
                    .addService(ServerInterceptors.intercept(new CollectionsService(), new ApiKeyCheck()))
                    .addService(ServerInterceptors.intercept(new PointsService(), new ApiKeyCheck()))
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("The Qdrant emulator could not listen on port " + requestedPort, e);
        }
        port = server.getPort();
    }

    private EmulatedCollection existing(String name) {
        EmulatedCollection collection = collections.get(name);
        if (collection == null) {
            throw Status.NOT_FOUND.withDescription("Not found: Collection `" + name + "` doesn't exist!").asRuntimeException();
        }
        return collection;
    }

    private static <T> void answer(StreamObserver<T> observer, Supplier<T> reply) {
        T value;
        try {
            value = reply.get();
        } catch (StatusRuntimeException e) {
            observer.onError(e);
            return;
        }
        observer.onNext(value);
        observer.onCompleted();
    }

    private PointsOperationResponse completed() {
        return PointsOperationResponse.newBuilder().setResult(UpdateResult.newBuilder()
                .setOperationId(operations.incrementAndGet()).setStatus(UpdateStatus.Completed)).build();
    }

    private final class ApiKeyCheck implements ServerInterceptor {
        private static final Metadata.Key<String> API_KEY = Metadata.Key.of("api-key", Metadata.ASCII_STRING_MARSHALLER);

        @Override
        public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
            if (apiKey.isPresent() && !apiKey.get().equals(headers.get(API_KEY))) {
                call.close(Status.UNAUTHENTICATED.withDescription("Invalid api-key"), new Metadata());
                return new ServerCall.Listener<>() {
                };
            }
            return next.startCall(call, headers);
        }
    }

    private final class CollectionsService extends CollectionsGrpc.CollectionsImplBase {
        @Override
        public void collectionExists(CollectionExistsRequest request, StreamObserver<CollectionExistsResponse> observer) {
            answer(observer, () -> CollectionExistsResponse.newBuilder().setResult(CollectionExists.newBuilder()
                    .setExists(collections.containsKey(request.getCollectionName()))).build());
        }

        @Override
        public void get(GetCollectionInfoRequest request, StreamObserver<GetCollectionInfoResponse> observer) {
            answer(observer, () -> {
                EmulatedCollection collection = existing(request.getCollectionName());
                return GetCollectionInfoResponse.newBuilder().setResult(CollectionInfo.newBuilder()
                        .setStatus(CollectionStatus.Green)
                        .setPointsCount(collection.count(Filter.getDefaultInstance()))
                        .putAllPayloadSchema(collection.indexedFields().stream().collect(Collectors.toMap(field -> field,
                                field -> PayloadSchemaInfo.newBuilder().setDataType(PayloadSchemaType.Keyword).build())))
                        .setConfig(CollectionConfig.newBuilder().setParams(CollectionParams.newBuilder()
                                .setVectorsConfig(VectorsConfig.newBuilder().setParams(VectorParams.newBuilder()
                                        .setSize(collection.dimension()).setDistance(Distance.Cosine)))))).build();
            });
        }

        @Override
        public void create(CreateCollection request, StreamObserver<CollectionOperationResponse> observer) {
            answer(observer, () -> {
                VectorsConfig config = request.getVectorsConfig();
                if (!config.hasParams() || config.getParams().getDistance() != Distance.Cosine) {
                    throw Status.UNIMPLEMENTED.withDescription("The Qdrant emulator holds one unnamed cosine vector per point")
                            .asRuntimeException();
                }
                EmulatedCollection created = new EmulatedCollection((int) config.getParams().getSize());
                if (collections.putIfAbsent(request.getCollectionName(), created) != null) {
                    throw Status.INVALID_ARGUMENT.withDescription("Wrong input: Collection `" + request.getCollectionName()
                            + "` already exists!").asRuntimeException();
                }
                return CollectionOperationResponse.newBuilder().setResult(true).build();
            });
        }
    }

    private final class PointsService extends PointsGrpc.PointsImplBase {
        @Override
        public void createFieldIndex(CreateFieldIndexCollection request, StreamObserver<PointsOperationResponse> observer) {
            answer(observer, () -> {
                if (request.getFieldType() != FieldType.FieldTypeKeyword) {
                    throw Status.UNIMPLEMENTED.withDescription("The Qdrant emulator indexes keyword fields only")
                            .asRuntimeException();
                }
                existing(request.getCollectionName()).indexField(request.getFieldName());
                return completed();
            });
        }

        @Override
        public void upsert(UpsertPoints request, StreamObserver<PointsOperationResponse> observer) {
            answer(observer, () -> {
                existing(request.getCollectionName()).upsert(request.getPointsList());
                return completed();
            });
        }

        @Override
        public void delete(DeletePoints request, StreamObserver<PointsOperationResponse> observer) {
            answer(observer, () -> {
                if (!request.getPoints().hasFilter()) {
                    throw Status.UNIMPLEMENTED.withDescription("The Qdrant emulator deletes by filter only").asRuntimeException();
                }
                existing(request.getCollectionName()).delete(request.getPoints().getFilter());
                return completed();
            });
        }

        @Override
        public void search(SearchPoints request, StreamObserver<SearchResponse> observer) {
            answer(observer, () -> SearchResponse.newBuilder().addAllResult(existing(request.getCollectionName())
                    .search(request.getVectorList(), request.getFilter(), (int) Math.min(request.getLimit(), Integer.MAX_VALUE),
                            request.hasScoreThreshold() ? request.getScoreThreshold() : null,
                            request.getWithPayload())).build());
        }

        @Override
        public void count(CountPoints request, StreamObserver<CountResponse> observer) {
            answer(observer, () -> CountResponse.newBuilder().setResult(CountResult.newBuilder()
                    .setCount(existing(request.getCollectionName()).count(request.getFilter()))).build());
        }
    }
}
