package io.ainstruct.application.search;

import java.util.List;

/** Merges the vector and the keyword ranking of one query; a chunk both sides found appears once. */
interface RankFusion {
    /** The fused ranking, best first, every score in [0, 1]; ties keep the vector side's order. */
    List<ScoredChunk> fuse(List<ScoredChunk> byVector, List<ScoredChunk> byKeyword);

    static RankFusion of(HybridSettings settings) {
        return switch (settings.fusion()) {
            case CONVEX -> new ConvexScoreFusion(settings);
            case RRF -> new ReciprocalRankFusion(settings);
        };
    }
}
