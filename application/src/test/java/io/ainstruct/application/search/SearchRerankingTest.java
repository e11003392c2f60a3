package io.ainstruct.application.search;

import io.ainstruct.application.fakes.TestWorld;
import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.port.Reranker;
import io.ainstruct.domain.search.RankedPassage;
import io.ainstruct.domain.search.RerankingFailed;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class SearchRerankingTest {

    private final TestWorld world = new TestWorld();
    private final Caller.Person alice = world.signUp("alice");
    private final CollectionId collection = world.defaultCollection(alice);
    private final DocumentId closest = stored("Closest", "water water water soil");
    private final DocumentId middle = stored("Middle", "water water soil sun");
    private final DocumentId farthest = stored("Farthest", "water galaxies nebulae planets");

    /** What the fake reranker answers, given the passages it was sent. */
    private Function<List<String>, List<RankedPassage>> answer = texts -> List.of();
    private final List<Call> calls = new ArrayList<>();

    private record Call(String query, List<String> passages, int keep) {
    }

    private final Reranker reranker = (query, passages, keep) -> {
        calls.add(new Call(query, passages, keep));
        return answer.apply(passages);
    };

    {
        world.relay.drain();
    }

    private DocumentId stored(String title, String content) {
        return world.store(alice, collection, title, content).document().id();
    }

    private SearchService service(int candidates) {
        return new SearchService(world.access, world.embedder, world.index, world.keywords, world.passages,
                world.tokenizer, world.uow, HybridSettings.DEFAULTS, Optional.of(new Reranking(reranker, candidates)));
    }

    private static SearchRequest query(int maxResults) {
        return SearchRequest.of("water soil", Optional.empty(), maxResults, null, Optional.empty(), Map.of(), Optional.empty(), "semantic");
    }

    private static List<DocumentId> documentsOf(SearchResult result) {
        return result.hits().stream().map(hit -> hit.passage().documentId()).toList();
    }

    @Test
    void withoutARerankerTheVectorOrderStandsAndTheResultSaysWhy() {
        SearchResult result = world.searchService.search(alice, query(3));

        assertThat(documentsOf(result)).containsExactly(closest, middle, farthest);
        assertThat(result.rerank()).isEqualTo(RerankStatus.skipped("no reranker is configured"));
    }

    @Test
    void theRerankersOrderAndScoresReplaceTheVectorOnes() {
        answer = texts -> List.of(new RankedPassage(2, 0.95), new RankedPassage(0, 0.40));

        SearchResult result = service(10).search(alice, query(2));

        assertThat(documentsOf(result)).containsExactly(farthest, closest);
        assertThat(result.hits()).extracting(SearchHit::score).containsExactly(0.95, 0.40);
        assertThat(result.rerank()).isEqualTo(RerankStatus.applied());
        assertThat(result.formattedContext()).startsWith("## Farthest\n\nwater galaxies nebulae planets\n\n## Closest");
    }

    @Test
    void theRerankerSeesAsManyCandidatesAsConfiguredTitledAndIsAskedForTheResultsWanted() {
        answer = texts -> List.of(new RankedPassage(0, 0.5));

        service(10).search(alice, query(2));
        service(1).search(alice, query(2));

        assertThat(calls).extracting(Call::query).containsOnly("water soil");
        assertThat(calls.get(0).passages()).containsExactly("Closest\n\nwater water water soil",
                "Middle\n\nwater water soil sun", "Farthest\n\nwater galaxies nebulae planets");
        assertThat(calls.get(0).keep()).isEqualTo(2);
        assertThat(calls.get(1).passages()).as("never fewer candidates than results asked for").hasSize(2);
    }

    @Test
    void fewerRankedPassagesThanAskedForAreTheResults() {
        answer = texts -> List.of(new RankedPassage(1, 0.7));

        SearchResult result = service(10).search(alice, query(3));

        assertThat(documentsOf(result)).containsExactly(middle);
        assertThat(result.rerank().outcome()).isEqualTo(RerankStatus.Outcome.APPLIED);
    }

    @Test
    void aFailingRerankerLeavesTheVectorOrderAndTheResultSaysWhy() {
        answer = texts -> {
            throw new RerankingFailed("Reranker http://tei:8080/rerank did not answer within PT2S");
        };

        SearchResult result = service(10).search(alice, query(3));

        assertThat(documentsOf(result)).containsExactly(closest, middle, farthest);
        assertThat(result.hits().get(0).score()).isLessThanOrEqualTo(1.0);
        assertThat(result.rerank()).isEqualTo(RerankStatus.failed("Reranker http://tei:8080/rerank did not answer within PT2S"));
    }

    @Test
    void aSingleCandidateIsNotSentToTheReranker() {
        SearchResult result = service(1).search(alice, query(1));

        assertThat(calls).isEmpty();
        assertThat(documentsOf(result)).containsExactly(closest);
        assertThat(result.rerank()).isEqualTo(RerankStatus.skipped("fewer than two candidates"));
    }
}
