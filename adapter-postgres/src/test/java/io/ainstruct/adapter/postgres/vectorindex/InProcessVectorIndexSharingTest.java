package io.ainstruct.adapter.postgres.vectorindex;

import io.ainstruct.adapter.postgres.Fixtures;
import io.ainstruct.adapter.postgres.PostgresAdapterTest;
import io.ainstruct.adapter.postgres.shared.JsonMetadata;
import io.ainstruct.domain.collection.Collection;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.Chunk;
import io.ainstruct.domain.document.ChunkId;
import io.ainstruct.domain.document.ContentHash;
import io.ainstruct.domain.document.Document;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.document.DocumentType;
import io.ainstruct.domain.port.CollectionRepository;
import io.ainstruct.domain.port.DocumentRepository;
import io.ainstruct.domain.port.IndexingOutbox;
import io.ainstruct.domain.port.UnitOfWork;
import io.ainstruct.domain.search.VectorFilter;
import io.ainstruct.domain.search.VectorHit;
import io.ainstruct.domain.search.VectorPoint;
import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two processes on one database: {@code context} writes as the application does (a change and its outbox event in
 * one unit of work), {@code other} is a second application context with its own pool and its own index. No relay
 * runs in this class: the outbox events stay where they are.
 */
class InProcessVectorIndexSharingTest extends PostgresAdapterTest {
    private static final float[] QUERY = {1, 1, 1, 1};

    private ApplicationContext other;
    private InProcessVectorIndex writersIndex;
    private InProcessVectorIndex othersIndex;

    @BeforeAll
    void startTheOtherProcess() {
        other = ApplicationContext.run(adapterProperties(jdbcUrl()));
        writersIndex = InProcessIndexes.on(context);
        othersIndex = InProcessIndexes.on(other);
        writersIndex.size();
        othersIndex.size();
    }

    @AfterAll
    void stopTheOtherProcess() {
        other.close();
    }

    @Test
    void aStoredDocumentIsFoundByEveryProcessOnItsNextSearch() {
        Collection collection = fixtures.storedCollection();

        Document document = store(collection.id(), "stored in one process", 3);

        assertThat(documentsFound(othersIndex, collection.id())).containsExactly(document.id());
        assertThat(documentsFound(writersIndex, collection.id())).containsExactly(document.id());
        assertThat(chunksFound(othersIndex, collection.id())).isEqualTo(chunkIds(document.id()));
        assertThat(count("SELECT count(*) FROM indexing_outbox WHERE subject = ?", document.id().value()))
                .as("the event no relay has consumed").isEqualTo(1);
    }

    @Test
    void aChangedDocumentIsReadAgain() {
        Collection collection = fixtures.storedCollection();
        Document document = store(collection.id(), "about to change", 3);
        assertThat(chunksFound(othersIndex, collection.id())).hasSize(3);

        Document changed = new Document(document.id(), document.collectionId(), "new title", "changed",
                ContentHash.of("changed"), DocumentType.TEXT, Map.of("stage", "two"), document.createdAt(), Fixtures.now());
        List<Chunk> newChunks = Fixtures.chunks(document.id(), 2);
        context.getBean(UnitOfWork.class).inTransaction(() -> {
            documents().update(changed);
            documents().replaceChunks(document.id(), newChunks);
            outbox().documentChanged(document.id());
            return null;
        });

        assertThat(chunksFound(othersIndex, collection.id()))
                .containsExactlyInAnyOrderElementsOf(newChunks.stream().map(Chunk::id).toList());
        VectorFilter byNewPayload = new VectorFilter(Set.of(collection.id()), Optional.of(DocumentType.TEXT),
                Map.of("stage", "two"), Double.NEGATIVE_INFINITY);
        assertThat(othersIndex.search(QUERY, byNewPayload, 10)).hasSize(2);
    }

    @Test
    void aDeletedDocumentIsGoneFromEveryProcess() {
        Collection collection = fixtures.storedCollection();
        Document deleted = store(collection.id(), "to be deleted", 2);
        Document kept = store(collection.id(), "to be kept", 2);
        assertThat(documentsFound(othersIndex, collection.id())).containsExactlyInAnyOrder(deleted.id(), kept.id());

        context.getBean(UnitOfWork.class).inTransaction(() -> {
            documents().delete(deleted.id());
            outbox().documentChanged(deleted.id());
            return null;
        });

        assertThat(documentsFound(othersIndex, collection.id())).containsExactly(kept.id());
        assertThat(documentsFound(writersIndex, collection.id())).containsExactly(kept.id());
    }

    @Test
    void aDeletedCollectionIsGoneFromEveryProcess() {
        Collection dropped = fixtures.storedCollection();
        Collection kept = fixtures.storedCollection(dropped.ownerId());
        store(dropped.id(), "first of the dropped", 2);
        store(dropped.id(), "second of the dropped", 3);
        Document survivor = store(kept.id(), "in the kept collection", 1);
        long before = othersIndex.size();

        context.getBean(UnitOfWork.class).inTransaction(() -> {
            context.getBean(CollectionRepository.class).delete(dropped.id());
            outbox().collectionDeleted(dropped.id());
            return null;
        });

        assertThat(documentsFound(othersIndex, dropped.id())).isEmpty();
        assertThat(documentsFound(othersIndex, kept.id())).containsExactly(survivor.id());
        assertThat(othersIndex.size()).isEqualTo(before - 5);
    }

    /** Sequence values are drawn in one order and committed in another: a later seq may commit first. */
    @Test
    void aChangeCommittedAfterALaterOneIsNotMissed() throws Exception {
        Collection collection = fixtures.storedCollection();
        OpenWrite slow = OpenWrite.start(this, collection.id(), "drew its seq first, commits last");
        Document fast = store(collection.id(), "drew its seq second, commits first", 2);

        assertThat(documentsFound(othersIndex, collection.id())).containsExactly(fast.id());

        slow.commit();

        assertThat(documentsFound(othersIndex, collection.id())).containsExactlyInAnyOrder(fast.id(), slow.document.id());
    }

    @Test
    void aChangeStillOpenWhenTheLoadBeginsIsNotMissed() throws Exception {
        Collection collection = fixtures.storedCollection();
        OpenWrite slow = OpenWrite.start(this, collection.id(), "open while a process starts");
        Document fast = store(collection.id(), "committed before the process starts", 2);
        InProcessVectorIndex starting = newIndex(other, Duration.ofHours(1), point -> {
        });
        starting.size();

        slow.commit();

        assertThat(documentsFound(starting, collection.id())).containsExactlyInAnyOrder(fast.id(), slow.document.id());
    }

    @Test
    void aChangeCommittedWhileTheLoadStreamsIsNotMissed() {
        Collection collection = fixtures.storedCollection();
        store(collection.id(), "there before the load", 1);
        AtomicBoolean committed = new AtomicBoolean();
        Document[] during = new Document[1];
        Set<DocumentId> loaded = new HashSet<>();
        InProcessVectorIndex starting = newIndex(other, Duration.ofHours(1), point -> {
            loaded.add(point.documentId());
            if (committed.compareAndSet(false, true)) {
                // Another thread, another transaction: the load's own snapshot is already taken.
                during[0] = CompletableFuture.supplyAsync(() -> store(collection.id(), "committed mid-load", 2)).join();
            }
        });

        starting.size();
        assertThat(loaded).doesNotContain(during[0].id());

        assertThat(documentsFound(starting, collection.id())).contains(during[0].id());
    }

    /**
     * The relay read a document, then a newer version was committed and applied from the log, then the relay wrote
     * what it had read: the next search reads the document again.
     */
    @Test
    void aStaleRelayWriteIsUndoneOnTheNextSearch() {
        Collection collection = fixtures.storedCollection();
        Document document = store(collection.id(), "relayed late", 2);
        List<VectorPoint> staleRead = pointsOf(document);
        List<Chunk> newChunks = Fixtures.chunks(document.id(), 3);
        context.getBean(UnitOfWork.class).inTransaction(() -> {
            documents().replaceChunks(document.id(), newChunks);
            outbox().documentChanged(document.id());
            return null;
        });
        assertThat(chunksFound(othersIndex, collection.id())).hasSize(3);

        othersIndex.deleteDocument(document.id());
        othersIndex.upsert(staleRead);

        assertThat(chunksFound(othersIndex, collection.id()))
                .containsExactlyInAnyOrderElementsOf(newChunks.stream().map(Chunk::id).toList());
    }

    @Test
    void aStaleRelayWriteCannotBringBackADeletedDocumentNorADroppedCollection() {
        Collection collection = fixtures.storedCollection();
        Collection dropped = fixtures.storedCollection(collection.ownerId());
        Document document = store(collection.id(), "deleted, then relayed late", 2);
        Document old = Fixtures.newDocument(dropped.id(), "in a collection dropped, then relayed late");
        List<Chunk> oldChunks = Fixtures.chunks(old.id(), 2);
        documents().insertIfAbsent(old, oldChunks);
        List<VectorPoint> staleReads = new ArrayList<>(pointsOf(document));
        staleReads.addAll(pointsOf(old));
        context.getBean(UnitOfWork.class).inTransaction(() -> {
            documents().delete(document.id());
            outbox().documentChanged(document.id());
            context.getBean(CollectionRepository.class).delete(dropped.id());
            outbox().collectionDeleted(dropped.id());
            return null;
        });
        assertThat(documentsFound(othersIndex, collection.id())).isEmpty();

        othersIndex.upsert(staleReads);

        assertThat(documentsFound(othersIndex, collection.id())).isEmpty();
        assertThat(documentsFound(othersIndex, dropped.id())).isEmpty();
    }

    @Test
    void aProcessAwayLongerThanTheRetentionReloads() {
        Collection collection = fixtures.storedCollection();
        InProcessVectorIndex away = newIndex(other, Duration.ofHours(1), point -> {
        });
        away.size();
        Document meanwhile = store(collection.id(), "written while a process was away", 2);

        context.getBean(VectorChanges.class).prune(Duration.ZERO);

        assertThat(documentsFound(away, collection.id())).containsExactly(meanwhile.id());
        assertThat(away.loads()).isEqualTo(2);
    }

    @Test
    void aProcessThatKeptUpDoesNotReloadAfterPruning() {
        Collection collection = fixtures.storedCollection();
        Document before = store(collection.id(), "seen before pruning", 1);
        assertThat(documentsFound(othersIndex, collection.id())).containsExactly(before.id());
        long loads = othersIndex.loads();

        context.getBean(VectorChanges.class).prune(Duration.ZERO);
        Document after = store(collection.id(), "written after pruning", 1);

        assertThat(documentsFound(othersIndex, collection.id())).containsExactlyInAnyOrder(before.id(), after.id());
        assertThat(othersIndex.loads()).isEqualTo(loads);
    }

    @Test
    void searchesPruneTheLogOfRowsOlderThanTheRetention() {
        execute("INSERT INTO vector_changes (document_id, changed_at) VALUES (?, now() - interval '2 hours')",
                DocumentId.random().value());
        long recent = count("SELECT count(*) FROM vector_changes WHERE changed_at > now() - interval '1 hour'");
        InProcessVectorIndex index = newIndex(other, Duration.ofHours(1), point -> {
        });

        index.size();

        assertThat(count("SELECT count(*) FROM vector_changes WHERE changed_at < now() - interval '1 hour'")).isZero();
        assertThat(count("SELECT count(*) FROM vector_changes")).isGreaterThanOrEqualTo(recent);
    }

    private Document store(CollectionId collection, String content, int chunkCount) {
        Document document = Fixtures.newDocument(collection, content + " " + Fixtures.unique(""));
        context.getBean(UnitOfWork.class).inTransaction(() -> {
            documents().insertIfAbsent(document, Fixtures.chunks(document.id(), chunkCount));
            outbox().documentChanged(document.id());
            return null;
        });
        return document;
    }

    private List<VectorPoint> pointsOf(Document document) {
        return documents().chunksOf(document.id()).stream()
                .map(chunk -> new VectorPoint(chunk.id(), document.id(), document.collectionId(), document.type(),
                        document.metadata(), chunk.embedding()))
                .toList();
    }

    private DocumentRepository documents() {
        return context.getBean(DocumentRepository.class);
    }

    private IndexingOutbox outbox() {
        return context.getBean(IndexingOutbox.class);
    }

    private Set<ChunkId> chunkIds(DocumentId document) {
        return documents().chunksOf(document).stream().map(Chunk::id).collect(Collectors.toSet());
    }

    private static Set<DocumentId> documentsFound(InProcessVectorIndex index, CollectionId collection) {
        return index.search(QUERY, VectorFilter.collections(Set.of(collection)), 1_000).stream()
                .map(VectorHit::documentId).collect(Collectors.toSet());
    }

    private static Set<ChunkId> chunksFound(InProcessVectorIndex index, CollectionId collection) {
        return index.search(QUERY, VectorFilter.collections(Set.of(collection)), 1_000).stream()
                .map(VectorHit::chunkId).collect(Collectors.toSet());
    }

    /** A new index in {@code process}, whose first load shows each point it streams to {@code watcher}. */
    private static InProcessVectorIndex newIndex(ApplicationContext process, Duration retention, Consumer<VectorPoint> watcher) {
        @SuppressWarnings("unchecked")
        TransactionOperations<Connection> transactions = process.getBean(TransactionOperations.class);
        StoredVectorPoints watched = new StoredVectorPoints(transactions, process.getBean(JsonMetadata.class)) {
            @Override
            void forEach(Consumer<VectorPoint> consumer) {
                super.forEach(point -> {
                    watcher.accept(point);
                    consumer.accept(point);
                });
            }
        };
        return new InProcessVectorIndex(watched, process.getBean(VectorChanges.class), retention);
    }

    /** A document stored and its change recorded in a transaction that stays open until {@link #commit}. */
    private static final class OpenWrite {
        private final Document document;
        private final CountDownLatch written = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        private CompletableFuture<Void> transaction;

        private OpenWrite(Document document) {
            this.document = document;
        }

        static OpenWrite start(InProcessVectorIndexSharingTest test, CollectionId collection, String content)
                throws InterruptedException {
            OpenWrite write = new OpenWrite(Fixtures.newDocument(collection, content + " " + Fixtures.unique("")));
            write.transaction = CompletableFuture.runAsync(() -> test.context.getBean(UnitOfWork.class)
                    .inTransaction(() -> {
                        test.documents().insertIfAbsent(write.document, Fixtures.chunks(write.document.id(), 2));
                        test.outbox().documentChanged(write.document.id());
                        write.written.countDown();
                        await(write.release);
                        return null;
                    }));
            assertThat(write.written.await(10, TimeUnit.SECONDS)).isTrue();
            return write;
        }

        void commit() throws Exception {
            release.countDown();
            transaction.get(10, TimeUnit.SECONDS);
        }

        private static void await(CountDownLatch latch) {
            try {
                assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
