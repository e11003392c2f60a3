package io.ainstruct.application.search;

import io.ainstruct.domain.document.ChunkId;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Fusion#RRF}: a chunk at rank r (from 1) of a side earns {@code weight / (k + r)} from it; only ranks count,
 * so a cosine similarity and an unbounded BM25 score never have to be made comparable.
 */
final class ReciprocalRankFusion implements RankFusion {
    private final HybridSettings settings;

    ReciprocalRankFusion(HybridSettings settings) {
        this.settings = settings;
    }

    /** Scores are divided by the most a chunk can earn (first on both sides), so they lie in (0, 1]. */
    @Override
    public List<ScoredChunk> fuse(List<ScoredChunk> byVector, List<ScoredChunk> byKeyword) {
        Map<ChunkId, Double> scores = new LinkedHashMap<>();
        add(scores, byVector, settings.vectorWeight());
        add(scores, byKeyword, settings.keywordWeight());
        double best = (settings.vectorWeight() + settings.keywordWeight()) / (settings.k() + 1);
        return scores.entrySet().stream()
                .map(entry -> new ScoredChunk(entry.getKey(), entry.getValue() / best))
                .sorted(Comparator.comparingDouble(ScoredChunk::score).reversed())
                .toList();
    }

    private void add(Map<ChunkId, Double> scores, List<ScoredChunk> ranking, double weight) {
        for (int rank = 1; rank <= ranking.size(); rank++) {
            scores.merge(ranking.get(rank - 1).chunkId(), weight / (settings.k() + rank), Double::sum);
        }
    }
}
