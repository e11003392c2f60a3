package io.ainstruct.bench;

import io.ainstruct.adapter.qdrant.QdrantSettings;
import io.ainstruct.adapter.qdrant.QdrantVectorIndex;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.ChunkId;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.document.DocumentType;
import io.ainstruct.domain.search.VectorFilter;
import io.ainstruct.domain.search.VectorPoint;
import io.ainstruct.testsupport.qdrant.QdrantEmulator;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.SearchPoints;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.PointsGrpc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.ConditionFactory.matchKeywords;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.ValueFactory.list;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorsFactory.vectors;
import static io.qdrant.client.WithPayloadSelectorFactory.include;

/**
 * The Qdrant adapter's own overhead: the same upserts and searches through {@link QdrantVectorIndex} and through
 * the raw gRPC stub with requests built before the clock starts, against the same Qdrant in the same run,
 * interleaved. Against the emulator only the ratio means anything (the emulator is not Qdrant); given
 * {@code --qdrant-url} (or {@code QDRANT_URL}) the same harness runs against a real Qdrant.
 * <p>
 * {@code java -jar bench/target/ainstruct-bench.jar qdrant-adapter [--qdrant-url URL]}
 */
@Command(name = "qdrant-adapter", mixinStandardHelpOptions = true,
        description = "The Qdrant adapter's overhead next to the raw gRPC stub, against the in-process emulator or a real Qdrant.")
final class QdrantAdapterCommand implements Callable<Integer> {
    private static final int DIMENSION = 384;
    private static final int TENANTS = 10;
    private static final int SEARCH_POINTS = 1_000;
    private static final int SEARCH_ROUNDS = 10;
    private static final int SEARCHES_PER_ROUND = 200;
    private static final int UPSERT_ROUNDS = 6;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Random random = new Random(42);
    private final List<CollectionId> tenants = new ArrayList<>();

    @Option(names = "--qdrant-url", defaultValue = "${env:QDRANT_URL}",
            description = "a real Qdrant's gRPC URL, e.g. http://127.0.0.1:6334 (default: $QDRANT_URL, else the in-process emulator)")
    String qdrantUrl;

    @Override
    public Integer call() throws Exception {
        Optional<String> external = Optional.ofNullable(qdrantUrl).filter(url -> !url.isBlank());
        QdrantEmulator emulator = external.isEmpty() ? QdrantEmulator.start() : null;
        String url = external.orElseGet(emulator::url);
        System.out.printf("[bench-qdrant] %s at %s; load average %s; %s cores; %s%n",
                emulator == null ? "real Qdrant" : "emulator", url, Machine.loadAverage(), Machine.nproc(),
                Machine.javaVersion(Machine.currentJava()));
        try {
            run(url);
        } finally {
            if (emulator != null) {
                emulator.close();
            }
        }
        System.out.printf("[bench-qdrant] load average after: %s%n", Machine.loadAverage());
        return 0;
    }

    private void run(String url) throws InterruptedException {
        for (int i = 0; i < TENANTS; i++) {
            tenants.add(CollectionId.random());
        }
        URI uri = URI.create(url);
        ManagedChannel channel = ManagedChannelBuilder.forAddress(uri.getHost(), uri.getPort() == -1 ? 6334 : uri.getPort())
                .usePlaintext().build();
        PointsGrpc.PointsBlockingStub raw = PointsGrpc.newBlockingStub(channel);
        try {
            System.out.println();
            System.out.println("| upsert batch | points per run | adapter points/s | raw stub points/s | ratio | adapter CPU per point | raw CPU per point | ratio CPU |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            for (int batch : new int[]{1, 16, 64, 256}) {
                upserts(url, raw, batch, batch == 1 ? 1_000 : 8_192);
            }
            System.out.println();
            System.out.println("| search (limit 10, 1 of 10 tenants, type + metadata filter) | p50 | p99 | searches |");
            System.out.println("|---|---|---|---|");
            searches(url, raw);
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private void upserts(String url, PointsGrpc.PointsBlockingStub raw, int batch, int points) {
        Timing adapterTime = new Timing();
        Timing rawTime = new Timing();
        for (int round = 0; round <= UPSERT_ROUNDS; round++) {
            try (QdrantVectorIndex adapter = index(url); QdrantVectorIndex rawTarget = index(url)) {
                adapter.prepare();
                rawTarget.prepare();
                List<List<VectorPoint>> adapterBatches = batches(points, batch);
                List<UpsertPoints> rawRequests = batches(points, batch).stream()
                        .map(b -> UpsertPoints.newBuilder().setCollectionName(rawTarget.collectionName()).setWait(true)
                                .addAllPoints(b.stream().map(QdrantAdapterCommand::pointStruct).toList()).build())
                        .toList();
                Runnable throughAdapter = () -> adapterBatches.forEach(adapter::upsert);
                Runnable throughStub = () -> rawRequests.forEach(request ->
                        raw.withDeadlineAfter(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).upsert(request));
                // Round 0 warms up both paths; then the order alternates, so neither always runs on a warmer heap.
                boolean counted = round > 0;
                if (round % 2 == 0) {
                    adapterTime.measure(throughAdapter, counted);
                    rawTime.measure(throughStub, counted);
                } else {
                    rawTime.measure(throughStub, counted);
                    adapterTime.measure(throughAdapter, counted);
                }
            }
        }
        double adapterRate = (double) points * UPSERT_ROUNDS / (adapterTime.wallNanos / 1e9);
        double rawRate = (double) points * UPSERT_ROUNDS / (rawTime.wallNanos / 1e9);
        double adapterCpu = adapterTime.cpuNanos / 1e3 / points / UPSERT_ROUNDS;
        double rawCpu = rawTime.cpuNanos / 1e3 / points / UPSERT_ROUNDS;
        System.out.printf("| %d | %,d | %,.0f | %,.0f | %.2f | %.1f µs | %.1f µs | %.2f |%n", batch, points, adapterRate,
                rawRate, adapterRate / rawRate, adapterCpu, rawCpu, adapterCpu / rawCpu);
    }

    /** Wall-clock time, and CPU time of the calling thread, where both paths build and serialize their requests. */
    private static final class Timing {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        long wallNanos;
        long cpuNanos;

        void measure(Runnable work, boolean counted) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            work.run();
            if (counted) {
                wallNanos += System.nanoTime() - wall;
                cpuNanos += THREADS.getCurrentThreadCpuTime() - cpu;
            }
        }
    }

    private void searches(String url, PointsGrpc.PointsBlockingStub raw) {
        try (QdrantVectorIndex index = index(url)) {
            index.upsert(batches(SEARCH_POINTS, SEARCH_POINTS).get(0));
            CollectionId tenant = tenants.get(0);
            VectorFilter filter = new VectorFilter(Set.of(tenant), Optional.of(DocumentType.MARKDOWN), Map.of("team", "search"),
                    Double.NEGATIVE_INFINITY);
            List<float[]> queries = new ArrayList<>();
            for (int i = 0; i < SEARCHES_PER_ROUND; i++) {
                queries.add(vector());
            }
            List<SearchPoints> rawQueries = queries.stream().map(query -> SearchPoints.newBuilder()
                    .setCollectionName(index.collectionName())
                    .addAllVector(boxed(query))
                    .setFilter(Filter.newBuilder()
                            .addMust(matchKeywords("collection_id", List.of(tenant.value().toString())))
                            .addMust(matchKeyword("document_type", "markdown"))
                            .addMust(matchKeyword("metadata_entries", "4:team=search")))
                    .setLimit(10)
                    .setWithPayload(include(List.of("collection_id", "document_id")))
                    .build()).toList();
            Stats adapterStats = new Stats();
            Stats rawStats = new Stats();
            for (int round = 0; round <= SEARCH_ROUNDS; round++) {
                Stats adapterRound = new Stats();
                Stats rawRound = new Stats();
                for (int i = 0; i < SEARCHES_PER_ROUND; i++) {
                    long start = System.nanoTime();
                    index.search(queries.get(i), filter, 10);
                    adapterRound.add(System.nanoTime() - start);
                    start = System.nanoTime();
                    raw.withDeadlineAfter(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).search(rawQueries.get(i));
                    rawRound.add(System.nanoTime() - start);
                }
                if (round > 0) { // round 0 warms up both paths
                    adapterStats.addAll(adapterRound);
                    rawStats.addAll(rawRound);
                }
            }
            System.out.printf("| through the adapter | %.3f ms | %.3f ms | %,d |%n", adapterStats.percentileMs(50),
                    adapterStats.percentileMs(99), adapterStats.count());
            System.out.printf("| raw stub, request built beforehand (baseline) | %.3f ms | %.3f ms | %,d |%n",
                    rawStats.percentileMs(50), rawStats.percentileMs(99), rawStats.count());
            System.out.printf("| ratio adapter / raw | %.2f | %.2f | |%n",
                    adapterStats.percentileMs(50) / rawStats.percentileMs(50), adapterStats.percentileMs(99) / rawStats.percentileMs(99));
        }
    }

    private QdrantVectorIndex index(String url) {
        return QdrantVectorIndex.connect(new QdrantSettings(URI.create(url), Optional.empty(), TIMEOUT,
                "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10)), "bench", DIMENSION);
    }

    /** Points spread over the tenants, a third of them tagged {@code team=search}, cut into batches. */
    private List<List<VectorPoint>> batches(int points, int batch) {
        List<List<VectorPoint>> batches = new ArrayList<>();
        List<VectorPoint> current = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            Map<String, Object> metadata = i % 3 == 0 ? Map.of("team", "search") : Map.of("team", "web");
            current.add(new VectorPoint(ChunkId.random(), DocumentId.random(), tenants.get(i % TENANTS), DocumentType.MARKDOWN,
                    metadata, vector()));
            if (current.size() == batch) {
                batches.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    /** The request the adapter would send, built here before the clock starts. */
    private static PointStruct pointStruct(VectorPoint point) {
        return PointStruct.newBuilder()
                .setId(id(point.chunkId().value()))
                .setVectors(vectors(point.vector()))
                .putAllPayload(Map.of(
                        "collection_id", value(point.collectionId().value().toString()),
                        "document_id", value(point.documentId().value().toString()),
                        "document_type", value(point.type().wireName()),
                        "metadata_entries", list(List.of(value("4:team=" + point.metadata().get("team"))))))
                .build();
    }

    private float[] vector() {
        float[] vector = new float[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            vector[i] = (float) random.nextGaussian();
        }
        return vector;
    }

    private static List<Float> boxed(float[] vector) {
        List<Float> boxed = new ArrayList<>(vector.length);
        for (float v : vector) {
            boxed.add(v);
        }
        return boxed;
    }
}
