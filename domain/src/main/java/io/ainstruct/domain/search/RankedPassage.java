package io.ainstruct.domain.search;

/** A candidate passage by its position among the candidates, with the reranker's relevance score (higher is better). */
public record RankedPassage(int index, double relevance) {
}
