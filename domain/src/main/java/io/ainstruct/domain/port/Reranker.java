package io.ainstruct.domain.port;

import io.ainstruct.domain.search.RankedPassage;
import io.ainstruct.domain.search.RerankingFailed;

import java.util.List;

/** Reorders candidate passages by how well each answers the query, reading query and passage together. */
public interface Reranker {

    /**
     * The most relevant of {@code passages}, best first: at most {@code keep} of them, each by its position in
     * {@code passages}, every position at most once.
     *
     * @throws RerankingFailed when no trustworthy order can be had (too slow, unreachable, a broken answer)
     */
    List<RankedPassage> rerank(String query, List<String> passages, int keep);
}
