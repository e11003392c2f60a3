package io.ainstruct.application.search;

import java.util.List;

/**
 * Hits best first, the tokens their text uses, the same text as markdown ready for a prompt, the mode that ranked
 * them, and whether a reranker ordered the hits. A hit's {@code score} is higher for a better hit; what it measures
 * depends on who ranked last: the reranker's relevance, else the fused reciprocal-rank score in (0, 1] (hybrid),
 * the cosine similarity (semantic) or the BM25 score (keyword).
 */
public record SearchResult(List<SearchHit> hits, int tokensUsed, String formattedContext, SearchMode mode,
                           RerankStatus rerank) {
}
