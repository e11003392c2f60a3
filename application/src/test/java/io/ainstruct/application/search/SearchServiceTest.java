package io.ainstruct.application.search;

import io.ainstruct.application.fakes.WhitespaceTokenizer;

import io.ainstruct.application.fakes.TestWorld;
import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.access.Permission;
import io.ainstruct.domain.access.Scope;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.document.DocumentType;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.error.Forbidden;
import io.ainstruct.domain.error.NotFound;
import io.ainstruct.domain.search.Passage;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static io.ainstruct.application.fakes.DomainAssertions.assertInvalid;
import static io.ainstruct.application.fakes.DomainAssertions.assertRefused;
import static io.ainstruct.application.fakes.TestWorld.token;
import static io.ainstruct.application.fakes.TestWorld.withScopes;
import static org.assertj.core.api.Assertions.assertThat;

class SearchServiceTest {
    static final String GARDENING = "tomatoes need sunlight water and rich compost soil";
    static final String COOKING = "pasta boils in salted water for ten minutes";
    static final String ASTRONOMY = "telescopes reveal distant galaxies nebulae and planets";

    private final TestWorld world = new TestWorld();
    private final SearchService service = world.searchService;

    private final Caller.Person alice = world.signUp("alice");
    private final Caller.Person bob = world.signUp("bob");
    private final CollectionId aliceDefault = world.defaultCollection(alice);
    private final CollectionId aliceNotes = world.createCollection(alice, "notes");
    private final CollectionId bobDefault = world.defaultCollection(bob);

    private final DocumentId gardening = stored(alice, aliceDefault, "Gardening", GARDENING);
    private final DocumentId cooking = stored(alice, aliceDefault, "Cooking", COOKING);
    private final DocumentId astronomy = stored(alice, aliceNotes, "Astronomy", ASTRONOMY);
    private final DocumentId bobsGarden = stored(bob, bobDefault, "Bob's garden", "tomatoes sunlight compost soil secrets");

    {
        world.relay.drain();
    }

    private DocumentId stored(Caller caller, CollectionId collection, String title, String content) {
        return world.store(caller, collection, title, content).document().id();
    }

    private static SearchRequest query(String text) {
        return SearchRequest.of(text, Optional.empty(), null, null, Optional.empty(), Map.of(), Optional.empty(), "semantic");
    }

    private static SearchRequest query(String text, Integer maxResults, Integer maxTokens) {
        return SearchRequest.of(text, Optional.empty(), maxResults, maxTokens, Optional.empty(), Map.of(), Optional.empty(), "semantic");
    }

    private static SearchRequest inCollection(String text, CollectionId collection) {
        return SearchRequest.of(text, Optional.of(collection), null, null, Optional.empty(), Map.of(), Optional.empty(), "semantic");
    }

    private static SearchRequest withMetadata(String text, Map<String, String> metadata) {
        return SearchRequest.of(text, Optional.empty(), null, null, Optional.empty(), metadata, Optional.empty(), "semantic");
    }

    private static SearchRequest withMinScore(String text, double minScore) {
        return SearchRequest.of(text, Optional.empty(), null, null, Optional.empty(), Map.of(), Optional.of(minScore), "semantic");
    }

    private static java.util.List<DocumentId> documentsOf(SearchResult result) {
        return result.hits().stream().map(hit -> hit.passage().documentId()).toList();
    }

    @Test
    void finds_the_chunk_of_the_document_closest_in_meaning_first() {
        SearchResult result = service.search(alice, query("compost for tomatoes"));

        SearchHit best = result.hits().get(0);
        Passage passage = best.passage();
        assertThat(passage.documentId()).isEqualTo(gardening);
        assertThat(passage.title()).isEqualTo("Gardening");
        assertThat(passage.content()).isEqualTo(GARDENING);
        assertThat(passage.chunkIndex()).isZero();
        assertThat(passage.collectionId()).isEqualTo(aliceDefault);
        assertThat(passage.collectionName()).isEqualTo("default");
        assertThat(result.hits()).extracting(SearchHit::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(best.score()).isGreaterThan(result.hits().get(1).score());
    }

    @Test
    void searches_every_collection_the_caller_reads_by_default() {
        SearchResult result = service.search(alice, query("distant galaxies"));

        assertThat(documentsOf(result).get(0)).isEqualTo(astronomy);
        assertThat(documentsOf(result)).containsExactlyInAnyOrder(gardening, cooking, astronomy);
    }

    @Test
    void never_returns_another_users_chunks() {
        SearchResult alices = service.search(alice, query("tomatoes sunlight compost soil secrets", 100, null));
        SearchResult bobs = service.search(bob, query("compost for tomatoes", 100, null));

        assertThat(documentsOf(alices)).doesNotContain(bobsGarden);
        assertThat(documentsOf(bobs)).containsExactly(bobsGarden);
    }

    @Test
    void honours_max_results() {
        assertThat(service.search(alice, query("water", 1, null)).hits()).hasSize(1);
        assertThat(service.search(alice, query("water", 2, null)).hits()).hasSize(2);
        assertThat(service.search(alice, query("water")).hits()).hasSize(3);
    }

    @Test
    void formats_the_context_as_markdown_sections_in_score_order() {
        SearchResult result = service.search(alice, query("compost for tomatoes"));

        String expected = result.hits().stream()
                .map(hit -> "## " + hit.passage().title() + "\n\n" + hit.passage().content())
                .collect(Collectors.joining("\n\n"));
        assertThat(result.formattedContext()).isEqualTo(expected).startsWith("## Gardening\n\n" + GARDENING + "\n\n## ");
    }

    @Nested
    class TokenBudget {

        @Test
        void counts_the_tokens_of_the_whole_formatted_context_headings_included() {
            SearchResult result = service.search(alice, query("water"));

            assertThat(result.hits()).hasSize(3);
            assertThat(result.tokensUsed()).isEqualTo(new WhitespaceTokenizer().count(result.formattedContext()));
        }

        @Test
        void stops_before_the_hit_that_would_exceed_it() {
            SearchResult result = service.search(alice, query("compost for tomatoes", 5, 10));

            assertThat(result.tokensUsed()).isLessThanOrEqualTo(10);
            assertThat(documentsOf(result)).containsExactly(gardening);
        }

        @Test
        void an_exact_fit_is_kept() {
            int all = service.search(alice, query("water")).tokensUsed();
            assertThat(service.search(alice, query("water", 5, all)).hits()).hasSize(3);
            assertThat(service.search(alice, query("water", 5, all - 1)).hits()).hasSize(2);
        }

        @Test
        void gives_the_opening_of_a_first_hit_that_alone_exceeds_it() {
            // "## Gardening" takes two of the five tokens; three are left for the passage.
            SearchResult result = service.search(alice, query("compost for tomatoes", 5, 5));

            assertThat(result.hits()).singleElement().satisfies(hit -> {
                assertThat(hit.passage().documentId()).isEqualTo(gardening);
                assertThat(hit.passage().content()).isEqualTo("tomatoes need sunlight ");
                assertThat(hit.passage().tokenCount()).isEqualTo(3);
            });
            assertThat(result.tokensUsed()).isEqualTo(5);
            assertThat(result.formattedContext()).isEqualTo("## Gardening\n\ntomatoes need sunlight ");
        }
    }

    @Nested
    class Filters {

        @Test
        void a_collection_limits_the_search_to_it() {
            SearchResult result = service.search(alice, inCollection("compost for tomatoes", aliceNotes));

            assertThat(documentsOf(result)).containsExactly(astronomy);
        }

        @Test
        void another_users_collection_is_not_found() {
            assertRefused(() -> service.search(alice, inCollection("tomatoes", bobDefault)), NotFound.class,
                    ErrorCode.COLLECTION_NOT_FOUND);
            assertRefused(() -> service.search(alice, inCollection("tomatoes", CollectionId.random())), NotFound.class,
                    ErrorCode.COLLECTION_NOT_FOUND);
        }

        @Test
        void by_document_type() {
            DocumentId html = world.store(alice, aliceNotes, "Page", "<p>tomatoes</p>", DocumentType.HTML, Map.of())
                    .document().id();
            world.relay.drain();

            SearchResult result = service.search(alice, SearchRequest.of("compost for tomatoes", Optional.empty(), null,
                    null, Optional.of(DocumentType.HTML), Map.of(), Optional.empty(), "semantic"));

            assertThat(documentsOf(result)).containsExactly(html);
        }

        @Test
        void by_metadata_values_compared_as_text() {
            DocumentId french = world.store(alice, aliceNotes, "fr", "tomates et compost", DocumentType.MARKDOWN,
                    Map.of("lang", "fr", "year", 2024)).document().id();
            DocumentId english = world.store(alice, aliceNotes, "en", "tomatoes and compost", DocumentType.MARKDOWN,
                    Map.of("lang", "en", "year", 2024)).document().id();
            world.relay.drain();

            assertThat(documentsOf(service.search(alice, withMetadata("compost", Map.of("lang", "fr")))))
                    .containsExactly(french);
            assertThat(documentsOf(service.search(alice, withMetadata("compost", Map.of("year", "2024")))))
                    .containsExactlyInAnyOrder(french, english);
            assertThat(documentsOf(service.search(alice, withMetadata("compost", Map.of("lang", "en", "year", "2023")))))
                    .isEmpty();
        }

        @Test
        void a_score_threshold_drops_weak_hits() {
            SearchResult all = service.search(alice, query(COOKING));
            SearchResult strong = service.search(alice, withMinScore(COOKING, 0.999));

            assertThat(all.hits()).hasSize(3);
            assertThat(all.hits().get(0).score()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(documentsOf(strong)).containsExactly(cooking);
        }
    }

    @Nested
    class Callers {

        @Test
        void a_collection_token_searches_its_collection_only() {
            Caller cat = token(alice, aliceNotes, Permission.READ);

            assertThat(documentsOf(service.search(cat, query("compost for tomatoes")))).containsExactly(astronomy);
            assertRefused(() -> service.search(cat, inCollection("tomatoes", aliceDefault)), NotFound.class,
                    ErrorCode.COLLECTION_NOT_FOUND);
        }

        @Test
        void a_person_needs_the_read_scope() {
            assertRefused(() -> service.search(withScopes(alice, Scope.WRITE), query("tomatoes")), Forbidden.class,
                    ErrorCode.INSUFFICIENT_SCOPE);
        }
    }

    @Nested
    class IndexLaggingBehind {

        @Test
        void a_deleted_document_not_yet_removed_from_the_index_is_not_returned() {
            world.documentService.delete(alice, gardening);

            assertThat(documentsOf(service.search(alice, query("compost for tomatoes")))).doesNotContain(gardening);
        }

        @Test
        void a_moved_document_not_yet_reindexed_is_not_returned_from_its_old_collection() {
            world.documentService.update(alice, gardening, new io.ainstruct.application.document.DocumentChanges(
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(aliceNotes)));

            assertThat(documentsOf(service.search(alice, inCollection("compost for tomatoes", aliceDefault))))
                    .doesNotContain(gardening);
        }
    }

    @Nested
    class Validation {

        @Test
        void refuses_an_empty_or_blank_query() {
            assertInvalid(() -> query(null), "query");
            assertInvalid(() -> query(""), "query");
            assertInvalid(() -> query(" \n "), "query");
            assertInvalid(() -> query("q".repeat(2001)), "query");
        }

        @Test
        void trims_the_query() {
            assertThat(query("  tomatoes ").query()).isEqualTo("tomatoes");
        }

        @Test
        void defaults_to_5_results_and_2000_tokens() {
            SearchRequest request = query("tomatoes");

            assertThat(request.maxResults()).isEqualTo(5);
            assertThat(request.maxTokens()).isEqualTo(2000);
        }

        @Test
        void refuses_max_results_or_max_tokens_out_of_range() {
            assertInvalid(() -> query("q", 0, null), "max_results");
            assertInvalid(() -> query("q", 101, null), "max_results");
            assertInvalid(() -> query("q", null, 0), "max_tokens");
            assertInvalid(() -> query("q", null, 100_001), "max_tokens");
            assertThat(query("q", 100, 100_000).maxResults()).isEqualTo(100);
        }

        @Test
        void refuses_a_score_threshold_outside_minus_one_to_one() {
            assertInvalid(() -> withMinScore("q", 1.5), "score_threshold");
            assertInvalid(() -> withMinScore("q", -1.5), "score_threshold");
            assertInvalid(() -> withMinScore("q", Double.NaN), "score_threshold");
        }
    }
}
