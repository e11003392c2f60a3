package io.ainstruct.application.search;

import io.ainstruct.domain.document.ChunkId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ConvexScoreFusionTest {
    private final ChunkId a = chunk();
    private final ChunkId b = chunk();
    private final ChunkId c = chunk();
    private final ChunkId d = chunk();

    private static ChunkId chunk() {
        return new ChunkId(UUID.randomUUID());
    }

    private static ScoredChunk scored(ChunkId chunk, double score) {
        return new ScoredChunk(chunk, score);
    }

    private static List<ChunkId> ids(List<ScoredChunk> fused) {
        return fused.stream().map(ScoredChunk::chunkId).toList();
    }

    private static ConvexScoreFusion equalWeights() {
        return new ConvexScoreFusion(HybridSettings.DEFAULTS);
    }

    @Test
    void theDefaultFusionIsConvex() {
        assertThat(RankFusion.of(HybridSettings.DEFAULTS)).isInstanceOf(ConvexScoreFusion.class);
    }

    @Test
    void scoresOfEachSideAreNormalizedSoThatBm25AndCosineWeighAlike() {
        // BM25 scores are in the tens, cosine similarities below one: unnormalized, the keyword side would decide alone.
        var fused = equalWeights().fuse(List.of(scored(a, 0.9), scored(b, 0.7), scored(d, 0.5)),
                List.of(scored(b, 14.0), scored(c, 4.0)));

        assertThat(ids(fused)).containsExactly(b, a, d, c);
        assertThat(fused).extracting(ScoredChunk::score).containsExactly(0.5 * 0.5 + 0.5 * 1, 0.5, 0.0, 0.0);
    }

    @Test
    void aGapInScoresCountsWhereRanksWouldTie() {
        // a leads the vector side by far, b leads the keyword side by a hair: ranks tie them, scores do not.
        var vector = List.of(scored(a, 0.90), scored(b, 0.30), scored(d, 0.29));
        var keyword = List.of(scored(b, 10.0), scored(a, 9.9), scored(c, 1.0));

        var fused = equalWeights().fuse(vector, keyword);

        assertThat(ids(fused).get(0)).isEqualTo(a);
        assertThat(ids(new ReciprocalRankFusion(new HybridSettings(Fusion.RRF, 60, 1, 1, 50)).fuse(vector, keyword)).get(0))
                .as("reciprocal rank fusion sees a tie and keeps the vector side's order").isEqualTo(a);
        assertThat(fused.get(0).score() - fused.get(1).score()).as("convex fusion sees a clear lead").isGreaterThan(0.4);
    }

    @Test
    void everyScoreLiesInTheUnitIntervalAndTheBestOfBothSidesScoresOne() {
        var fused = equalWeights().fuse(List.of(scored(a, 0.8), scored(b, 0.2), scored(c, -0.1)),
                List.of(scored(a, 7.0), scored(d, 3.0)));

        assertThat(fused.get(0).chunkId()).isEqualTo(a);
        assertThat(fused.get(0).score()).isCloseTo(1.0, within(1e-12));
        assertThat(fused).allSatisfy(hit -> assertThat(hit.score()).isBetween(0.0, 1.0));
        assertThat(ids(fused)).doesNotHaveDuplicates().containsExactlyInAnyOrder(a, b, c, d);
    }

    @Test
    void aLoneCandidateOrCandidatesScoredAlikeCountAsTheBestOfTheirSide() {
        var fused = equalWeights().fuse(List.of(scored(a, 0.3)), List.of(scored(b, 2.0), scored(c, 2.0)));

        assertThat(fused).extracting(ScoredChunk::score).containsOnly(0.5);
        assertThat(ids(fused)).as("ties keep the vector side's order").containsExactly(a, b, c);
    }

    @Test
    void weightsDecideWhichSideLeads() {
        var keywordLed = new ConvexScoreFusion(new HybridSettings(Fusion.CONVEX, 60, 1.0, 3.0, 50));

        var fused = keywordLed.fuse(List.of(scored(a, 0.9), scored(b, 0.1)), List.of(scored(b, 9.0), scored(a, 1.0)));

        assertThat(ids(fused)).containsExactly(b, a);
        assertThat(fused.get(0).score()).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void anEmptySideLeavesTheOtherSidesOrder() {
        assertThat(ids(equalWeights().fuse(List.of(scored(a, 0.4), scored(b, 0.2)), List.of()))).containsExactly(a, b);
        assertThat(ids(equalWeights().fuse(List.of(), List.of(scored(c, 5), scored(d, 1))))).containsExactly(c, d);
        assertThat(equalWeights().fuse(List.of(), List.of())).isEmpty();
    }
}
