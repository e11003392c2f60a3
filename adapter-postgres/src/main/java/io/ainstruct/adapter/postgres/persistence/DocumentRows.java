package io.ainstruct.adapter.postgres.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Writes spell out their SQL: metadata is cast to jsonb, and an insert may meet its twin. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface DocumentRows extends CrudRepository<DocumentRow, UUID> {

    String LISTING_COLUMNS = """
            SELECT id, collection_id, title, document_type, metadata, chunk_count, token_count, created_at, updated_at
            FROM documents
            """;

    /** Returns 0, inserting nothing, when the collection already holds this content (committed or about to be). */
    @Query("""
            INSERT INTO documents (id, collection_id, title, content, content_hash, document_type, metadata,
                                   chunk_count, token_count, created_at, updated_at)
            VALUES (:id, :collectionId, :title, :content, :contentHash, :documentType, CAST(:metadata AS jsonb),
                    :chunkCount, :tokenCount, :createdAt, :updatedAt)
            ON CONFLICT (collection_id, content_hash) DO NOTHING""")
    int insertIfAbsent(UUID id, UUID collectionId, String title, String content, String contentHash,
                       String documentType, String metadata, int chunkCount, int tokenCount,
                       Instant createdAt, Instant updatedAt);

    Optional<DocumentRow> findByCollectionIdAndContentHash(UUID collectionId, String contentHash);

    @Query("""
            UPDATE documents
            SET collection_id = :collectionId, title = :title, content = :content, content_hash = :contentHash,
                document_type = :documentType, metadata = CAST(:metadata AS jsonb), updated_at = :updatedAt
            WHERE id = :id""")
    int updateDocument(UUID id, UUID collectionId, String title, String content, String contentHash,
                       String documentType, String metadata, Instant updatedAt);

    @Query("UPDATE documents SET chunk_count = :chunkCount, token_count = :tokenCount WHERE id = :id")
    int updateCounts(UUID id, int chunkCount, int tokenCount);

    @Query(LISTING_COLUMNS + """
            WHERE collection_id IN (:collections)
            ORDER BY created_at DESC, id
            LIMIT :limit OFFSET :offset""")
    List<DocumentListingRow> listNewestFirst(Collection<UUID> collections, int limit, int offset);

    long countByCollectionIdIn(Collection<UUID> collectionId);

    @Query(LISTING_COLUMNS + "WHERE id = :id")
    Optional<DocumentListingRow> findListing(UUID id);

    @Query("""
            SELECT ch.id AS chunk_id, ch.document_id, d.title, d.collection_id, c.name AS collection_name,
                   ch.chunk_index, ch.content, ch.token_count
            FROM chunks ch
            JOIN documents d ON d.id = ch.document_id
            JOIN collections c ON c.id = d.collection_id
            WHERE ch.id IN (:chunkIds)""")
    List<PassageRow> findPassages(Collection<UUID> chunkIds);
}
