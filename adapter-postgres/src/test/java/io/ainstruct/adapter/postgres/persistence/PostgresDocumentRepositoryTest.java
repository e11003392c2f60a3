package io.ainstruct.adapter.postgres.persistence;

import io.ainstruct.adapter.postgres.Fixtures;
import io.ainstruct.adapter.postgres.PostgresAdapterTest;
import io.ainstruct.domain.collection.Collection;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.Chunk;
import io.ainstruct.domain.document.ContentHash;
import io.ainstruct.domain.document.CountedDocument;
import io.ainstruct.domain.document.Document;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.document.DocumentSummary;
import io.ainstruct.domain.document.DocumentType;
import io.ainstruct.domain.document.Page;
import io.ainstruct.domain.error.Conflict;
import io.ainstruct.domain.error.ErrorCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresDocumentRepositoryTest extends PostgresAdapterTest {
    private PostgresDocumentRepository documents;

    @BeforeAll
    void repository() {
        documents = context.getBean(PostgresDocumentRepository.class);
    }

    @Test
    void storesADocumentWithItsChunksAndReadsThemBack() {
        Collection collection = fixtures.storedCollection();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("author", "ada");
        metadata.put("tags", List.of("a", "b"));
        metadata.put("nested", Map.of("draft", true));
        metadata.put("nothing", null);
        metadata.put("empty", List.of());
        metadata.put("blank", "");
        Document document = new Document(DocumentId.random(), collection.id(), "Notes", "# Notes\nbody",
                ContentHash.of("# Notes\nbody"), DocumentType.HTML, metadata, Fixtures.now(), Fixtures.now());
        List<Chunk> chunks = Fixtures.chunks(document.id(), 3);

        Document stored = documents.insertIfAbsent(document, chunks);

        assertThat(stored).isEqualTo(document);
        assertThat(documents.findById(document.id())).contains(document);
        assertThat(documents.chunksOf(document.id())).usingRecursiveFieldByFieldElementComparator().isEqualTo(chunks);
        assertThat(documents.summary(document.id())).contains(new DocumentSummary(document.id(), collection.id(),
                "Notes", DocumentType.HTML, metadata, 3, 10 + 11 + 12, document.createdAt(), document.updatedAt()));
        assertThat(documents.findById(DocumentId.random())).isEmpty();
        assertThat(documents.summary(DocumentId.random())).isEmpty();
    }

    @Test
    void findsADocumentWithItsChunkAndTokenCountsInOneRead() {
        Document stored = fixtures.storedDocument(fixtures.storedCollection().id(), "counted words", 3);

        CountedDocument found = documents.findCounted(stored.id()).orElseThrow();

        assertThat(found.document()).isEqualTo(stored);
        assertThat(found.chunkCount()).isEqualTo(3);
        assertThat(found.tokenCount()).isEqualTo(10 + 11 + 12);
        assertThat(documents.findCounted(DocumentId.random())).isEmpty();
    }

    @Test
    void keepsMetadataNumbersAsNumbers() {
        Collection collection = fixtures.storedCollection();
        Document document = new Document(DocumentId.random(), collection.id(), "t", "numbers", ContentHash.of("numbers"),
                DocumentType.JSON, Map.of("count", 3, "ratio", 0.5), Fixtures.now(), Fixtures.now());
        documents.insertIfAbsent(document, List.of());

        Map<String, Object> metadata = documents.findById(document.id()).orElseThrow().metadata();

        assertThat(((Number) metadata.get("count")).longValue()).isEqualTo(3);
        assertThat(((Number) metadata.get("ratio")).doubleValue()).isEqualTo(0.5);
    }

    @Test
    void storesEveryDocumentTypeTheSchemaIsToldOf() {
        Collection collection = fixtures.storedCollection();
        for (DocumentType type : DocumentType.values()) {
            Document document = new Document(DocumentId.random(), collection.id(), "t", type.wireName(), ContentHash.of(type.wireName()),
                    type, Map.of(), Fixtures.now(), Fixtures.now());
            documents.insertIfAbsent(document, List.of());
            assertThat(documents.findById(document.id()).orElseThrow().type()).isEqualTo(type);
        }
    }

    @Test
    void returnsTheExistingDocumentWhenTheCollectionHoldsTheSameContent() {
        Collection collection = fixtures.storedCollection();
        Document first = fixtures.storedDocument(collection.id(), "same words", 2);
        Document second = Fixtures.newDocument(collection.id(), "same words");

        Document stored = documents.insertIfAbsent(second, Fixtures.chunks(second.id(), 5));

        assertThat(stored).isEqualTo(first);
        assertThat(documents.findById(second.id())).isEmpty();
        assertThat(documents.chunksOf(first.id())).hasSize(2);
        assertThat(documents.chunksOf(second.id())).isEmpty();
    }

    @Test
    void storesTheSameContentInAnotherCollection() {
        Collection collection = fixtures.storedCollection();
        fixtures.storedDocument(collection.id(), "shared words", 1);
        Document elsewhere = Fixtures.newDocument(fixtures.storedCollection().id(), "shared words");

        assertThat(documents.insertIfAbsent(elsewhere, List.of())).isEqualTo(elsewhere);
    }

    @Test
    void ofTwoConcurrentStoresOfTheSameContentOneWinsAndTheOtherGetsItsDocument() throws Exception {
        Collection collection = fixtures.storedCollection();
        Document first = Fixtures.newDocument(collection.id(), "raced words");
        Document second = Fixtures.newDocument(collection.id(), "raced words");
        PostgresUnitOfWork unitOfWork = context.getBean(PostgresUnitOfWork.class);
        CountDownLatch firstInserted = new CountDownLatch(1);

        // The first holds its uncommitted insert while the second tries: the second must wait, then see the first.
        CompletableFuture<Document> firstStore = CompletableFuture.supplyAsync(() -> unitOfWork.inTransaction(() -> {
            Document stored = documents.insertIfAbsent(first, Fixtures.chunks(first.id(), 2));
            firstInserted.countDown();
            sleep(300);
            return stored;
        }));
        assertThat(firstInserted.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Document> secondStore = CompletableFuture.supplyAsync(() ->
                unitOfWork.inTransaction(() -> documents.insertIfAbsent(second, Fixtures.chunks(second.id(), 2))));

        assertThat(firstStore.get(10, TimeUnit.SECONDS)).isEqualTo(first);
        assertThat(secondStore.get(10, TimeUnit.SECONDS)).isEqualTo(first);
        assertThat(count("SELECT count(*) FROM documents WHERE collection_id = ?", collection.id().value())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM chunks WHERE document_id = ?", first.id().value())).isEqualTo(2);
    }

    @Test
    void updatesContentMetadataTypeAndCollection() {
        Collection collection = fixtures.storedCollection();
        Collection target = fixtures.storedCollection(collection.ownerId());
        Document document = fixtures.storedDocument(collection.id(), "before", 1);
        Document changed = new Document(document.id(), target.id(), "New title", "after", ContentHash.of("after"),
                DocumentType.TEXT, Map.of("k", "v"), document.createdAt(), Fixtures.now());

        documents.update(changed);

        assertThat(documents.findById(document.id())).contains(changed);
    }

    @Test
    void refusesAnUpdateThatDuplicatesAnotherDocumentsContent() {
        Collection collection = fixtures.storedCollection();
        fixtures.storedDocument(collection.id(), "taken", 1);
        Document document = fixtures.storedDocument(collection.id(), "free", 1);
        Document duplicate = new Document(document.id(), collection.id(), document.title(), "taken",
                ContentHash.of("taken"), document.type(), document.metadata(), document.createdAt(), Fixtures.now());

        assertThatThrownBy(() -> documents.update(duplicate))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_CONTENT));
        assertThat(documents.findById(document.id())).contains(document);
    }

    @Test
    void replacesTheChunksAndTheirCounts() {
        Document document = fixtures.storedDocument(fixtures.storedCollection().id(), "rechunked", 3);
        List<Chunk> replacement = Fixtures.chunks(document.id(), 1);

        documents.replaceChunks(document.id(), replacement);

        assertThat(documents.chunksOf(document.id())).usingRecursiveFieldByFieldElementComparator().isEqualTo(replacement);
        DocumentSummary summary = documents.summary(document.id()).orElseThrow();
        assertThat(summary.chunkCount()).isEqualTo(1);
        assertThat(summary.tokenCount()).isEqualTo(10);
    }

    @Test
    void deletingADocumentDeletesItsChunks() {
        Document document = fixtures.storedDocument(fixtures.storedCollection().id(), "deleted", 2);

        documents.delete(document.id());

        assertThat(documents.findById(document.id())).isEmpty();
        assertThat(documents.chunksOf(document.id())).isEmpty();
        assertThat(count("SELECT count(*) FROM chunks WHERE document_id = ?", document.id().value())).isZero();
    }

    @Test
    void listsPagesNewestFirstWithTheTotal() {
        Collection collection = fixtures.storedCollection();
        Collection other = fixtures.storedCollection(collection.ownerId());
        Instant start = Fixtures.now();
        List<Document> stored = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Document document = Fixtures.newDocument(i % 2 == 0 ? collection.id() : other.id(), "page " + i,
                    start.plusSeconds(i));
            documents.insertIfAbsent(document, List.of());
            stored.add(document);
        }
        fixtures.storedDocument(fixtures.storedCollection().id(), "not listed", 0);

        Page<DocumentSummary> page = documents.list(Set.of(collection.id(), other.id()), 2, 1);

        assertThat(page.total()).isEqualTo(5);
        assertThat(page.limit()).isEqualTo(2);
        assertThat(page.offset()).isEqualTo(1);
        assertThat(page.items()).extracting(DocumentSummary::id).containsExactly(stored.get(3).id(), stored.get(2).id());
        assertThat(documents.list(Set.of(collection.id()), 10, 0).items()).extracting(DocumentSummary::id)
                .containsExactly(stored.get(4).id(), stored.get(2).id(), stored.get(0).id());
    }

    @Test
    void listsNothingForNoCollections() {
        assertThat(documents.list(Set.of(), 10, 0)).isEqualTo(new Page<>(List.of(), 0, 10, 0));
        assertThat(documents.list(Set.of(CollectionId.random()), 10, 0).items()).isEmpty();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
