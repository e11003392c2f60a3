package io.ainstruct.application.indexing;

import io.ainstruct.application.fakes.FakeEmbedder;
import io.ainstruct.application.fakes.FakeVectorIndex;
import io.ainstruct.application.fakes.TestWorld;
import io.ainstruct.domain.chunking.MarkdownChunker;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.ContentHash;
import io.ainstruct.domain.document.Document;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.document.DocumentType;
import io.ainstruct.domain.error.InvalidInput;
import io.ainstruct.domain.port.DocumentCatalog;
import io.ainstruct.domain.port.Embedder;
import io.ainstruct.domain.port.EmbeddingModelLedger;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReindexingTest {
    private final TestWorld world = new TestWorld();
    private final Catalog catalog = new Catalog();
    private final Ledger ledger = new Ledger();
    private final CollectionId notes = CollectionId.random();
    private final CollectionId archive = CollectionId.random();

    @Test
    void importedDocumentsWithoutChunksAreChunkedEmbeddedAndIndexedAndTheModelRecorded() {
        List<DocumentId> imported = importDocuments(notes, Reindexing.BATCH_SIZE * 2 + 3);

        ReindexResult result = reindexing(world.embedder, world.index).run(Optional.empty(), new Counter());

        assertThat(result.documents()).isEqualTo(imported.size());
        assertThat(result.reembedded()).isEqualTo(imported.size());
        assertThat(imported).allSatisfy(id -> {
            assertThat(world.documents.chunksOf(id)).isNotEmpty();
            assertThat(world.index.pointsOf(id)).hasSameSizeAs(world.documents.chunksOf(id));
        });
        assertThat(result.points()).isEqualTo(world.index.size());
        assertThat(ledger.recorded()).contains("fake-bag-of-words/" + FakeEmbedder.DIMENSION);
        assertThat(world.outbox.pending()).hasSize(imported.size());
    }

    @Test
    void storedEmbeddingsOfTheConfiguredModelAreReusedWithoutEmbeddingAgain() {
        importDocuments(notes, 10);
        reindexing(world.embedder, world.index).run(Optional.empty(), new Counter());
        int embedded = world.embedder.textsEmbedded();
        FakeVectorIndex emptyIndex = new FakeVectorIndex(FakeEmbedder.DIMENSION);
        Counter progress = new Counter();

        ReindexResult again = reindexing(world.embedder, emptyIndex).run(Optional.empty(), progress);

        assertThat(again.reembedded()).isZero();
        assertThat(again.reused()).isEqualTo(10);
        assertThat(world.embedder.textsEmbedded()).isEqualTo(embedded);
        assertThat(emptyIndex.size()).isEqualTo(world.index.size());
        assertThat(progress.total).isEqualTo(10);
        assertThat(progress.done).isEqualTo(10);
    }

    @Test
    void oneCollectionAlone() {
        List<DocumentId> inNotes = importDocuments(notes, 4);
        List<DocumentId> inArchive = importDocuments(archive, 3);

        ReindexResult result = reindexing(world.embedder, world.index).run(Optional.of(archive), new Counter());

        assertThat(result.documents()).isEqualTo(3);
        assertThat(inArchive).allSatisfy(id -> assertThat(world.index.pointsOf(id)).isNotEmpty());
        assertThat(inNotes).allSatisfy(id -> assertThat(world.index.pointsOf(id)).isEmpty());
    }

    @Test
    void afterAModelChangeEverythingIsReembeddedAndTheNewModelRecorded() {
        List<DocumentId> ids = importDocuments(notes, 5);
        reindexing(world.embedder, world.index).run(Optional.empty(), new Counter());
        Embedder smaller = new HalfEmbedder(world.embedder);
        FakeVectorIndex newIndex = new FakeVectorIndex(smaller.dimension());

        assertThatThrownBy(() -> reindexing(smaller, newIndex).run(Optional.of(notes), new Counter()))
                .isInstanceOf(InvalidInput.class);
        ReindexResult result = reindexing(smaller, newIndex).run(Optional.empty(), new Counter());

        assertThat(result.reembedded()).isEqualTo(5);
        assertThat(ledger.recorded()).contains("half/" + smaller.dimension());
        assertThat(ids).allSatisfy(id -> assertThat(world.documents.chunksOf(id))
                .allSatisfy(chunk -> assertThat(chunk.embedding()).hasSize(smaller.dimension())));
        assertThat(newIndex.size()).isEqualTo(result.points());
    }

    private Reindexing reindexing(Embedder embedder, FakeVectorIndex index) {
        return new Reindexing(catalog, world.documents, world.outbox, index,
                new MarkdownChunker(world.tokenizer, TestWorld.SMALL_CHUNKS), embedder, ledger, world.uow);
    }

    /** As the migration leaves them: stored, without chunks. */
    private List<DocumentId> importDocuments(CollectionId collection, int count) {
        List<DocumentId> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String content = "# Note " + i + "\n\npostgres vector index number " + i + " " + collection.value()
                    + " and some more words to make two chunks of it at the small chunk size";
            Document document = new Document(DocumentId.random(), collection, "note " + i, content, ContentHash.of(content),
                    DocumentType.MARKDOWN, Map.of("n", i), Instant.EPOCH, Instant.EPOCH);
            world.uow.run(() -> world.documents.insertIfAbsent(document, List.of()));
            catalog.add(collection, document.id());
            ids.add(document.id());
        }
        return ids;
    }

    private static final class Catalog implements DocumentCatalog {
        private final Map<DocumentId, CollectionId> documents = new HashMap<>();

        void add(CollectionId collection, DocumentId id) {
            documents.put(id, collection);
        }

        @Override
        public long count(Optional<CollectionId> collection) {
            return documents.values().stream().filter(c -> collection.map(c::equals).orElse(true)).count();
        }

        @Override
        public List<DocumentId> idsAfter(Optional<DocumentId> after, Optional<CollectionId> collection, int limit) {
            return documents.entrySet().stream()
                    .filter(entry -> collection.map(entry.getValue()::equals).orElse(true))
                    .map(Map.Entry::getKey)
                    .filter(id -> after.map(from -> id.value().compareTo(from.value()) > 0).orElse(true))
                    .sorted(Comparator.comparing(DocumentId::value)).limit(limit).toList();
        }
    }

    private static final class Ledger implements EmbeddingModelLedger {
        private String model;

        @Override
        public Optional<String> recorded() {
            return Optional.ofNullable(model);
        }

        @Override
        public void record(String modelKey) {
            model = modelKey;
        }
    }

    private static final class Counter implements ReindexProgress {
        long total;
        long done;

        @Override
        public void started(long documents) {
            total = documents;
        }

        @Override
        public void advanced(long documents) {
            done += documents;
        }
    }

    /** Another model: the first half of the fake's vector. */
    private record HalfEmbedder(Embedder whole) implements Embedder {
        @Override
        public String modelName() {
            return "half";
        }

        @Override
        public int dimension() {
            return whole.dimension() / 2;
        }

        @Override
        public List<float[]> embedPassages(List<String> texts) {
            return whole.embedPassages(texts).stream().map(v -> java.util.Arrays.copyOf(v, dimension())).toList();
        }

        @Override
        public float[] embedQuery(String query) {
            return java.util.Arrays.copyOf(whole.embedQuery(query), dimension());
        }
    }
}
