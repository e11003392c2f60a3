package io.ainstruct.application.search;

import io.ainstruct.domain.document.ChunkId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ReciprocalRankFusionTest {
    private final ChunkId a = chunk();
    private final ChunkId b = chunk();
    private final ChunkId c = chunk();
    private final ChunkId d = chunk();

    private static ChunkId chunk() {
        return new ChunkId(UUID.randomUUID());
    }

    private static final HybridSettings RRF = new HybridSettings(Fusion.RRF, 60, 1, 1, 50);

    private static List<ChunkId> ids(List<ScoredChunk> fused) {
        return fused.stream().map(ScoredChunk::chunkId).toList();
    }

    /** Only the order of a ranking counts here; its scores are made up and deliberately at odds with it. */
    private static List<ScoredChunk> ranked(ChunkId... chunks) {
        return IntStream.range(0, chunks.length).mapToObj(i -> new ScoredChunk(chunks[i], i)).toList();
    }

    private static List<ScoredChunk> fuse(HybridSettings settings, List<ChunkId> vector, List<ChunkId> keyword) {
        return new ReciprocalRankFusion(settings).fuse(ranked(vector.toArray(ChunkId[]::new)),
                ranked(keyword.toArray(ChunkId[]::new)));
    }

    @Test
    void aChunkBothSidesFoundAppearsOnceAndBeatsChunksOnlyOneSideFound() {
        var fused = fuse(RRF, List.of(a, b, c), List.of(c, d));

        assertThat(ids(fused)).containsExactly(c, a, b, d);
        assertThat(fused.get(0).score()).isCloseTo((1.0 / 63 + 1.0 / 61) / (2.0 / 61), within(1e-12));
    }

    @Test
    void firstOnBothSidesScoresOneAndEveryScoreLiesInTheUnitInterval() {
        var fused = fuse(RRF, List.of(a, b), List.of(a, c));

        assertThat(fused.get(0).chunkId()).isEqualTo(a);
        assertThat(fused.get(0).score()).isCloseTo(1.0, within(1e-12));
        assertThat(fused).allSatisfy(hit -> assertThat(hit.score()).isPositive().isLessThanOrEqualTo(1.0));
    }

    @Test
    void tiesKeepTheVectorSidesOrder() {
        var fused = fuse(RRF, List.of(a), List.of(b));

        assertThat(ids(fused)).containsExactly(a, b);
    }

    @Test
    void weightsDecideWhichSideLeads() {
        var keywordLed = new HybridSettings(Fusion.RRF, 60, 1.0, 2.0, 50);

        assertThat(ids(fuse(keywordLed, List.of(a, b), List.of(b, a)))).containsExactly(b, a);
        assertThat(ids(fuse(keywordLed, List.of(a), List.of(c)))).containsExactly(c, a);
    }

    @Test
    void aSmallConstantMakesTheFirstRanksCountMore() {
        // a is 1st and 4th, b is 2nd on both sides: with k = 60 b's steady ranks win, with k = 0 a's first place does
        // (d, 4th and 1st, ties with a; ties keep the vector order).
        List<ChunkId> vector = List.of(a, b, c, d);
        List<ChunkId> keyword = List.of(d, b, c, a);

        assertThat(ids(fuse(RRF, vector, keyword)).get(0)).isEqualTo(b);
        assertThat(ids(fuse(new HybridSettings(Fusion.RRF, 0, 1, 1, 50), vector, keyword)).get(0)).isEqualTo(a);
    }

    @Test
    void settingsRefuseNonsense() {
        assertThatThrownBy(() -> new HybridSettings(Fusion.RRF, -1, 1, 1, 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HybridSettings(Fusion.RRF, 60, 0, 0, 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HybridSettings(Fusion.RRF, 60, Double.NaN, 1, 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HybridSettings(Fusion.RRF, 60, 1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HybridSettings(null, 60, 1, 1, 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fusion.parse("borda")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("convex, rrf");
    }
}
