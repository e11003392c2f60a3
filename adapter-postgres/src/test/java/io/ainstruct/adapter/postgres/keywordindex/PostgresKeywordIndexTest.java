package io.ainstruct.adapter.postgres.keywordindex;

import io.ainstruct.adapter.postgres.PostgresAdapterTest;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.ChunkId;
import io.ainstruct.domain.document.Document;
import io.ainstruct.domain.document.DocumentType;
import io.ainstruct.domain.port.DocumentRepository;
import io.ainstruct.domain.port.KeywordIndex;
import io.ainstruct.domain.search.KeywordHit;
import io.ainstruct.domain.search.VectorFilter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresKeywordIndexTest extends PostgresAdapterTest {
    private KeywordIndex index;
    private KeywordDocuments documents;

    @BeforeAll
    void beans() {
        index = context.getBean(KeywordIndex.class);
        documents = new KeywordDocuments(context);
    }

    private List<ChunkId> search(String query, CollectionId... collections) {
        return index.search(query, VectorFilter.collections(Set.of(collections)), 10).stream().map(KeywordHit::chunkId).toList();
    }

    @Test
    void findsAChunkByAnIdentifierAndNumbersInsideIt() {
        CollectionId notes = fixtures.storedCollection().id();
        Document pool = documents.store(notes, "Incident log", "The connection pool gave up with ERR_POOL_4471 at noon.",
                "Nothing else happened that day.");
        documents.store(notes, "Pools", "Swimming pools are cleaned every morning before noon.");

        assertThat(search("ERR_POOL_4471", notes)).first().isEqualTo(documents.chunkIds(pool).get(0));
        assertThat(search("4471", notes)).containsExactly(documents.chunkIds(pool).get(0));
    }

    @Test
    void aRareTermOutweighsACommonOneAndRepetitionSaturates() {
        CollectionId notes = fixtures.storedCollection().id();
        for (int i = 0; i < 8; i++) {
            documents.store(notes, "Report " + i, "The weekly report covers the weekly numbers, week " + i + ".");
        }
        Document rare = documents.store(notes, "Zeolite", "Zeolite filters appear in one report only.");
        Document repetitive = documents.store(notes, "Weekly", "report report report report report report report report");

        List<ChunkId> found = search("zeolite report", notes);

        assertThat(found).first().isEqualTo(documents.chunkIds(rare).get(0));
        assertThat(found).contains(documents.chunkIds(repetitive).get(0));
    }

    @Test
    void theTitleCountsAndStemsMatchInflections() {
        CollectionId notes = fixtures.storedCollection().id();
        Document titled = documents.store(notes, "Baking sourdough", "Flour, water and salt, then patience.");
        Document mentioned = documents.store(notes, "Kitchen diary", "We talked about baking once, with flour and salt and"
                + " water and yeast and sugar and butter and eggs.");

        assertThat(search("baked", notes)).containsExactly(documents.chunkIds(titled).get(0),
                documents.chunkIds(mentioned).get(0));
    }

    @Test
    void readsOnlyTheGivenCollectionsAndTheirRarenessAlone() {
        CollectionId mine = fixtures.storedCollection().id();
        CollectionId theirs = fixtures.storedCollection().id();
        Document own = documents.store(mine, "Mine", "quasar observations from the roof");
        documents.store(theirs, "Theirs", "quasar quasar quasar, a secret of someone else");

        assertThat(search("quasar", mine)).containsExactly(documents.chunkIds(own).get(0));
        assertThat(search("quasar", theirs)).hasSize(1).doesNotContainAnyElementsOf(documents.chunkIds(own));
        // The score in one collection does not move with what another collection holds.
        double alone = index.search("quasar", VectorFilter.collections(Set.of(mine)), 1).get(0).score();
        documents.store(theirs, "More", "quasar again and again");
        assertThat(index.search("quasar", VectorFilter.collections(Set.of(mine)), 1).get(0).score()).isEqualTo(alone);
    }

    @Test
    void honoursTheTypeAndTheMetadataFilter() {
        CollectionId notes = fixtures.storedCollection().id();
        Document html = documents.store(notes, "Page", DocumentType.HTML, Map.of("year", 2024, "team", "ops"),
                "nebula photographs from the observatory");
        documents.store(notes, "Notes", DocumentType.MARKDOWN, Map.of("year", 2023, "team", "ops"),
                "nebula notes from the observatory");
        ChunkId htmlChunk = documents.chunkIds(html).get(0);

        assertThat(hits("nebula", new VectorFilter(Set.of(notes), Optional.of(DocumentType.HTML), Map.of(),
                Double.NEGATIVE_INFINITY))).containsExactly(htmlChunk);
        assertThat(hits("nebula", new VectorFilter(Set.of(notes), Optional.empty(), Map.of("year", "2024", "team", "ops"),
                Double.NEGATIVE_INFINITY))).containsExactly(htmlChunk);
        assertThat(hits("nebula", new VectorFilter(Set.of(notes), Optional.empty(), Map.of("team", "dev"),
                Double.NEGATIVE_INFINITY))).isEmpty();
    }

    private List<ChunkId> hits(String query, VectorFilter filter) {
        return index.search(query, filter, 10).stream().map(KeywordHit::chunkId).toList();
    }

    @Test
    void aQueryOfStopWordsOnlyFindsNothing() {
        CollectionId notes = fixtures.storedCollection().id();
        documents.store(notes, "The who", "the and of to in");

        assertThat(search("the and of", notes)).isEmpty();
        assertThat(search("   ", notes)).isEmpty();
    }

    @Test
    void followsRenamesNewChunksAndDeletes() {
        DocumentRepository repository = context.getBean(DocumentRepository.class);
        CollectionId notes = fixtures.storedCollection().id();
        Document document = documents.store(notes, "Aardvark facts", "They dig burrows.");

        repository.update(new Document(document.id(), notes, "Pangolin facts", document.content(), document.contentHash(),
                document.type(), document.metadata(), document.createdAt(), document.updatedAt()));
        assertThat(search("aardvark", notes)).isEmpty();
        assertThat(search("pangolin", notes)).hasSize(1);

        repository.replaceChunks(document.id(), KeywordDocuments.chunks(document.id(), "They eat termites."));
        assertThat(search("burrows", notes)).isEmpty();
        assertThat(search("termites", notes)).hasSize(1);

        repository.delete(document.id());
        assertThat(search("pangolin termites", notes)).isEmpty();
        assertThat(queryValue("SELECT count(*) FROM keyword_postings WHERE collection_id = ?", notes.value())).isEqualTo(0L);
    }
}
