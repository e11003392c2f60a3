package io.ainstruct.adapter.postgres.keywordindex;

import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.Chunk;
import io.ainstruct.domain.document.ChunkId;
import io.ainstruct.domain.document.ContentHash;
import io.ainstruct.domain.document.Document;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.document.DocumentType;
import io.ainstruct.domain.port.DocumentRepository;
import io.micronaut.context.ApplicationContext;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Stores documents whose title and chunk texts a keyword test chooses, through the repository port. */
final class KeywordDocuments {
    private final DocumentRepository documents;

    KeywordDocuments(ApplicationContext context) {
        this.documents = context.getBean(DocumentRepository.class);
    }

    Document store(CollectionId collection, String title, DocumentType type, Map<String, Object> metadata,
                   String... chunkTexts) {
        String content = String.join("\n\n", chunkTexts);
        Instant now = Instant.now();
        Document document = new Document(DocumentId.random(), collection, title, content, ContentHash.of(content), type,
                metadata, now, now);
        documents.insertIfAbsent(document, chunks(document.id(), chunkTexts));
        return document;
    }

    Document store(CollectionId collection, String title, String... chunkTexts) {
        return store(collection, title, DocumentType.MARKDOWN, Map.of(), chunkTexts);
    }

    List<ChunkId> chunkIds(Document document) {
        return documents.chunksOf(document.id()).stream().map(Chunk::id).toList();
    }

    static List<Chunk> chunks(DocumentId document, String... texts) {
        return IntStream.range(0, texts.length)
                .mapToObj(i -> new Chunk(ChunkId.random(), document, i, texts[i], texts[i].split(" ").length,
                        new float[]{1, 0, 0, 0}))
                .toList();
    }
}
