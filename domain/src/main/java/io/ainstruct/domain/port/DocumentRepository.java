package io.ainstruct.domain.port;

import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.Chunk;
import io.ainstruct.domain.document.CountedDocument;
import io.ainstruct.domain.document.Document;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.document.DocumentSummary;
import io.ainstruct.domain.document.Page;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Documents and the chunks derived from them: one aggregate, stored together. */
public interface DocumentRepository {

    /**
     * Inserts the document with its chunks unless the collection already holds a document with the same
     * content hash; returns the document that is stored afterwards (the new one, or the existing twin).
     */
    Document insertIfAbsent(Document document, List<Chunk> chunks);

    Optional<Document> findById(DocumentId id);

    /** The document with its chunk and token counts, in one read. */
    Optional<CountedDocument> findCounted(DocumentId id);

    /** Throws {@code Conflict} DUPLICATE_CONTENT when the target collection holds another document with the same content hash. */
    void update(Document document);

    /** Replaces the document's chunks by {@code chunks}. */
    void replaceChunks(DocumentId id, List<Chunk> chunks);

    void delete(DocumentId id);

    /** Summaries of the documents in {@code collections}, newest first. */
    Page<DocumentSummary> list(Set<CollectionId> collections, int limit, int offset);

    Optional<DocumentSummary> summary(DocumentId id);

    /** The chunks of a document in order, with their embeddings. */
    List<Chunk> chunksOf(DocumentId id);
}
