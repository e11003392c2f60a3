package io.ainstruct.application.search;

import io.ainstruct.domain.document.ChunkId;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Fusion#CONVEX}: each side's scores are min-max normalized over its own candidates, so that a cosine
 * similarity and an unbounded BM25 score both span [0, 1], then averaged with the sides' weights. A chunk one side
 * did not offer gets nothing from that side.
 */
final class ConvexScoreFusion implements RankFusion {
    private final double vectorShare;
    private final double keywordShare;

    ConvexScoreFusion(HybridSettings settings) {
        double total = settings.vectorWeight() + settings.keywordWeight();
        this.vectorShare = settings.vectorWeight() / total;
        this.keywordShare = settings.keywordWeight() / total;
    }

    @Override
    public List<ScoredChunk> fuse(List<ScoredChunk> byVector, List<ScoredChunk> byKeyword) {
        Map<ChunkId, Double> scores = new LinkedHashMap<>();
        add(scores, byVector, vectorShare);
        add(scores, byKeyword, keywordShare);
        return scores.entrySet().stream()
                .map(entry -> new ScoredChunk(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparingDouble(ScoredChunk::score).reversed())
                .toList();
    }

    private static void add(Map<ChunkId, Double> scores, List<ScoredChunk> ranking, double share) {
        double best = ranking.stream().mapToDouble(ScoredChunk::score).max().orElse(0);
        double worst = ranking.stream().mapToDouble(ScoredChunk::score).min().orElse(0);
        for (ScoredChunk hit : ranking) {
            // One candidate, or all scored alike: nothing tells them apart, and each is the best its side has.
            double normalized = best > worst ? (hit.score() - worst) / (best - worst) : 1.0;
            scores.merge(hit.chunkId(), share * normalized, Double::sum);
        }
    }
}
