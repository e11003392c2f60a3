package io.ainstruct.application.search;

import io.ainstruct.application.access.CollectionAccess;
import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.ChunkId;
import io.ainstruct.domain.port.Embedder;
import io.ainstruct.domain.port.PassageReader;
import io.ainstruct.domain.port.Tokenizer;
import io.ainstruct.domain.port.UnitOfWork;
import io.ainstruct.domain.port.VectorIndex;
import io.ainstruct.domain.search.Passage;
import io.ainstruct.domain.search.VectorFilter;
import io.ainstruct.domain.search.VectorHit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds the passages closest in meaning to a query among the collections the caller may read. */
public final class SearchService {
    private final CollectionAccess access;
    private final Embedder embedder;
    private final VectorIndex index;
    private final PassageReader passages;
    private final Tokenizer tokenizer;
    private final UnitOfWork uow;

    public SearchService(CollectionAccess access, Embedder embedder, VectorIndex index, PassageReader passages,
                         Tokenizer tokenizer, UnitOfWork uow) {
        this.access = access;
        this.embedder = embedder;
        this.index = index;
        this.passages = passages;
        this.tokenizer = tokenizer;
        this.uow = uow;
    }

    public SearchResult search(Caller caller, SearchRequest request) {
        Set<CollectionId> scope = uow.readOnly(() -> request.collectionId()
                .map(id -> Set.of(access.readable(caller, id).id()))
                .orElseGet(() -> access.readableIds(caller)));
        if (scope.isEmpty()) {
            return new SearchResult(List.of(), 0, "");
        }
        VectorFilter filter = new VectorFilter(scope, request.type(), request.metadataEquals(),
                request.minScore().orElse(Double.NEGATIVE_INFINITY));
        List<VectorHit> hits = index.search(embedder.embed(request.query()), filter, request.maxResults());
        Map<ChunkId, Passage> texts = passages.passages(hits.stream().map(VectorHit::chunkId).toList());
        return withinBudget(hits, texts, scope, request.maxTokens());
    }

    /**
     * Keeps hits in score order while {@code formatted_context}, headings included, fits the token budget. The index may briefly lag behind the database, so a
     * hit whose chunk is gone, or that now lives outside the caller's collections, is skipped.
     */
    private SearchResult withinBudget(List<VectorHit> hits, Map<ChunkId, Passage> texts, Set<CollectionId> scope,
                                      int maxTokens) {
        List<SearchHit> kept = new ArrayList<>();
        StringBuilder context = new StringBuilder();
        int used = 0;
        for (VectorHit hit : hits) {
            Passage passage = texts.get(hit.chunkId());
            if (passage == null || !scope.contains(passage.collectionId())) {
                continue;
            }
            String heading = (context.isEmpty() ? "" : "\n\n") + "## " + passage.title() + "\n\n";
            int remaining = maxTokens - used - tokenizer.count(heading);
            if (passage.tokenCount() > remaining) {
                if (!kept.isEmpty() || remaining < 1) {
                    break;
                }
                // The best hit alone exceeds the budget: give its opening rather than nothing.
                String opening = tokenizer.split(passage.content(), remaining).get(0);
                passage = new Passage(passage.chunkId(), passage.documentId(), passage.title(), passage.collectionId(),
                        passage.collectionName(), passage.chunkIndex(), opening, tokenizer.count(opening));
            }
            kept.add(new SearchHit(passage, hit.score()));
            context.append(heading).append(passage.content());
            used = tokenizer.count(context.toString());
        }
        return new SearchResult(kept, used, context.toString());
    }
}
