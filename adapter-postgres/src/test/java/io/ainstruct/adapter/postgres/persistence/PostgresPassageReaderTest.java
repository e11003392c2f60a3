package io.ainstruct.adapter.postgres.persistence;

import io.ainstruct.adapter.postgres.PostgresAdapterTest;
import io.ainstruct.domain.collection.Collection;
import io.ainstruct.domain.document.Chunk;
import io.ainstruct.domain.document.ChunkId;
import io.ainstruct.domain.document.Document;
import io.ainstruct.domain.search.Passage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresPassageReaderTest extends PostgresAdapterTest {

    @Test
    void readsTheTextAndSourceOfEachChunkThatStillExists() {
        PostgresDocumentRepository documents = context.getBean(PostgresDocumentRepository.class);
        Collection collection = fixtures.storedCollection();
        Document document = fixtures.storedDocument(collection.id(), "passages", 3);
        List<Chunk> chunks = documents.chunksOf(document.id());
        Document deleted = fixtures.storedDocument(collection.id(), "deleted passages", 1);
        ChunkId deletedChunk = documents.chunksOf(deleted.id()).get(0).id();
        documents.delete(deleted.id());

        Map<ChunkId, Passage> passages = context.getBean(PostgresPassageReader.class)
                .passages(List.of(chunks.get(0).id(), chunks.get(2).id(), deletedChunk, ChunkId.random()));

        Chunk last = chunks.get(2);
        assertThat(passages).containsOnlyKeys(chunks.get(0).id(), last.id());
        assertThat(passages.get(last.id())).isEqualTo(new Passage(last.id(), document.id(), document.title(),
                collection.id(), collection.name(), 2, last.content(), last.tokenCount()));
    }

    @Test
    void readsNothingForNoChunks() {
        assertThat(context.getBean(PostgresPassageReader.class).passages(List.of())).isEmpty();
    }
}
