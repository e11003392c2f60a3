package io.ainstruct.adapter.qdrant;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QdrantSettingsTest {

    @Test
    void readsHostPortAndTlsFromTheUrl() {
        QdrantSettings plain = settings("http://qdrant");
        QdrantSettings secure = settings("https://xyz.cloud.qdrant.io:6334");

        assertThat(plain.host()).isEqualTo("qdrant");
        assertThat(plain.port()).isEqualTo(6334);
        assertThat(plain.tls()).isFalse();
        assertThat(secure.port()).isEqualTo(6334);
        assertThat(secure.tls()).isTrue();
    }

    @Test
    void refusesAUrlWithoutSchemeOrHost() {
        assertThatThrownBy(() -> settings("qdrant:6334")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("QDRANT_URL");
        assertThatThrownBy(() -> settings("grpc://qdrant:6334")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void treatsABlankApiKeyAsNone() {
        assertThat(new QdrantSettings(URI.create("http://q"), Optional.of(" "), Duration.ofSeconds(1), "a").apiKey()).isEmpty();
    }

    @Test
    void namesOneCollectionPerModelAndDimension() {
        QdrantSettings settings = settings("http://q");

        assertThat(settings.collectionName("text-embedding-3-small", 1536)).isEqualTo("ainstruct_text_embedding_3_small_1536");
        assertThat(settings.collectionName("all-MiniLM-L6-v2", 384)).isEqualTo("ainstruct_all_minilm_l6_v2_384");
    }

    private static QdrantSettings settings(String url) {
        return new QdrantSettings(URI.create(url), Optional.empty(), Duration.ofSeconds(1), "ainstruct");
    }
}
