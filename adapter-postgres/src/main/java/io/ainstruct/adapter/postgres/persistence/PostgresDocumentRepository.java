package io.ainstruct.adapter.postgres.persistence;

import io.ainstruct.adapter.postgres.persistence.UniqueViolations.ConflictRule;
import io.ainstruct.adapter.postgres.shared.JsonMetadata;
import io.ainstruct.adapter.postgres.shared.TranslatesDatabaseFailures;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.Chunk;
import io.ainstruct.domain.document.CountedDocument;
import io.ainstruct.domain.document.Document;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.document.DocumentSummary;
import io.ainstruct.domain.document.DocumentType;
import io.ainstruct.domain.document.Page;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.port.DocumentRepository;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@Singleton
@TranslatesDatabaseFailures
@Transactional
class PostgresDocumentRepository implements DocumentRepository {
    private static final Map<String, ConflictRule> CONFLICTS = Map.of("documents_collection_id_content_hash_key",
            new ConflictRule(ErrorCode.DUPLICATE_CONTENT, "The collection already holds a document with this content"));

    private final DocumentRows rows;
    private final ChunkTable chunkTable;
    private final JsonMetadata json;

    PostgresDocumentRepository(DocumentRows rows, ChunkTable chunkTable, JsonMetadata json) {
        this.rows = rows;
        this.chunkTable = chunkTable;
        this.json = json;
    }

    /**
     * Race-safe: of two transactions storing the same content, the second waits for the first at the unique
     * constraint, inserts nothing, and then reads the first one's committed document.
     */
    @Override
    public Document insertIfAbsent(Document document, List<Chunk> chunks) {
        int inserted = rows.insertIfAbsent(document.id().value(), document.collectionId().value(), document.title(),
                document.content(), document.contentHash(), document.type().wireName(),
                json.toJson(document.metadata()), chunks.size(), tokenCount(chunks),
                document.createdAt(), document.updatedAt());
        if (inserted == 1) {
            chunkTable.insertAll(chunks);
            return document;
        }
        return rows.findByCollectionIdAndContentHash(document.collectionId().value(), document.contentHash())
                .map(this::toDocument)
                .orElseThrow(() -> new IllegalStateException(
                        "the document holding the same content was deleted while this one was stored; store it again"));
    }

    @Override
    @ReadOnly
    public Optional<Document> findById(DocumentId id) {
        return rows.findById(id.value()).map(this::toDocument);
    }

    @Override
    @SingleStatementRead
    public Optional<CountedDocument> findCounted(DocumentId id) {
        return rows.findById(id.value()).map(row -> new CountedDocument(toDocument(row), row.chunkCount(), row.tokenCount()));
    }

    @Override
    public void update(Document document) {
        try {
            rows.updateDocument(document.id().value(), document.collectionId().value(), document.title(),
                    document.content(), document.contentHash(), document.type().wireName(),
                    json.toJson(document.metadata()), document.updatedAt());
        } catch (RuntimeException e) {
            throw UniqueViolations.translate(e, CONFLICTS);
        }
    }

    @Override
    public void replaceChunks(DocumentId id, List<Chunk> chunks) {
        chunkTable.deleteOf(id);
        chunkTable.insertAll(chunks);
        rows.updateCounts(id.value(), chunks.size(), tokenCount(chunks));
    }

    /** Its chunks go with it: the foreign key cascades. */
    @Override
    public void delete(DocumentId id) {
        rows.deleteById(id.value());
    }

    @Override
    @SingleStatementRead
    public Page<DocumentSummary> list(Set<CollectionId> collections, int limit, int offset) {
        if (collections.isEmpty()) {
            return new Page<>(List.of(), 0, limit, offset);
        }
        List<UUID> ids = collections.stream().map(CollectionId::value).toList();
        List<DocumentSummary> items = rows.listNewestFirst(ids, limit, offset).stream().map(this::toSummary).toList();
        return new Page<>(items, rows.countByCollectionIdIn(ids), limit, offset);
    }

    @Override
    @ReadOnly
    public Optional<DocumentSummary> summary(DocumentId id) {
        return rows.findListing(id.value()).map(this::toSummary);
    }

    @Override
    @ReadOnly
    public List<Chunk> chunksOf(DocumentId id) {
        return chunkTable.chunksOf(id);
    }

    /** The tokens of all its chunks: what the document costs a reader who retrieves every passage. */
    private static int tokenCount(List<Chunk> chunks) {
        return chunks.stream().mapToInt(Chunk::tokenCount).sum();
    }

    private Document toDocument(DocumentRow row) {
        return new Document(new DocumentId(row.id()), new CollectionId(row.collectionId()), row.title(), row.content(),
                row.contentHash(), DocumentType.parse("document_type", row.documentType()),
                json.fromJson(row.metadata()), row.createdAt(), row.updatedAt());
    }

    private DocumentSummary toSummary(DocumentListingRow row) {
        return new DocumentSummary(new DocumentId(row.id()), new CollectionId(row.collectionId()), row.title(),
                DocumentType.parse("document_type", row.documentType()), json.fromJson(row.metadata()),
                row.chunkCount(), row.tokenCount(), row.createdAt(), row.updatedAt());
    }
}
