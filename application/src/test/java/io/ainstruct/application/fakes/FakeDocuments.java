package io.ainstruct.application.fakes;

import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.Chunk;
import io.ainstruct.domain.document.CountedDocument;
import io.ainstruct.domain.document.ChunkId;
import io.ainstruct.domain.document.Document;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.document.DocumentSummary;
import io.ainstruct.domain.document.Page;
import io.ainstruct.domain.error.Conflict;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.port.DocumentRepository;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Documents with their chunks; at most one document per collection and content hash. */
public final class FakeDocuments implements DocumentRepository, Rollbackable {
    private final FakeUnitOfWork uow;
    private final Map<DocumentId, Row> rows = new LinkedHashMap<>();
    private long sequence;

    /** {@code seq} breaks ties between documents created at the same instant: later insert, newer. */
    private record Row(Document document, List<Chunk> chunks, long seq) {
    }

    public FakeDocuments(FakeUnitOfWork uow) {
        this.uow = uow;
    }

    @Override
    public Document insertIfAbsent(Document document, List<Chunk> chunks) {
        uow.requireWritable();
        Optional<Document> twin = rows.values().stream().map(Row::document)
                .filter(d -> d.collectionId().equals(document.collectionId()) && d.contentHash().equals(document.contentHash()))
                .findFirst();
        if (twin.isPresent()) {
            return twin.get();
        }
        rows.put(document.id(), new Row(document, List.copyOf(chunks), ++sequence));
        return document;
    }

    @Override
    public Optional<Document> findById(DocumentId id) {
        return Optional.ofNullable(rows.get(id)).map(Row::document);
    }

    @Override
    public void update(Document document) {
        uow.requireWritable();
        Row row = rows.get(document.id());
        if (row == null) {
            throw new IllegalStateException("no document " + document.id());
        }
        boolean duplicate = rows.values().stream().map(Row::document)
                .anyMatch(d -> !d.id().equals(document.id()) && d.collectionId().equals(document.collectionId())
                        && d.contentHash().equals(document.contentHash()));
        if (duplicate) {
            throw new Conflict(ErrorCode.DUPLICATE_CONTENT, "the collection already holds this content");
        }
        rows.put(document.id(), new Row(document, row.chunks(), row.seq()));
    }

    @Override
    public void replaceChunks(DocumentId id, List<Chunk> chunks) {
        uow.requireWritable();
        Row row = rows.get(id);
        rows.put(id, new Row(row.document(), List.copyOf(chunks), row.seq()));
    }

    @Override
    public void delete(DocumentId id) {
        uow.requireWritable();
        rows.remove(id);
    }

    /** The cascade of a collection delete. */
    void deleteCollection(CollectionId id) {
        rows.values().removeIf(row -> row.document().collectionId().equals(id));
    }

    long countIn(CollectionId id) {
        return rows.values().stream().filter(row -> row.document().collectionId().equals(id)).count();
    }

    @Override
    public Page<DocumentSummary> list(Set<CollectionId> collections, int limit, int offset) {
        List<Row> matching = rows.values().stream()
                .filter(row -> collections.contains(row.document().collectionId()))
                .sorted(Comparator.comparing((Row row) -> row.document().createdAt())
                        .thenComparingLong(Row::seq).reversed())
                .toList();
        List<DocumentSummary> page = matching.stream().skip(offset).limit(limit).map(FakeDocuments::summarize).toList();
        return new Page<>(page, matching.size(), limit, offset);
    }

    @Override
    public Optional<CountedDocument> findCounted(DocumentId id) {
        return Optional.ofNullable(rows.get(id)).map(row -> new CountedDocument(row.document(), row.chunks().size(),
                row.chunks().stream().mapToInt(Chunk::tokenCount).sum()));
    }

    @Override
    public Optional<DocumentSummary> summary(DocumentId id) {
        return Optional.ofNullable(rows.get(id)).map(FakeDocuments::summarize);
    }

    @Override
    public List<Chunk> chunksOf(DocumentId id) {
        return Optional.ofNullable(rows.get(id)).map(Row::chunks).orElse(List.of());
    }

    /** Every stored document with its chunks, in insertion order. */
    Map<Document, List<Chunk>> contents() {
        Map<Document, List<Chunk>> contents = new LinkedHashMap<>();
        rows.values().forEach(row -> contents.put(row.document(), row.chunks()));
        return contents;
    }

    Optional<Chunk> findChunk(ChunkId id) {
        return rows.values().stream().flatMap(row -> row.chunks().stream()).filter(c -> c.id().equals(id)).findFirst();
    }

    public int count() {
        return rows.size();
    }

    private static DocumentSummary summarize(Row row) {
        Document d = row.document();
        int tokens = row.chunks().stream().mapToInt(Chunk::tokenCount).sum();
        return new DocumentSummary(d.id(), d.collectionId(), d.title(), d.type(), d.metadata(), row.chunks().size(), tokens,
                d.createdAt(), d.updatedAt());
    }

    @Override
    public Runnable snapshot() {
        Map<DocumentId, Row> copy = new LinkedHashMap<>(rows);
        long seq = sequence;
        return () -> {
            rows.clear();
            rows.putAll(copy);
            sequence = seq;
        };
    }
}
