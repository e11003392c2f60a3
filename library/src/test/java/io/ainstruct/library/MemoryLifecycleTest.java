package io.ainstruct.library;

import io.ainstruct.application.document.NewDocument;
import io.ainstruct.application.document.StoredDocument;
import io.ainstruct.application.search.SearchRequest;
import io.ainstruct.application.search.SearchResult;
import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.DocumentType;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.error.InvalidInput;
import io.ainstruct.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemoryLifecycleTest {
    @TempDir
    Path directory;

    @Test
    void closingAndReopeningTheDirectoryKeepsTheDocumentsAndTheirVectors() throws Exception {
        StoredDocument stored;
        MemorySettings settings = MemorySettings.inDirectory(directory).embedding(LocalEmbedding.ALL_MINILM_L6_V2_Q).build();
        try (AinstructMemory memory = AinstructMemory.open(settings)) {
            Caller alice = memory.person("alice", "alice@example.org");
            CollectionId notes = memory.collections().defaultCollectionOf(alice);
            stored = memory.documents().store(alice, new NewDocument(notes, "Sourdough",
                    "# Sourdough\n\nFeed the starter with flour and water every day.", DocumentType.MARKDOWN, Map.of("topic", "baking")));
            assertThat(memory.awaitIndexed(Duration.ofSeconds(30))).isTrue();

            // Only the embedded PostgreSQL, a process of its own, listens (on the port its postmaster.pid names).
            assertThat(ListeningSockets.ofThisProcess()).isEmpty();
            assertThat(Files.readAllLines(directory.resolve("postgres").resolve("postmaster.pid")).get(3).trim()).isNotBlank();
        }
        assertThat(directory.resolve("postgres").resolve("postmaster.pid")).as("the embedded PostgreSQL stopped").doesNotExist();

        try (AinstructMemory memory = AinstructMemory.open(settings)) {
            Caller alice = memory.person("alice", "alice@example.org");
            assertThat(memory.documents().get(alice, stored.document().id()).document().content())
                    .contains("Feed the starter");
            SearchResult found = memory.search().search(alice, SearchRequest.of("how often to feed a starter",
                    Optional.empty(), 3, null, Optional.empty(), Map.of("topic", "baking"), Optional.empty(), "semantic"));
            assertThat(found.hits()).extracting(hit -> hit.passage().documentId()).containsExactly(stored.document().id());
        }
    }

    @Test
    void onADatabaseOfYourOwnNoPortIsOpenedAtAll() {
        MemorySettings settings = TestMemory.onFreshDatabase();
        try (AinstructMemory memory = AinstructMemory.open(settings)) {
            memory.person("bob", "bob@example.org");
            assertThat(ListeningSockets.ofThisProcess()).isEmpty();
        }
    }

    @Test
    void theSocketCheckSeesAPortThisProcessListensOn() throws Exception {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            assertThat(ListeningSockets.ofThisProcess()).contains(socket.getLocalPort());
        }
    }

    @Test
    void aDatabaseNobodyAnswersIsATypedRefusalOfTheStart() {
        assertThatThrownBy(() -> AinstructMemory.open(MemorySettings.onDatabase("jdbc:postgresql://127.0.0.1:1/none",
                "nobody", "nothing").embedding(LocalEmbedding.ALL_MINILM_L6_V2_Q).build()))
                .isInstanceOf(io.ainstruct.domain.error.DomainException.class)
                .hasNoCause();
    }

    @Test
    void vectorsOfAnotherModelRefuseTheStartAsASettingToFix() {
        MemorySettings minilm = TestMemory.onFreshDatabase();
        try (AinstructMemory memory = AinstructMemory.open(minilm)) {
            memory.person("carol", "carol@example.org");
        }
        String url = minilm.database().orElseThrow().jdbcUrl();
        MemorySettings bge = MemorySettings.onDatabase(url, TestDatabase.username(), TestDatabase.password())
                .embedding(LocalEmbedding.BGE_SMALL_EN_V15_Q).build();
        assertThatThrownBy(() -> AinstructMemory.open(bge))
                .isInstanceOfSatisfying(InvalidInput.class, refused -> {
                    assertThat(refused.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
                    assertThat(refused.field()).isEqualTo("settings");
                    assertThat(refused.getMessage()).contains("all-minilm-l6-v2-q");
                });
    }
}
