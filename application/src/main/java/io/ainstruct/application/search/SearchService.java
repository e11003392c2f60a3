package io.ainstruct.application.search;

import io.ainstruct.application.access.CollectionAccess;
import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.ChunkId;
import io.ainstruct.domain.port.Embedder;
import io.ainstruct.domain.port.KeywordIndex;
import io.ainstruct.domain.port.PassageReader;
import io.ainstruct.domain.port.Tokenizer;
import io.ainstruct.domain.port.UnitOfWork;
import io.ainstruct.domain.port.VectorIndex;
import io.ainstruct.domain.search.Passage;
import io.ainstruct.domain.search.RankedPassage;
import io.ainstruct.domain.search.RerankingFailed;
import io.ainstruct.domain.search.VectorFilter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the passages that best answer a query among the collections the caller may read: by meaning (the vector
 * index), by words (the keyword index), or both fused by reciprocal rank; with a reranker, the best candidates are
 * reordered by it.
 */
public final class SearchService {
    private final CollectionAccess access;
    private final Embedder embedder;
    private final VectorIndex vectors;
    private final KeywordIndex keywords;
    private final PassageReader passages;
    private final Tokenizer tokenizer;
    private final UnitOfWork uow;
    private final HybridSettings hybrid;
    private final RankFusion fusion;
    private final Optional<Reranking> reranking;

    public SearchService(CollectionAccess access, Embedder embedder, VectorIndex vectors, KeywordIndex keywords,
                         PassageReader passages, Tokenizer tokenizer, UnitOfWork uow, HybridSettings hybrid,
                         Optional<Reranking> reranking) {
        this.access = access;
        this.embedder = embedder;
        this.vectors = vectors;
        this.keywords = keywords;
        this.passages = passages;
        this.tokenizer = tokenizer;
        this.uow = uow;
        this.hybrid = hybrid;
        this.fusion = RankFusion.of(hybrid);
        this.reranking = reranking;
    }

    public SearchResult search(Caller caller, SearchRequest request) {
        Set<CollectionId> scope = uow.readOnly(() -> request.collectionId()
                .map(id -> Set.of(access.readable(caller, id).id()))
                .orElseGet(() -> access.readableIds(caller)));
        Ranked ranked = reranked(request, scope.isEmpty() ? List.of() : candidates(request, scope));
        ContextBudget budget = new ContextBudget(tokenizer, request.maxTokens());
        for (SearchHit hit : ranked.hits().subList(0, Math.min(ranked.hits().size(), request.maxResults()))) {
            if (!budget.add(hit)) {
                break;
            }
        }
        return budget.result(request.mode(), ranked.status());
    }

    /** The first-stage hits, best first: as many as asked for, or as many as the reranker reorders. */
    private List<SearchHit> candidates(SearchRequest request, Set<CollectionId> scope) {
        VectorFilter filter = new VectorFilter(scope, request.type(), request.metadataEquals(),
                request.minScore().orElse(Double.NEGATIVE_INFINITY));
        int wanted = reranking.map(r -> Math.max(r.candidates(), request.maxResults())).orElse(request.maxResults());
        List<ScoredChunk> ranking = switch (request.mode()) {
            case SEMANTIC -> byVector(request, filter, wanted);
            case KEYWORD -> byKeyword(request, filter, wanted);
            case HYBRID -> fused(request, filter, wanted);
        };
        Map<ChunkId, Passage> texts = passages.passages(ranking.stream().map(ScoredChunk::chunkId).toList());
        return current(ranking, texts, scope);
    }

    private List<ScoredChunk> byVector(SearchRequest request, VectorFilter filter, int limit) {
        return vectors.search(embedder.embedQuery(request.query()), filter, limit).stream()
                .map(hit -> new ScoredChunk(hit.chunkId(), hit.score())).toList();
    }

    private List<ScoredChunk> byKeyword(SearchRequest request, VectorFilter filter, int limit) {
        return keywords.search(request.query(), filter, limit).stream()
                .map(hit -> new ScoredChunk(hit.chunkId(), hit.score())).toList();
    }

    private List<ScoredChunk> fused(SearchRequest request, VectorFilter filter, int limit) {
        int perSide = Math.max(limit, hybrid.candidates());
        return fusion.fuse(byVector(request, filter, perSide), byKeyword(request, filter, perSide)).stream()
                .limit(limit).toList();
    }

    /**
     * The hits whose passage is still there, in the caller's collections, each text once: the indexes may briefly
     * lag behind the database, so a chunk may be gone or have moved to another collection; and the same text stored
     * in two collections is one answer, not two.
     */
    private static List<SearchHit> current(List<ScoredChunk> ranking, Map<ChunkId, Passage> texts, Set<CollectionId> scope) {
        List<SearchHit> current = new ArrayList<>();
        Set<List<String>> seen = new HashSet<>();
        for (ScoredChunk hit : ranking) {
            Passage passage = texts.get(hit.chunkId());
            if (passage != null && scope.contains(passage.collectionId())
                    && seen.add(List.of(passage.title(), passage.content()))) {
                current.add(new SearchHit(passage, hit.score()));
            }
        }
        return current;
    }

    /** The reranker's best hits, scored by it; the first-stage order, and why, when it cannot help. */
    private Ranked reranked(SearchRequest request, List<SearchHit> candidates) {
        if (reranking.isEmpty()) {
            return new Ranked(candidates, RerankStatus.skipped("no reranker is configured"));
        }
        if (candidates.size() < 2) {
            return new Ranked(candidates, RerankStatus.skipped("fewer than two candidates"));
        }
        List<String> texts = candidates.stream().map(hit -> hit.passage().title() + "\n\n" + hit.passage().content()).toList();
        try {
            List<RankedPassage> order = reranking.get().reranker().rerank(request.query(), texts, request.maxResults());
            return new Ranked(order.stream().map(ranked -> new SearchHit(candidates.get(ranked.index()).passage(),
                    ranked.relevance())).toList(), RerankStatus.applied());
        } catch (RerankingFailed e) {
            return new Ranked(candidates, RerankStatus.failed(e.getMessage()));
        }
    }

    private record Ranked(List<SearchHit> hits, RerankStatus status) {
    }
}
