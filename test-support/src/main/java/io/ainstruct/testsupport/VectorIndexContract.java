package io.ainstruct.testsupport;

import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.ChunkId;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.document.DocumentType;
import io.ainstruct.domain.port.VectorIndex;
import io.ainstruct.domain.search.VectorFilter;
import io.ainstruct.domain.search.VectorHit;
import io.ainstruct.domain.search.VectorPoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * What every {@link VectorIndex} adapter promises. An adapter's test extends this class and hands out a new,
 * empty index per test.
 */
public abstract class VectorIndexContract {

    private final CollectionId collection = CollectionId.random();
    private final CollectionId otherCollection = CollectionId.random();
    private VectorIndex index;

    /** A new index holding no point. */
    protected abstract VectorIndex createEmptyIndex();

    @BeforeEach
    void createIndex() {
        index = createEmptyIndex();
    }

    @Test
    void ranksByCosineSimilarityBestFirst() {
        VectorPoint same = point(collection, 1, 0, 0);
        VectorPoint close = point(collection, 1, 1, 0);
        VectorPoint opposite = point(collection, -1, 0, 0);
        index.upsert(List.of(opposite, close, same));

        List<VectorHit> hits = index.search(vector(2, 0, 0), VectorFilter.collections(Set.of(collection)), 10);

        assertThat(hits).extracting(VectorHit::chunkId).containsExactly(same.chunkId(), close.chunkId(), opposite.chunkId());
        assertThat(hits).extracting(VectorHit::score).satisfiesExactly(
                score -> assertThat(score).isCloseTo(1.0, within(1e-5)),
                score -> assertThat(score).isCloseTo(Math.sqrt(0.5), within(1e-5)),
                score -> assertThat(score).isCloseTo(-1.0, within(1e-5)));
        assertThat(hits.get(0).documentId()).isEqualTo(same.documentId());
        assertThat(hits.get(0).collectionId()).isEqualTo(collection);
    }

    @Test
    void returnsAtMostLimitHits() {
        for (int i = 0; i < 20; i++) {
            index.upsert(List.of(point(collection, 1, i, 0)));
        }

        List<VectorHit> hits = index.search(vector(1, 0, 0), VectorFilter.collections(Set.of(collection)), 5);

        assertThat(hits).hasSize(5);
        assertThat(hits).extracting(VectorHit::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void neverReturnsPointsOfCollectionsOutsideTheFilter() {
        VectorPoint mine = point(collection, 0, 1, 0);
        VectorPoint theirs = point(otherCollection, 1, 0, 0);
        index.upsert(List.of(mine, theirs));

        List<VectorHit> hits = index.search(vector(1, 0, 0), VectorFilter.collections(Set.of(collection)), 10);

        assertThat(hits).extracting(VectorHit::chunkId).containsExactly(mine.chunkId());
    }

    @Test
    void searchesSeveralCollectionsAtOnce() {
        VectorPoint first = point(collection, 1, 0, 0);
        VectorPoint second = point(otherCollection, 1, 0.1f, 0);
        VectorPoint elsewhere = point(CollectionId.random(), 1, 0, 0);
        index.upsert(List.of(first, second, elsewhere));

        List<VectorHit> hits = index.search(vector(1, 0, 0),
                VectorFilter.collections(Set.of(collection, otherCollection)), 10);

        assertThat(hits).extracting(VectorHit::chunkId).containsExactly(first.chunkId(), second.chunkId());
    }

    @Test
    void filtersByDocumentType() {
        VectorPoint markdown = point(collection, DocumentType.MARKDOWN, Map.of(), 1, 0, 0);
        VectorPoint html = point(collection, DocumentType.HTML, Map.of(), 1, 0.1f, 0);
        index.upsert(List.of(markdown, html));

        List<VectorHit> hits = index.search(vector(1, 0, 0), new VectorFilter(Set.of(collection),
                Optional.of(DocumentType.HTML), Map.of(), Double.NEGATIVE_INFINITY), 10);

        assertThat(hits).extracting(VectorHit::chunkId).containsExactly(html.chunkId());
    }

    @Test
    void filtersByMetadataValuesComparedAsText() {
        VectorPoint tagged = point(collection, DocumentType.MARKDOWN, Map.of("team", "search", "version", 3), 1, 0.2f, 0);
        VectorPoint otherTeam = point(collection, DocumentType.MARKDOWN, Map.of("team", "web", "version", 3), 1, 0, 0);
        VectorPoint untagged = point(collection, DocumentType.MARKDOWN, Map.of(), 1, 0.1f, 0);
        index.upsert(List.of(tagged, otherTeam, untagged));

        List<VectorHit> hits = index.search(vector(1, 0, 0), new VectorFilter(Set.of(collection), Optional.empty(),
                Map.of("team", "search", "version", "3"), Double.NEGATIVE_INFINITY), 10);

        assertThat(hits).extracting(VectorHit::chunkId).containsExactly(tagged.chunkId());
    }

    @Test
    void leavesOutHitsScoringBelowTheMinimum() {
        VectorPoint close = point(collection, 1, 0.1f, 0);
        VectorPoint far = point(collection, 0, 1, 0);
        index.upsert(List.of(close, far));

        List<VectorHit> hits = index.search(vector(1, 0, 0), new VectorFilter(Set.of(collection), Optional.empty(),
                Map.of(), 0.5), 10);

        assertThat(hits).extracting(VectorHit::chunkId).containsExactly(close.chunkId());
    }

    @Test
    void upsertsManyPointsInOneCall() {
        List<VectorPoint> many = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            many.add(point(collection, 1, i / 600f, 0));
        }
        index.upsert(many);

        assertThat(index.size()).isEqualTo(600);
        assertThat(index.search(vector(1, 0, 0), VectorFilter.collections(Set.of(collection)), 3))
                .extracting(VectorHit::chunkId).containsExactly(many.get(0).chunkId(), many.get(1).chunkId(), many.get(2).chunkId());
    }

    @Test
    void upsertingAPointAgainReplacesIt() {
        VectorPoint original = point(collection, 1, 0, 0);
        index.upsert(List.of(original));
        index.upsert(List.of(original));
        VectorPoint moved = new VectorPoint(original.chunkId(), original.documentId(), otherCollection,
                DocumentType.TEXT, Map.of(), vector(0, 1, 0));
        index.upsert(List.of(moved));

        assertThat(index.size()).isEqualTo(1);
        assertThat(index.search(vector(1, 0, 0), VectorFilter.collections(Set.of(collection)), 10)).isEmpty();
        List<VectorHit> hits = index.search(vector(0, 1, 0), VectorFilter.collections(Set.of(otherCollection)), 10);
        assertThat(hits).singleElement().satisfies(hit -> {
            assertThat(hit.chunkId()).isEqualTo(original.chunkId());
            assertThat(hit.score()).isCloseTo(1.0, within(1e-5));
        });
    }

    @Test
    void deletesTheChunksOfOneDocument() {
        DocumentId document = DocumentId.random();
        VectorPoint first = point(collection, document, 1, 0, 0);
        VectorPoint second = point(collection, document, 0, 1, 0);
        VectorPoint kept = point(collection, 0, 0, 1);
        index.upsert(List.of(first, second, kept));

        index.deleteDocument(document);
        index.deleteDocument(document);

        assertThat(index.size()).isEqualTo(1);
        assertThat(index.search(vector(1, 1, 1), VectorFilter.collections(Set.of(collection)), 10))
                .extracting(VectorHit::chunkId).containsExactly(kept.chunkId());
    }

    @Test
    void deletesEveryPointOfOneCollection() {
        index.upsert(List.of(point(collection, 1, 0, 0), point(collection, 0, 1, 0)));
        VectorPoint kept = point(otherCollection, 1, 0, 0);
        index.upsert(List.of(kept));

        index.deleteCollection(collection);
        index.deleteCollection(collection);

        assertThat(index.size()).isEqualTo(1);
        assertThat(index.search(vector(1, 0, 0), VectorFilter.collections(Set.of(collection, otherCollection)), 10))
                .extracting(VectorHit::chunkId).containsExactly(kept.chunkId());
    }

    @Test
    void refusesAVectorOfAnotherDimension() {
        index.upsert(List.of(point(collection, 1, 0, 0)));

        assertThatThrownBy(() -> index.upsert(List.of(point(collection, 1, 0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dimension");
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void findsNothingInAnEmptyIndex() {
        assertThat(index.size()).isZero();
        assertThat(index.search(vector(1, 0, 0), VectorFilter.collections(Set.of(collection)), 10)).isEmpty();
    }

    private static VectorPoint point(CollectionId collection, float... vector) {
        return point(collection, DocumentId.random(), vector);
    }

    private static VectorPoint point(CollectionId collection, DocumentId document, float... vector) {
        return new VectorPoint(ChunkId.random(), document, collection, DocumentType.MARKDOWN, Map.of(), vector);
    }

    private static VectorPoint point(CollectionId collection, DocumentType type, Map<String, Object> metadata,
                                     float... vector) {
        return new VectorPoint(ChunkId.random(), DocumentId.random(), collection, type, metadata, vector);
    }

    private static float[] vector(float... values) {
        return values;
    }
}
