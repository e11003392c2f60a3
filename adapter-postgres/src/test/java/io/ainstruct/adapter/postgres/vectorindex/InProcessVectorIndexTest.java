package io.ainstruct.adapter.postgres.vectorindex;

import io.ainstruct.adapter.postgres.Fixtures;
import io.ainstruct.adapter.postgres.PostgresAdapterTest;
import io.ainstruct.domain.collection.Collection;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.Chunk;
import io.ainstruct.domain.document.ChunkId;
import io.ainstruct.domain.document.ContentHash;
import io.ainstruct.domain.document.Document;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.document.DocumentType;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.error.Unavailable;
import io.ainstruct.domain.port.DocumentRepository;
import io.ainstruct.domain.port.VectorIndex;
import io.ainstruct.domain.search.VectorFilter;
import io.ainstruct.domain.search.VectorHit;
import io.ainstruct.domain.search.VectorPoint;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class InProcessVectorIndexTest extends PostgresAdapterTest {

    /** Bootstrap decides which index runs; the adapter offers none of its own. */
    @Test
    void isNoBeanOfTheAdapter() {
        assertThat(context.getBeansOfType(VectorIndex.class)).isEmpty();
    }

    /** Not a bean, yet it names an outage as every bean of the adapter does: its reads go through beans that do. */
    @Test
    void aSearchWhileNoConnectionBecomesFreeIsRefusedAsDatabaseBusy() throws SQLException {
        Map<String, Object> properties = new HashMap<>(adapterProperties(jdbcUrl()));
        properties.put("flyway.datasources.default.enabled", false);
        properties.put("datasources.default.maximum-pool-size", 1);
        properties.put("datasources.default.minimum-idle", 1);
        properties.put("datasources.default.connection-timeout", 250);
        try (ApplicationContext smallPool = ApplicationContext.run(properties)) {
            InProcessVectorIndex index = InProcessIndexes.on(smallPool);
            long held = index.size();
            try (Connection taken = DelegatingDataSource.unwrapDataSource(smallPool.getBean(DataSource.class)).getConnection()) {
                assertThatThrownBy(() -> index.search(new float[]{1, 0, 0, 0}, VectorFilter.collections(Set.of(CollectionId.random())), 1))
                        .isInstanceOfSatisfying(Unavailable.class, refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.DATABASE_BUSY));
                assertThat(index.size()).as("answered from memory").isEqualTo(held);
            }
        }
    }

    @Test
    void loadsEveryStoredChunkWithItsPayloadOnFirstUse() {
        Collection collection = fixtures.storedCollection();
        Collection other = fixtures.storedCollection(collection.ownerId());
        Document html = storedDocument(collection, "loaded html", DocumentType.HTML, Map.of("lang", "en"));
        fixtures.storedDocument(collection.id(), "loaded markdown", 2);
        fixtures.storedDocument(other.id(), "loaded elsewhere", 2);
        Chunk target = context.getBean(DocumentRepository.class).chunksOf(html.id()).get(1);

        InProcessVectorIndex index = newIndex();

        assertThat(index.size()).isEqualTo(count("SELECT count(*) FROM chunks"));
        List<VectorHit> hits = index.search(target.embedding(), new VectorFilter(Set.of(collection.id()),
                Optional.of(DocumentType.HTML), Map.of("lang", "en"), Double.NEGATIVE_INFINITY), 10);
        assertThat(hits).hasSize(3);
        assertThat(hits.get(0).chunkId()).isEqualTo(target.id());
        assertThat(hits.get(0).documentId()).isEqualTo(html.id());
        assertThat(hits.get(0).score()).isCloseTo(1.0, within(1e-5));
        assertThat(index.search(target.embedding(), VectorFilter.collections(Set.of(other.id())), 10))
                .hasSize(2).allSatisfy(hit -> assertThat(hit.collectionId()).isEqualTo(other.id()));
    }

    @Test
    void refusesAQueryOfAnotherDimension() {
        InProcessVectorIndex index = newIndex();
        index.upsert(List.of(point(CollectionId.random(), new float[]{1, 0, 0})));

        assertThatThrownBy(() -> index.search(new float[]{1, 0}, VectorFilter.collections(Set.of(CollectionId.random())), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dimension");
    }

    @Test
    void takesAnyDimensionOnceEmptiedAgain() {
        InProcessVectorIndex index = newIndex();
        CollectionId collection = CollectionId.random();
        index.upsert(List.of(point(collection, new float[]{1, 0, 0})));
        index.deleteCollection(collection);

        index.upsert(List.of(point(collection, new float[]{1, 0})));

        assertThat(index.search(new float[]{1, 0}, VectorFilter.collections(Set.of(collection)), 1)).hasSize(1);
    }

    @Test
    void searchesWhileOthersWrite() throws Exception {
        InProcessVectorIndex index = newIndex();
        long before = index.size();
        CollectionId collection = CollectionId.random();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int writer = 0; writer < 2; writer++) {
                work.add(threads.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        index.upsert(List.of(point(collection, new float[]{i, 1, 0.5f, -i})));
                    }
                }));
            }
            for (int reader = 0; reader < 2; reader++) {
                work.add(threads.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        assertThat(index.search(new float[]{1, 1, 1, 1}, VectorFilter.collections(Set.of(collection)), 5))
                                .hasSizeLessThanOrEqualTo(5);
                    }
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(index.size()).isEqualTo(before + 1_000);
    }

    @Test
    void sizeAnswersFromMemoryWhenTheLogCannotBeReadButSearchFails() {
        AtomicBoolean databaseDown = new AtomicBoolean();
        @SuppressWarnings("unchecked")
        VectorChanges failing = new VectorChanges(context.getBean(TransactionOperations.class),
                context.getBean(ConnectionOperations.class)) {
            @Override
            Check check(Position since) {
                if (databaseDown.get()) {
                    throw new DataAccessException("database down");
                }
                return super.check(since);
            }
        };
        InProcessVectorIndex index = new InProcessVectorIndex(context.getBean(StoredVectorPoints.class), failing);
        long held = index.size();

        databaseDown.set(true);

        assertThat(index.size()).isEqualTo(held);
        assertThatThrownBy(() -> index.search(new float[]{1, 0, 0, 0}, VectorFilter.collections(Set.of(CollectionId.random())), 1))
                .isInstanceOf(DataAccessException.class);
    }

    private InProcessVectorIndex newIndex() {
        return InProcessIndexes.on(context);
    }

    private Document storedDocument(Collection collection, String content, DocumentType type, Map<String, Object> metadata) {
        Document document = new Document(DocumentId.random(), collection.id(), "t", content, ContentHash.of(content),
                type, metadata, Fixtures.now(), Fixtures.now());
        context.getBean(DocumentRepository.class).insertIfAbsent(document, Fixtures.chunks(document.id(), 3));
        return document;
    }

    private static VectorPoint point(CollectionId collection, float[] vector) {
        return new VectorPoint(ChunkId.random(), DocumentId.random(), collection, DocumentType.MARKDOWN, Map.of(), vector);
    }
}
