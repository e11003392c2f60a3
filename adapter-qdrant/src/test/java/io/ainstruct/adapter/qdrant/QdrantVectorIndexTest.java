package io.ainstruct.adapter.qdrant;

import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.ChunkId;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.document.DocumentType;
import io.ainstruct.domain.error.Unavailable;
import io.ainstruct.domain.search.VectorFilter;
import io.ainstruct.domain.search.VectorPoint;
import io.ainstruct.testsupport.TestQdrant;
import io.ainstruct.testsupport.qdrant.QdrantEmulator;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.VectorParams;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the Qdrant adapter does beyond the port's contract: the collection it makes, and Qdrant going away. */
class QdrantVectorIndexTest {

    @Test
    void createsOneCosineCollectionPerModelAndDimensionWithAnIndexedTenantField() throws Exception {
        QdrantSettings settings = QdrantVectorIndexContractTest.freshSettings(TestQdrant.url());
        try (QdrantVectorIndex index = QdrantVectorIndex.connect(settings, "all-MiniLM-L6-v2 (q)", 384);
             QdrantClient client = client(settings)) {
            index.prepare();

            assertThat(index.collectionName()).isEqualTo(settings.collectionPrefix() + "_all_minilm_l6_v2_q_384");
            CollectionInfo info = client.getCollectionInfoAsync(index.collectionName()).get();
            VectorParams vectors = info.getConfig().getParams().getVectorsConfig().getParams();
            assertThat(vectors.getSize()).isEqualTo(384);
            assertThat(vectors.getDistance()).isEqualTo(Distance.Cosine);
            assertThat(info.getPayloadSchemaMap()).containsKeys(QdrantVectorIndex.COLLECTION_ID,
                    QdrantVectorIndex.DOCUMENT_ID, QdrantVectorIndex.DOCUMENT_TYPE, QdrantVectorIndex.METADATA);
            assertThat(info.getPayloadSchemaMap().get(QdrantVectorIndex.COLLECTION_ID).getDataType())
                    .isEqualTo(PayloadSchemaType.Keyword);
        }
    }

    @Test
    void refusesAnExistingCollectionOfAnotherDimension() throws Exception {
        QdrantSettings settings = QdrantVectorIndexContractTest.freshSettings(TestQdrant.url());
        try (QdrantClient client = client(settings);
             QdrantVectorIndex index = QdrantVectorIndex.connect(settings, "model", 3)) {
            createCollection(client, index.collectionName(), 5);

            assertThatThrownBy(index::prepare)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("dimension 5")
                    .hasMessageContaining("gives 3");
        }
    }

    @Test
    void indexesThePayloadOfACollectionAnOperatorCreatedBeforehand() throws Exception {
        QdrantSettings settings = QdrantVectorIndexContractTest.freshSettings(TestQdrant.url());
        try (QdrantClient client = client(settings);
             QdrantVectorIndex index = QdrantVectorIndex.connect(settings, "model", 3)) {
            createCollection(client, index.collectionName(), 3);

            index.prepare();

            assertThat(client.getCollectionInfoAsync(index.collectionName()).get().getPayloadSchemaMap())
                    .containsKeys(QdrantVectorIndex.COLLECTION_ID, QdrantVectorIndex.DOCUMENT_ID);
        }
    }

    @Test
    void reportsQdrantAwayAsUnavailableAndWorksAgainWhenItIsBack() {
        try (QdrantEmulator qdrant = QdrantEmulator.start();
             QdrantVectorIndex index = QdrantVectorIndex.connect(QdrantVectorIndexContractTest.freshSettings(qdrant.url()), "model", 3)) {
            CollectionId collection = CollectionId.random();
            index.upsert(List.of(point(collection)));

            qdrant.stop();
            assertThatThrownBy(() -> index.upsert(List.of(point(collection))))
                    .isInstanceOf(Unavailable.class)
                    .hasMessageContaining(qdrant.url());
            assertThatThrownBy(() -> index.search(new float[]{1, 0, 0}, VectorFilter.collections(Set.of(collection)), 5))
                    .isInstanceOf(Unavailable.class);

            qdrant.restart();
            index.upsert(List.of(point(collection)));
            assertThat(index.size()).isEqualTo(2);
        }
    }

    @Test
    void startsWhileQdrantIsAwayAndCreatesTheCollectionWhenItIsBack() {
        QdrantEmulator qdrant = QdrantEmulator.start();
        qdrant.stop();
        try (qdrant; QdrantVectorIndex index = QdrantVectorIndex.connect(QdrantVectorIndexContractTest.freshSettings(qdrant.url()), "model", 3)) {
            index.prepare();
            assertThat(qdrant.pointCount(index.collectionName())).isEqualTo(-1);

            qdrant.restart();
            index.upsert(List.of(point(CollectionId.random())));

            assertThat(qdrant.pointCount(index.collectionName())).isEqualTo(1);
        }
    }

    @Test
    void sendsTheApiKeyAndReportsAWrongOneAsRefused() {
        try (QdrantEmulator qdrant = QdrantEmulator.startRequiringApiKey("the-key")) {
            QdrantSettings fresh = QdrantVectorIndexContractTest.freshSettings(qdrant.url());
            try (QdrantVectorIndex keyed = QdrantVectorIndex.connect(withKey(fresh, "the-key"), "model", 3);
                 QdrantVectorIndex wrong = QdrantVectorIndex.connect(withKey(fresh, "another-key"), "model", 3)) {
                keyed.upsert(List.of(point(CollectionId.random())));
                assertThat(keyed.size()).isEqualTo(1);

                assertThatThrownBy(wrong::size).isInstanceOf(IllegalStateException.class).hasMessageContaining("UNAUTHENTICATED");
            }
        }
    }

    private static QdrantSettings withKey(QdrantSettings settings, String key) {
        return new QdrantSettings(settings.url(), Optional.of(key), settings.timeout(), settings.collectionPrefix());
    }

    private static VectorPoint point(CollectionId collection) {
        return new VectorPoint(ChunkId.random(), DocumentId.random(), collection, DocumentType.MARKDOWN, Map.of(),
                new float[]{1, 0, 0});
    }

    /** As an operator would, before the server's first start. */
    private static void createCollection(QdrantClient client, String name, int dimension) throws Exception {
        client.createCollectionAsync(name, VectorParams.newBuilder().setSize(dimension).setDistance(Distance.Cosine).build()).get();
    }

    private static QdrantClient client(QdrantSettings settings) {
        return new QdrantClient(QdrantGrpcClient.newBuilder(settings.host(), settings.port(), settings.tls(), false).build());
    }
}
