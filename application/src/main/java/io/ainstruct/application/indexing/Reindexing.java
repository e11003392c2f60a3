package io.ainstruct.application.indexing;

import io.ainstruct.domain.chunking.MarkdownChunker;
import io.ainstruct.domain.chunking.TextChunk;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.Chunk;
import io.ainstruct.domain.document.ChunkId;
import io.ainstruct.domain.document.Document;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.error.InvalidInput;
import io.ainstruct.domain.port.DocumentCatalog;
import io.ainstruct.domain.port.DocumentRepository;
import io.ainstruct.domain.port.Embedder;
import io.ainstruct.domain.port.EmbeddingModelLedger;
import io.ainstruct.domain.port.IndexingOutbox;
import io.ainstruct.domain.port.UnitOfWork;
import io.ainstruct.domain.port.VectorIndex;
import io.ainstruct.domain.search.VectorPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rebuilds the vector index from PostgreSQL, for every document or one collection's, in batches. A document whose
 * stored chunks were embedded by the configured model goes into the index as it is; one without chunks (just
 * imported) or embedded by another model is chunked and embedded again, its chunks replaced in PostgreSQL. After a
 * model change every document is re-embedded, and the new model is recorded, so the server's start guard accepts it.
 */
public final class Reindexing {
    public static final int BATCH_SIZE = 64;

    private final DocumentCatalog catalog;
    private final DocumentRepository documents;
    private final IndexingOutbox outbox;
    private final VectorIndex index;
    private final MarkdownChunker chunker;
    private final Embedder embedder;
    private final EmbeddingModelLedger ledger;
    private final UnitOfWork uow;

    public Reindexing(DocumentCatalog catalog, DocumentRepository documents, IndexingOutbox outbox, VectorIndex index,
                      MarkdownChunker chunker, Embedder embedder, EmbeddingModelLedger ledger, UnitOfWork uow) {
        this.catalog = catalog;
        this.documents = documents;
        this.outbox = outbox;
        this.index = index;
        this.chunker = chunker;
        this.embedder = embedder;
        this.ledger = ledger;
        this.uow = uow;
    }

    /** The model the stored vectors must come from: name and dimension, as the ledger records it. */
    public String configuredModel() {
        return embedder.modelName() + "/" + embedder.dimension();
    }

    public ReindexResult run(Optional<CollectionId> collection, ReindexProgress progress) {
        String model = configuredModel();
        boolean modelChanged = ledger.recorded().map(recorded -> !recorded.equals(model)).orElse(false);
        if (modelChanged && collection.isPresent()) {
            throw new InvalidInput("collection", "the embedding model changed to " + model
                    + ": every collection must be re-embedded, so reindex them all");
        }
        progress.started(uow.readOnly(() -> catalog.count(collection)));
        long total = 0;
        long reembedded = 0;
        long points = 0;
        Optional<DocumentId> after = Optional.empty();
        List<DocumentId> ids;
        do {
            Optional<DocumentId> from = after;
            ids = uow.readOnly(() -> catalog.idsAfter(from, collection, BATCH_SIZE));
            Batch batch = readBatch(ids, modelChanged);
            reembedded += batch.embed();
            List<VectorPoint> upserts = new ArrayList<>();
            for (Stored stored : batch.documents) {
                if (stored.rebuilt) {
                    index.deleteDocument(stored.document.id());
                }
                stored.chunks.forEach(chunk -> upserts.add(point(stored.document, chunk)));
            }
            index.upsert(upserts);
            points += upserts.size();
            total += ids.size();
            progress.advanced(ids.size());
            after = ids.isEmpty() ? after : Optional.of(ids.get(ids.size() - 1));
        } while (ids.size() == BATCH_SIZE);
        if (ledger.recorded().filter(model::equals).isEmpty()) {
            ledger.record(model);
        }
        return new ReindexResult(total, reembedded, total - reembedded, points, model);
    }

    private Batch readBatch(List<DocumentId> ids, boolean modelChanged) {
        return uow.readOnly(() -> {
            Batch batch = new Batch();
            for (DocumentId id : ids) {
                documents.findById(id).ifPresent(document -> {
                    List<Chunk> chunks = documents.chunksOf(id);
                    boolean stale = modelChanged || chunks.isEmpty()
                            || chunks.stream().anyMatch(chunk -> chunk.embedding().length != embedder.dimension());
                    batch.documents.add(new Stored(document, chunks, stale));
                });
            }
            return batch;
        });
    }

    private static VectorPoint point(Document document, Chunk chunk) {
        return new VectorPoint(chunk.id(), document.id(), document.collectionId(), document.type(), document.metadata(),
                chunk.embedding());
    }

    private static final class Stored {
        final Document document;
        List<Chunk> chunks;
        boolean rebuilt;

        Stored(Document document, List<Chunk> chunks, boolean rebuilt) {
            this.document = document;
            this.chunks = chunks;
            this.rebuilt = rebuilt;
        }
    }

    private final class Batch {
        final List<Stored> documents = new ArrayList<>();

        /** Chunks and embeds the stale documents with one embedder call, and replaces their chunks; returns how many. */
        long embed() {
            List<Stored> stale = documents.stream().filter(stored -> stored.rebuilt).toList();
            if (stale.isEmpty()) {
                return 0;
            }
            List<List<TextChunk>> pieces = stale.stream().map(stored -> chunker.chunk(stored.document.content())).toList();
            List<float[]> vectors = embedder.embedPassages(pieces.stream().flatMap(List::stream).map(TextChunk::content).toList());
            int next = 0;
            for (int i = 0; i < stale.size(); i++) {
                Stored stored = stale.get(i);
                List<Chunk> chunks = new ArrayList<>();
                for (TextChunk piece : pieces.get(i)) {
                    chunks.add(new Chunk(ChunkId.random(), stored.document.id(), chunks.size(), piece.content(),
                            piece.tokenCount(), vectors.get(next++)));
                }
                stored.chunks = chunks;
                replace(stored);
            }
            return stale.size();
        }

        private void replace(Stored stored) {
            uow.run(() -> {
                // A document changed since it was read was re-chunked by that change: its chunks stay.
                Optional<Document> current = Reindexing.this.documents.findById(stored.document.id());
                if (current.isEmpty() || !current.get().contentHash().equals(stored.document.contentHash())) {
                    stored.chunks = List.of();
                    return;
                }
                Reindexing.this.documents.replaceChunks(stored.document.id(), stored.chunks);
                outbox.documentChanged(stored.document.id());
            });
        }
    }
}
