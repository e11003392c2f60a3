package io.ainstruct.application.fakes;

import io.ainstruct.domain.collection.Collection;
import io.ainstruct.domain.document.Chunk;
import io.ainstruct.domain.document.ChunkId;
import io.ainstruct.domain.document.Document;
import io.ainstruct.domain.port.PassageReader;
import io.ainstruct.domain.search.Passage;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads passages straight from the fake documents and collections. */
public final class FakePassageReader implements PassageReader {
    private final FakeDocuments documents;
    private final FakeCollections collections;

    public FakePassageReader(FakeDocuments documents, FakeCollections collections) {
        this.documents = documents;
        this.collections = collections;
    }

    @Override
    public Map<ChunkId, Passage> passages(java.util.Collection<ChunkId> chunks) {
        Map<ChunkId, Passage> found = new LinkedHashMap<>();
        for (ChunkId id : chunks) {
            documents.findChunk(id).ifPresent(chunk -> {
                Document document = documents.findById(chunk.documentId()).orElseThrow();
                String collectionName = collections.findById(document.collectionId()).map(Collection::name).orElse("?");
                found.put(id, passage(chunk, document, collectionName));
            });
        }
        return found;
    }

    private static Passage passage(Chunk chunk, Document document, String collectionName) {
        return new Passage(chunk.id(), document.id(), document.title(), document.collectionId(), collectionName,
                chunk.index(), chunk.content(), chunk.tokenCount());
    }
}
