package io.ainstruct.bootstrap;

import io.ainstruct.domain.port.AccessTokens;
import io.ainstruct.domain.port.Embedder;
import io.ainstruct.domain.port.EmbeddingModelLedger;
import io.ainstruct.domain.user.UserId;
import io.ainstruct.testsupport.TestDatabase;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the composition root refuses to start with, and what it keeps between starts. */
class StartupGuardsTest {

    private static Map<String, Object> properties(String databaseUrl, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(TestDatabase.micronautProperties(databaseUrl));
        properties.put("ainstruct.indexing.worker.enabled", "false");
        properties.putAll(extra);
        return properties;
    }

    @Test
    void outsideDevModeAServerWithoutASigningSecretRefusesToStart() {
        Map<String, Object> properties = properties(TestDatabase.freshDatabase(), Map.of("ainstruct.dev-mode", false));
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            assertThatThrownBy(() -> context.getBean(AccessTokens.class))
                    .hasStackTraceContaining("AINSTRUCT_JWT_SECRET");
        }
    }

    @Test
    void devModeKeepsAGeneratedSecretPrivateAndStableAcrossRestarts(@TempDir Path dataDir) throws Exception {
        String databaseUrl = TestDatabase.freshDatabase();
        Map<String, Object> devMode = Map.of("ainstruct.dev-mode", true, "ainstruct.data-dir", dataDir.toString());
        String token;
        try (ApplicationContext first = ApplicationContext.run(properties(databaseUrl, devMode))) {
            token = first.getBean(AccessTokens.class).issue(new UserId(java.util.UUID.randomUUID()), "0123456789abcdef", Instant.now()).value();
        }
        Path secret = dataDir.resolve("jwt-secret");
        assertThat(Files.getPosixFilePermissions(secret)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (ApplicationContext second = ApplicationContext.run(properties(databaseUrl, devMode))) {
            assertThat(second.getBean(AccessTokens.class).verify(token, Instant.now())).isPresent();
        }
    }

    @Test
    void vectorsOfAnotherEmbeddingModelAreNeverMixedIn() {
        String databaseUrl = TestDatabase.freshDatabase();
        Map<String, Object> minilm = Map.of("ainstruct.jwt-secret", "a-secret-that-is-long-enough-for-hs256!!",
                "ainstruct.embedding.local-model", "all-minilm-l6-v2-q");
        try (ApplicationContext local = ApplicationContext.run(properties(databaseUrl, minilm))) {
            assertThat(local.getBean(EmbeddingModelLedger.class).recorded()).contains("all-minilm-l6-v2-q/384");
        }
        Map<String, Object> otherModel = new HashMap<>(minilm);
        otherModel.putAll(Map.of("ainstruct.embedding.provider", "openai", "ainstruct.embedding.base-url", "http://127.0.0.1:9/v1",
                "ainstruct.embedding.model", "text-embedding-3-small", "ainstruct.embedding.dimension", 1536));
        assertThatThrownBy(() -> ApplicationContext.run(properties(databaseUrl, otherModel)).close())
                .hasStackTraceContaining("all-minilm-l6-v2-q/384")
                .hasStackTraceContaining("reindex");
    }

    @Test
    void theSecondLocalModelIsAnotherModelToTheGuardThoughItsDimensionIsTheSame() {
        String databaseUrl = TestDatabase.freshDatabase();
        Map<String, Object> bge = Map.of("ainstruct.jwt-secret", "a-secret-that-is-long-enough-for-hs256!!",
                "ainstruct.embedding.local-model", "bge-small-en-v15-q");
        try (ApplicationContext first = ApplicationContext.run(properties(databaseUrl, bge))) {
            assertThat(first.getBean(EmbeddingModelLedger.class).recorded()).contains("bge-small-en-v15-q/384");
        }
        Map<String, Object> minilm = new HashMap<>(bge);
        minilm.put("ainstruct.embedding.local-model", "all-minilm-l6-v2-q");
        assertThatThrownBy(() -> ApplicationContext.run(properties(databaseUrl, minilm)).close())
                .hasStackTraceContaining("'bge-small-en-v15-q/384' but 'all-minilm-l6-v2-q/384' is configured");
    }

    @Test
    void withNoModelSetANewInstallationGetsBgeSmallAndAnOlderOneKeepsTheModelOfItsVectors() {
        Map<String, Object> unset = Map.of("ainstruct.jwt-secret", "a-secret-that-is-long-enough-for-hs256!!");
        try (ApplicationContext fresh = ApplicationContext.run(properties(TestDatabase.freshDatabase(), unset))) {
            assertThat(fresh.getBean(Embedder.class).modelName()).isEqualTo("bge-small-en-v15-q");
            assertThat(fresh.getBean(EmbeddingModelLedger.class).recorded()).contains("bge-small-en-v15-q/384");
        }
        String older = TestDatabase.freshDatabase();
        Map<String, Object> minilm = new HashMap<>(unset);
        minilm.put("ainstruct.embedding.local-model", "all-minilm-l6-v2-q");
        ApplicationContext.run(properties(older, minilm)).close();

        try (ApplicationContext upgraded = ApplicationContext.run(properties(older, unset))) {
            assertThat(upgraded.getBean(Embedder.class).modelName()).as("no reindex forced by a new default")
                    .isEqualTo("all-minilm-l6-v2-q");
        }
    }

    @Test
    void anUnknownLocalModelIsRefusedByName() {
        Map<String, Object> unknown = Map.of("ainstruct.jwt-secret", "a-secret-that-is-long-enough-for-hs256!!",
                "ainstruct.embedding.local-model", "bge-large-en");
        assertThatThrownBy(() -> ApplicationContext.run(properties(TestDatabase.freshDatabase(), unknown)).close())
                .hasStackTraceContaining("ainstruct.embedding.local-model: Unknown local embedding model 'bge-large-en'");
    }

    @Test
    void anUnknownFusionRefusesTheStartNotTheFirstSearch() {
        Map<String, Object> borda = Map.of("ainstruct.jwt-secret", "a-secret-that-is-long-enough-for-hs256!!",
                "ainstruct.search.fusion", "borda");
        assertThatThrownBy(() -> ApplicationContext.run(properties(TestDatabase.freshDatabase(), borda)).close())
                .hasRootCauseInstanceOf(StartupRefused.class)
                .hasStackTraceContaining("ainstruct.search (SEARCH_*): unknown fusion 'borda'; one of convex, rrf");
    }
}
