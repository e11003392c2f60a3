package io.ainstruct.adapter.rest;

import io.ainstruct.adapter.qdrant.QdrantVectorIndex;
import io.ainstruct.application.indexing.IndexingRelay;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.ChunkId;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.port.DocumentRepository;
import io.ainstruct.domain.port.IndexingOutbox;
import io.ainstruct.domain.port.UnitOfWork;
import io.ainstruct.domain.port.VectorIndex;
import io.ainstruct.domain.search.VectorFilter;
import io.ainstruct.domain.search.VectorHit;
import io.ainstruct.domain.search.VectorPoint;
import io.ainstruct.testsupport.TestQdrant;
import io.ainstruct.testsupport.server.TestServer;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two indexing relays on one database, as two server instances run them: each outbox event is applied by exactly
 * one of them ({@code FOR UPDATE SKIP LOCKED}), while both work at the same time.
 */
class QdrantRelaysTest {
    private static final int DOCUMENTS = 60;

    @Test
    void twoRelaysShareTheOutboxWithoutDoingAnyEventTwice() throws Exception {
        try (TestServer server = TestServer.start(Map.of(
                "ainstruct.qdrant.url", TestQdrant.url(),
                "ainstruct.qdrant.collection-prefix", "relays_" + UUID.randomUUID().toString().substring(0, 8),
                "ainstruct.indexing.worker.enabled", "false"))) {
            Api api = new Api(server.uri());
            String alice = server.users().register("relays").accessToken();
            String notes = api.post("/api/v1/collections", alice, Map.of("name", "notes")).text("collection_id");
            for (int i = 0; i < DOCUMENTS; i++) {
                assertThat(api.post("/api/v1/documents", alice, Map.of("collection_id", notes, "title", "note " + i,
                        "content", "Note number " + i + " of the relay test.")).status()).isEqualTo(201);
            }
            ApplicationContext context = server.context();
            VectorIndex chosen = context.getBean(VectorIndex.class);
            assertThat(chosen).as("the index the server chose with a Qdrant URL set").isInstanceOf(QdrantVectorIndex.class);
            QdrantVectorIndex qdrant = (QdrantVectorIndex) chosen;
            Map<ChunkId, AtomicInteger> upserts = new ConcurrentHashMap<>();
            CountDownLatch bothIndexing = new CountDownLatch(2);
            Queue<Boolean> meetings = new ConcurrentLinkedQueue<>();

            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> relays = List.of(
                        threads.submit(() -> drainInSmallBatches(relay(context, new CountingIndex(qdrant, upserts, bothIndexing, meetings)))),
                        threads.submit(() -> drainInSmallBatches(relay(context, new CountingIndex(qdrant, upserts, bothIndexing, meetings)))));
                for (Future<?> relay : relays) {
                    relay.get(2, TimeUnit.MINUTES);
                }
            } finally {
                threads.shutdownNow();
            }

            assertThat(meetings).as("each relay met the other while indexing").containsExactly(true, true);
            assertThat(upserts).hasSize(DOCUMENTS);
            assertThat(upserts.values()).allSatisfy(count -> assertThat(count.get()).as("upserts of one chunk").isEqualTo(1));
            assertThat(context.getBean(IndexingOutbox.class).backlog()).isZero();
            List<VectorHit> hits = qdrant.search(unitVector(), VectorFilter.collections(
                    Set.of(new CollectionId(UUID.fromString(notes)))), 1000);
            assertThat(hits).extracting(VectorHit::documentId).doesNotHaveDuplicates().hasSize(DOCUMENTS);
        }
    }

    /** Small batches, so that the first relay cannot take every event in one go. */
    private static void drainInSmallBatches(IndexingRelay relay) {
        while (relay.relayBatch(5) > 0) {
            Thread.onSpinWait();
        }
    }

    private static IndexingRelay relay(ApplicationContext context, VectorIndex index) {
        return new IndexingRelay(context.getBean(IndexingOutbox.class), context.getBean(DocumentRepository.class), index,
                context.getBean(UnitOfWork.class), context.getBean(Clock.class), Duration.ofSeconds(1));
    }

    private static float[] unitVector() {
        float[] vector = new float[384];
        vector[0] = 1;
        return vector;
    }

    /** The Qdrant index, counting upserts per chunk; the first upsert of each relay waits (briefly) for the other's. */
    private record CountingIndex(VectorIndex index, Map<ChunkId, AtomicInteger> upserts, CountDownLatch bothIndexing,
                                 Queue<Boolean> meetings) implements VectorIndex {
        @Override
        public void upsert(List<VectorPoint> points) {
            points.forEach(point -> upserts.computeIfAbsent(point.chunkId(), id -> new AtomicInteger()).incrementAndGet());
            if (bothIndexing.getCount() > 0) {
                bothIndexing.countDown();
                meetings.add(await());
            }
            index.upsert(points);
        }

        /** True if the other relay reached the index while this one held its first events. */
        private boolean await() {
            try {
                return bothIndexing.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public void deleteDocument(DocumentId id) {
            index.deleteDocument(id);
        }

        @Override
        public void deleteCollection(CollectionId id) {
            index.deleteCollection(id);
        }

        @Override
        public List<VectorHit> search(float[] query, VectorFilter filter, int limit) {
            return index.search(query, filter, limit);
        }

        @Override
        public long size() {
            return index.size();
        }
    }
}
