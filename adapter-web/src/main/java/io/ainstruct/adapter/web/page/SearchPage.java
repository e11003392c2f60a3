package io.ainstruct.adapter.web.page;

import io.ainstruct.application.collection.CollectionService;
import io.ainstruct.application.search.SearchHit;
import io.ainstruct.application.search.SearchMode;
import io.ainstruct.application.search.SearchRequest;
import io.ainstruct.application.search.SearchService;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.error.InvalidInput;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Semantic search over the person's documents: the passages an agent would get, with their scores. */
@Controller("/app/search")
@ExecuteOn(TaskExecutors.BLOCKING)
class SearchPage {
    private static final int RESULTS = 10;
    private static final List<Model> MODES = List.of(
            Model.of("value", SearchMode.HYBRID.wireName(), "label", "meaning and words"),
            Model.of("value", SearchMode.SEMANTIC.wireName(), "label", "meaning only"),
            Model.of("value", SearchMode.KEYWORD.wireName(), "label", "exact words only"));

    private final Pages pages;
    private final SearchService search;
    private final CollectionService collections;

    SearchPage(Pages pages, SearchService search, CollectionService collections) {
        this.pages = pages;
        this.search = search;
        this.collections = collections;
    }

    @Get
    MutableHttpResponse<?> search(HttpRequest<?> request, @Nullable @QueryValue String q, @Nullable @QueryValue String collection,
                                  @Nullable @QueryValue String mode) {
        return pages.show(request, visit -> {
            Optional<CollectionId> scope = CollectionPages.chosenCollection(collection);
            Model model = Model.of("q", q == null ? "" : q, "selected", scope.map(c -> c.value().toString()).orElse(""),
                    "collections", collections.list(visit.caller()).stream().map(CollectionPages::row).toList(),
                    "mode", mode == null ? SearchMode.HYBRID.wireName() : mode, "modes", MODES);
            if (q == null || q.isBlank()) {
                return visit.page("search", model);
            }
            try {
                var result = search.search(visit.caller(), SearchRequest.of(q, scope, RESULTS, null, Optional.empty(),
                        Map.of(), Optional.empty(), mode));
                return visit.page("search", model.with("hits", result.hits().stream().map(SearchPage::hit).toList()));
            } catch (InvalidInput e) {
                return visit.page(HttpStatus.UNPROCESSABLE_ENTITY, "search", model.with("error", Messages.of(e)));
            }
        });
    }

    private static Model hit(SearchHit hit) {
        return Model.of("documentId", hit.passage().documentId().value().toString(), "title", hit.passage().title(),
                "collection", hit.passage().collectionName(), "chunk", hit.passage().chunkIndex() + 1,
                "score", String.format(Locale.ROOT, "%.3f", hit.score()), "content", hit.passage().content());
    }
}
