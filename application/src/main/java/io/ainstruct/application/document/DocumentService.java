package io.ainstruct.application.document;

import io.ainstruct.application.access.Capabilities;
import io.ainstruct.application.access.Capability;
import io.ainstruct.application.access.CollectionAccess;
import io.ainstruct.application.validation.Require;
import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.chunking.MarkdownChunker;
import io.ainstruct.domain.chunking.TextChunk;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.Chunk;
import io.ainstruct.domain.document.ChunkId;
import io.ainstruct.domain.document.ContentHash;
import io.ainstruct.domain.document.CountedDocument;
import io.ainstruct.domain.document.Document;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.document.DocumentSummary;
import io.ainstruct.domain.document.Page;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.error.NotFound;
import io.ainstruct.domain.port.DocumentRepository;
import io.ainstruct.domain.port.Embedder;
import io.ainstruct.domain.port.IndexingOutbox;
import io.ainstruct.domain.port.UnitOfWork;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Storing, reading, changing and deleting documents. Chunking and embedding happen before the transaction opens,
 * so a slow embedder never holds a database connection; the vector index learns of changes through the outbox.
 */
public final class DocumentService {
    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 500;

    private final DocumentRepository documents;
    private final CollectionAccess access;
    private final IndexingOutbox outbox;
    private final MarkdownChunker chunker;
    private final Embedder embedder;
    private final UnitOfWork uow;
    private final Clock clock;
    private final long maxContentBytes;

    public DocumentService(DocumentRepository documents, CollectionAccess access, IndexingOutbox outbox,
                           MarkdownChunker chunker, Embedder embedder, UnitOfWork uow,
                           Clock clock, long maxContentBytes) {
        this.documents = documents;
        this.access = access;
        this.outbox = outbox;
        this.chunker = chunker;
        this.embedder = embedder;
        this.uow = uow;
        this.clock = clock;
        this.maxContentBytes = maxContentBytes;
    }

    public StoredDocument store(Caller caller, NewDocument request) {
        DocumentRules.requireWithinLimit(request.content(), maxContentBytes);
        uow.readOnly(() -> access.writable(caller, request.collectionId()));
        DocumentId id = DocumentId.random();
        List<Chunk> chunks = embedChunks(id, request.content());
        Instant now = clock.instant();
        Document document = new Document(id, request.collectionId(), request.title(), request.content(),
                ContentHash.of(request.content()), request.type(), request.metadata(), now, now);
        return uow.inTransaction(() -> {
            access.writable(caller, request.collectionId());
            Document stored = documents.insertIfAbsent(document, chunks);
            boolean created = stored.id().equals(id);
            if (created) {
                outbox.documentChanged(id);
            }
            return readableBy(caller, view(stored, created));
        });
    }

    public StoredDocument get(Caller caller, DocumentId id) {
        return uow.readOnly(() -> {
            // The counts are columns of the document's row: one read, not a second one for a summary.
            CountedDocument found = reachable(caller, id, false);
            return new StoredDocument(found.document(), found.chunkCount(), found.tokenCount(), false);
        });
    }

    public Page<DocumentSummary> list(Caller caller, Optional<CollectionId> collection, Integer limit, Integer offset) {
        int pageSize = Require.range("limit", limit, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        int skip = Require.range("offset", offset, 0, 0, Integer.MAX_VALUE);
        return uow.readOnly(() -> {
            Set<CollectionId> scope = collection
                    .map(c -> Set.of(access.readable(caller, c).id()))
                    .orElseGet(() -> access.readableIds(caller));
            return scope.isEmpty() ? new Page<>(List.of(), 0, pageSize, skip) : documents.list(scope, pageSize, skip);
        });
    }

    public StoredDocument update(Caller caller, DocumentId id, DocumentChanges changes) {
        changes.content().ifPresent(content -> DocumentRules.requireWithinLimit(content, maxContentBytes));
        Document before = uow.readOnly(() -> writable(caller, id));
        Optional<List<Chunk>> newChunks = changes.content()
                .filter(content -> !content.equals(before.content()))
                .map(content -> embedChunks(id, content));
        return uow.inTransaction(() -> {
            Document current = writable(caller, id);
            CollectionId target = changes.collectionId().orElse(current.collectionId());
            if (!target.equals(current.collectionId())) {
                access.movableInto(caller, target);
            }
            String content = changes.content().orElse(current.content());
            Document updated = new Document(id, target, changes.title().orElse(current.title()), content,
                    ContentHash.of(content), changes.type().orElse(current.type()),
                    changes.metadata().orElse(current.metadata()), current.createdAt(), clock.instant());
            documents.update(updated);
            if (!content.equals(current.content())) {
                // Another request may have changed the content since it was read; the chunks must match what is written.
                documents.replaceChunks(id, newChunks.orElseGet(() -> embedChunks(id, content)));
            }
            outbox.documentChanged(id);
            return readableBy(caller, view(updated, false));
        });
    }

    /** A caller who may write but not read gets a receipt: an update or a duplicate store must not read for them. */
    private static StoredDocument readableBy(Caller caller, StoredDocument stored) {
        if (Capabilities.of(caller).allows(Capability.READ_DOCUMENTS)) {
            return stored;
        }
        return new StoredDocument(stored.document().receipt(), stored.chunkCount(), stored.tokenCount(), stored.created());
    }

    public void delete(Caller caller, DocumentId id) {
        uow.run(() -> {
            writable(caller, id);
            documents.delete(id);
            outbox.documentChanged(id);
        });
    }

    private List<Chunk> embedChunks(DocumentId documentId, String content) {
        List<TextChunk> pieces = chunker.chunk(content);
        List<float[]> vectors = embedder.embedPassages(pieces.stream().map(TextChunk::content).toList());
        List<Chunk> chunks = new ArrayList<>(pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            TextChunk piece = pieces.get(i);
            chunks.add(new Chunk(ChunkId.random(), documentId, i, piece.content(), piece.tokenCount(), vectors.get(i)));
        }
        return chunks;
    }

    private StoredDocument view(Document document, boolean created) {
        DocumentSummary summary = documents.summary(document.id()).orElseThrow(DocumentService::notFound);
        return new StoredDocument(document, summary.chunkCount(), summary.tokenCount(), created);
    }

    private Document writable(Caller caller, DocumentId id) {
        return reachable(caller, id, true).document();
    }

    /** A document in a collection the caller cannot reach is reported as missing, like one that does not exist. */
    private CountedDocument reachable(Caller caller, DocumentId id, boolean write) {
        Capabilities.of(caller).requireOfPerson(write ? Capability.WRITE_DOCUMENTS : Capability.READ_DOCUMENTS);
        CountedDocument document = documents.findCounted(id).orElseThrow(DocumentService::notFound);
        try {
            if (write) {
                access.writable(caller, document.document().collectionId());
            } else {
                access.readable(caller, document.document().collectionId());
            }
        } catch (NotFound hidden) {
            throw notFound();
        }
        return document;
    }

    private static NotFound notFound() {
        return new NotFound(ErrorCode.DOCUMENT_NOT_FOUND, "Document not found");
    }
}
