package io.ainstruct.application.search;

import io.ainstruct.application.fakes.TestWorld;
import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.error.InvalidInput;
import io.ainstruct.domain.port.KeywordIndex;
import io.ainstruct.domain.search.KeywordHit;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The three modes over the fake indexes: what each ranks by, and that fusion adds no answer the caller may not see. */
class HybridSearchTest {
    private final TestWorld world = new TestWorld();
    private final Caller.Person alice = world.signUp("alice");
    private final Caller.Person bob = world.signUp("bob");
    private final CollectionId aliceDefault = world.defaultCollection(alice);
    private final CollectionId bobDefault = world.defaultCollection(bob);

    private final DocumentId pool = world.store(alice, aliceDefault, "Pool errors", "connection pool exhausted: ERR_POOL_4471")
            .document().id();
    private final DocumentId garden = world.store(alice, aliceDefault, "Garden", "tomatoes need sunlight and compost")
            .document().id();
    private final DocumentId bobsPool = world.store(bob, bobDefault, "Bob's pool", "ERR_POOL_4471 again, pool exhausted")
            .document().id();

    private static SearchRequest query(String text, String mode) {
        return SearchRequest.of(text, Optional.empty(), null, null, Optional.empty(), Map.of(), Optional.empty(), mode);
    }

    private static List<DocumentId> documentsOf(SearchResult result) {
        return result.hits().stream().map(hit -> hit.passage().documentId()).toList();
    }

    @Test
    void hybridIsTheDefaultAndTheResultSaysWhichModeRan() {
        SearchResult result = world.searchService.search(alice, query("ERR_POOL_4471", null));

        assertThat(result.mode()).isEqualTo(SearchMode.HYBRID);
        assertThat(documentsOf(result)).first().isEqualTo(pool);
    }

    @Test
    void keywordModeFindsWhatIsWrittenBeforeTheVectorIndexHasCaughtUp() {
        // The relay has not run: the vector index is empty, the keyword index changed with the write.
        assertThat(documentsOf(world.searchService.search(alice, query("ERR_POOL_4471", "semantic")))).isEmpty();
        assertThat(documentsOf(world.searchService.search(alice, query("ERR_POOL_4471", "keyword")))).containsExactly(pool);
        assertThat(documentsOf(world.searchService.search(alice, query("ERR_POOL_4471", "hybrid")))).containsExactly(pool);
    }

    @Test
    void hybridScoresAreFusedAndAChunkBothSidesFoundAppearsOnce() {
        world.relay.drain();

        SearchResult result = world.searchService.search(alice, query("pool exhausted ERR_POOL_4471", "hybrid"));

        assertThat(documentsOf(result)).startsWith(pool).doesNotHaveDuplicates().doesNotContain(bobsPool);
        assertThat(result.hits().get(0).score()).isEqualTo(1.0);
        assertThat(result.hits()).allSatisfy(hit -> assertThat(hit.score()).isBetween(0.0, 1.0));
    }

    @Test
    void keywordModeIgnoresTheVectorSimilarityThreshold() {
        world.relay.drain();
        SearchRequest strict = SearchRequest.of("ERR_POOL_4471", Optional.empty(), null, null, Optional.empty(), Map.of(),
                Optional.of(0.99), "keyword");

        assertThat(documentsOf(world.searchService.search(alice, strict))).containsExactly(pool);
    }

    @Test
    void aKeywordIndexThatAnswersWithAnotherTenantsChunkDoesNotLeakIt() {
        world.relay.drain();
        var bobsChunk = world.documents.chunksOf(bobsPool).get(0).id();
        KeywordIndex careless = (query, filter, limit) -> List.of(new KeywordHit(bobsChunk, 99));
        SearchService service = new SearchService(world.access, world.embedder, world.index, careless, world.passages,
                world.tokenizer, world.uow, HybridSettings.DEFAULTS, Optional.empty());

        for (String mode : List.of("hybrid", "keyword")) {
            assertThat(documentsOf(service.search(alice, query("ERR_POOL_4471", mode)))).as(mode).doesNotContain(bobsPool);
        }
    }

    @Test
    void theSameTextInTwoCollectionsIsOneAnswer() {
        CollectionId notes = world.createCollection(alice, "notes");
        world.store(alice, notes, "Pool errors", "connection pool exhausted: ERR_POOL_4471");
        world.relay.drain();

        for (String mode : List.of("hybrid", "semantic", "keyword")) {
            SearchResult result = world.searchService.search(alice, query("ERR_POOL_4471", mode));
            assertThat(result.hits().stream().filter(hit -> hit.passage().title().equals("Pool errors"))).as(mode).hasSize(1);
        }
    }

    @Test
    void anUnknownModeIsRefusedByName() {
        assertThatThrownBy(() -> query("pool", "fuzzy"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_SEARCH_MODE);
                    assertThat(e.field()).isEqualTo("search_mode");
                    assertThat(e.getMessage()).contains("hybrid, semantic, keyword");
                });
        assertThat(query("pool", " Keyword ").mode()).isEqualTo(SearchMode.KEYWORD);
    }
}
