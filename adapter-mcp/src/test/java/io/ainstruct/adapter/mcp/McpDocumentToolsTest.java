package io.ainstruct.adapter.mcp;

import io.ainstruct.domain.access.Permission;
import io.ainstruct.testsupport.server.TestServer;
import io.ainstruct.testsupport.server.TestUser;
import io.modelcontextprotocol.client.McpSyncClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static io.ainstruct.adapter.mcp.Mcp.args;
import static io.ainstruct.adapter.mcp.Mcp.call;
import static io.ainstruct.adapter.mcp.Mcp.finds;
import static io.ainstruct.adapter.mcp.Mcp.list;
import static io.ainstruct.adapter.mcp.Mcp.ok;
import static io.ainstruct.adapter.mcp.Mcp.searchUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** The document tools' happy paths, as an agent drives them through the SDK client over streamable HTTP. */
class McpDocumentToolsTest {
    private static final int INDEXING_SECONDS = 30;
    private static final String SOURDOUGH_TITLE = "Sourdough starter care";
    private static final String SOURDOUGH = """
            # Sourdough starter care

            Feed the starter twice a day with equal weights of rye flour and lukewarm water. Keep the jar loosely
            covered at room temperature; it is ready to bake with when it doubles within six hours and smells
            pleasantly sour. A starter left in the fridge for weeks revives after two or three feedings.
            """;

    @RegisterExtension
    static final TestServer server = TestServer.shared();

    @Test
    void storeSearchGetListUpdateAndDeleteWithAPersonalToken() {
        TestUser person = server.users().register("docs");
        String defaultCollection = server.users().defaultCollection(person);
        try (McpSyncClient client = Mcp.connect(server, server.users().pat(person).secret())) {
            var storedResult = call(client, "store_document_tool", args("title", SOURDOUGH_TITLE, "content", SOURDOUGH,
                    "doc_metadata", Map.of("topic", "baking", "rating", 5)));
            Map<String, Object> stored = storedResult.ok();
            assertThat(storedResult.text()).as("text content mirrors the structured result").contains((String) stored.get("id"));
            String id = (String) stored.get("id");
            assertThat(stored).containsEntry("title", SOURDOUGH_TITLE).containsEntry("collection_id", defaultCollection)
                    .containsEntry("created", true).containsKeys("chunk_count", "token_count", "created_at");
            assertThat(((Number) stored.get("chunk_count")).intValue()).isEqualTo(1);
            assertThat(((Number) stored.get("token_count")).intValue()).isPositive();

            Map<String, Object> again = ok(client, "store_document_tool", args("title", "A twin", "content", SOURDOUGH));
            assertThat(again).as("identical content in the same collection").containsEntry("id", id).containsEntry("created", false);

            Map<String, Object> search = searchUntil(client, args("query", "how do I keep my bread yeast culture alive",
                    "max_results", 3), answer -> finds(answer, id), INDEXING_SECONDS);
            Map<String, Object> hit = list(search, "results").get(0);
            assertThat(hit).containsEntry("document_id", id).containsEntry("title", SOURDOUGH_TITLE)
                    .containsEntry("collection", "default").containsEntry("collection_id", defaultCollection)
                    .containsKeys("chunk_index", "score");
            assertThat((String) hit.get("content")).contains("rye flour");
            assertThat((String) search.get("formatted_context")).startsWith("## " + SOURDOUGH_TITLE).contains("rye flour");
            assertThat(((Number) search.get("total_results")).intValue()).isEqualTo(list(search, "results").size());
            assertThat(((Number) search.get("tokens_used")).intValue()).isPositive();

            Map<String, Object> document = ok(client, "get_document_tool", args("document_id", id));
            assertThat(document).containsEntry("id", id).containsEntry("title", SOURDOUGH_TITLE)
                    .containsEntry("content", SOURDOUGH).containsEntry("document_type", "markdown")
                    .containsEntry("collection_id", defaultCollection).containsEntry("content_hash", sha256(SOURDOUGH))
                    .containsEntry("metadata", Map.of("topic", "baking", "rating", 5));

            Map<String, Object> listed = ok(client, "list_documents_tool", args());
            assertThat(((Number) listed.get("total")).intValue()).isEqualTo(1);
            assertThat(list(listed, "documents")).singleElement().satisfies(summary -> {
                assertThat(summary).containsEntry("id", id).containsEntry("title", SOURDOUGH_TITLE).doesNotContainKey("content");
            });

            String handbook = handbook();
            Map<String, Object> updated = ok(client, "update_document_tool", args("document_id", id,
                    "title", "Sourdough handbook", "content", handbook));
            assertThat(updated).containsEntry("id", id).containsEntry("title", "Sourdough handbook")
                    .containsEntry("content", handbook).containsEntry("content_hash", sha256(handbook))
                    .containsEntry("metadata", Map.of("topic", "baking", "rating", 5));
            assertThat(((Number) updated.get("chunk_count")).intValue()).as("re-chunked").isGreaterThan(1);
            assertThat(ok(client, "get_document_tool", args("document_id", id))).containsEntry("chunk_count", updated.get("chunk_count"));
            searchUntil(client, args("query", "what oven temperature should a loaf be baked at", "max_results", 5),
                    answer -> list(answer, "results").stream().anyMatch(h -> id.equals(h.get("document_id"))
                            && ((String) h.get("content")).contains("oven")), INDEXING_SECONDS);

            Map<String, Object> deleted = ok(client, "delete_document_tool", args("document_id", id));
            assertThat(deleted).containsEntry("deleted", true).containsEntry("id", id);
            call(client, "get_document_tool", args("document_id", id)).failsWith("DOCUMENT_NOT_FOUND");
            assertThat(ok(client, "list_documents_tool", args())).containsEntry("total", 0);
            searchUntil(client, args("query", "sourdough oven temperature"), answer -> !finds(answer, id), INDEXING_SECONDS);
        }
    }

    @Test
    void moveDocumentToolMovesADocumentBetweenTheUsersCollections() {
        TestUser person = server.users().register("move");
        String defaultCollection = server.users().defaultCollection(person);
        String archive = server.users().createCollection(person, "archive");
        try (McpSyncClient client = Mcp.connect(server, server.users().pat(person).secret())) {
            String id = (String) ok(client, "store_document_tool", args("title", "Meeting notes",
                    "content", "# Meeting notes\n\nWe agreed to ship on Friday.")).get("id");

            Map<String, Object> moved = ok(client, "move_document_tool", args("document_id", id, "target_collection_id", archive));
            assertThat(moved).containsEntry("id", id).containsEntry("collection_id", archive)
                    .containsEntry("title", "Meeting notes");

            assertThat(ok(client, "get_document_tool", args("document_id", id))).containsEntry("collection_id", archive);
            assertThat(list(ok(client, "list_documents_tool", args("collection_id", archive)), "documents"))
                    .extracting(d -> d.get("id")).containsExactly(id);
            assertThat(ok(client, "list_documents_tool", args("collection_id", defaultCollection))).containsEntry("total", 0);
            searchUntil(client, args("query", "when do we release", "collection_id", archive),
                    answer -> finds(answer, id), INDEXING_SECONDS);
        }
    }

    @Test
    void aReadWriteCollectionTokenWorksInItsCollection() {
        TestUser owner = server.users().register("cat-docs");
        String collection = server.users().createCollection(owner, "shared-with-agent");
        String cat = server.users().cat(owner, collection, Permission.READ_WRITE).secret();
        try (McpSyncClient client = Mcp.connect(server, cat)) {
            Map<String, Object> stored = ok(client, "store_document_tool", args("title", "Agent memo",
                    "content", "The deploy key rotates every quarter.", "document_type", "text"));
            String id = (String) stored.get("id");
            assertThat(stored).as("a collection token stores into its own collection").containsEntry("collection_id", collection);

            assertThat(ok(client, "get_document_tool", args("document_id", id))).containsEntry("document_type", "text");
            assertThat(ok(client, "list_documents_tool", args())).containsEntry("total", 1);
            assertThat(ok(client, "update_document_tool", args("document_id", id, "doc_metadata", Map.of("owner", "ops"))))
                    .containsEntry("metadata", Map.of("owner", "ops")).containsEntry("title", "Agent memo");
            searchUntil(client, args("query", "how often is the deployment key changed"), answer -> finds(answer, id),
                    INDEXING_SECONDS);
            assertThat(ok(client, "delete_document_tool", args("document_id", id))).containsEntry("deleted", true);
            assertThat(ok(client, "list_documents_tool", args())).containsEntry("total", 0);
        }
    }

    @Test
    void listDocumentsPagesNewestFirst() {
        TestUser person = server.users().register("paging");
        try (McpSyncClient client = Mcp.connect(server, server.users().pat(person).secret())) {
            List<String> ids = new java.util.ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                ids.add((String) ok(client, "store_document_tool", args("title", "Page " + i, "content", "Entry number " + i + ".")).get("id"));
            }
            Map<String, Object> first = ok(client, "list_documents_tool", args("limit", 2));
            assertThat(first).containsEntry("total", 3).containsEntry("limit", 2).containsEntry("offset", 0);
            assertThat(list(first, "documents")).extracting(d -> d.get("id")).containsExactly(ids.get(2), ids.get(1));
            Map<String, Object> second = ok(client, "list_documents_tool", args("limit", 2, "offset", 2));
            assertThat(list(second, "documents")).extracting(d -> d.get("id")).containsExactly(ids.get(0));

            assertThat(ok(client, "update_document_tool", args("document_id", ids.get(0), "document_type", "html")))
                    .containsEntry("document_type", "html").containsEntry("content", "Entry number 1.");
        }
    }

    @Test
    void searchHonoursItsFiltersAndTokenBudget() {
        TestUser person = server.users().register("search-filters");
        try (McpSyncClient client = Mcp.connect(server, server.users().pat(person).secret())) {
            String tea = (String) ok(client, "store_document_tool", args("title", "Green tea", "content",
                    "Brew green tea at 80 degrees for two minutes; boiling water makes it bitter.",
                    "document_type", "text", "doc_metadata", Map.of("kind", "drink"))).get("id");
            String coffee = (String) ok(client, "store_document_tool", args("title", "Espresso", "content",
                    "Pull an espresso shot with 18 grams of finely ground coffee in about 28 seconds.",
                    "doc_metadata", Map.of("kind", "drink", "strong", true))).get("id");
            searchUntil(client, args("query", "how to prepare a hot drink", "max_results", 10),
                    answer -> finds(answer, tea) && finds(answer, coffee), INDEXING_SECONDS);

            Map<String, Object> textOnly = ok(client, "search_documents_tool", args("query", "hot drink", "document_type", "text"));
            assertThat(list(textOnly, "results")).extracting(h -> h.get("document_id")).containsOnly(tea);
            Map<String, Object> strong = ok(client, "search_documents_tool", args("query", "hot drink",
                    "metadata", Map.of("strong", true)));
            assertThat(list(strong, "results")).extracting(h -> h.get("document_id")).containsOnly(coffee);
            Map<String, Object> oneResult = ok(client, "search_documents_tool", args("query", "espresso shot", "max_results", 1));
            assertThat(list(oneResult, "results")).extracting(h -> h.get("document_id")).containsExactly(coffee);
            Map<String, Object> nothing = ok(client, "search_documents_tool", args("query", "espresso", "score_threshold", 0.99,
                    "search_mode", "semantic"));
            assertThat(list(nothing, "results")).isEmpty();
            assertThat(nothing.get("search_mode")).isEqualTo("semantic");
            // The threshold is a cosine similarity: the keyword side of a search does not use it.
            Map<String, Object> byWords = ok(client, "search_documents_tool", args("query", "espresso", "score_threshold", 0.99,
                    "search_mode", "keyword"));
            assertThat(list(byWords, "results")).extracting(h -> h.get("document_id")).containsExactly(coffee);
            assertThat(byWords.get("search_mode")).isEqualTo("keyword");
            assertThat(ok(client, "search_documents_tool", args("query", "espresso")).get("search_mode")).isEqualTo("hybrid");
            Map<String, Object> budget = ok(client, "search_documents_tool", args("query", "hot drink", "max_tokens", 5));
            assertThat(((Number) budget.get("tokens_used")).intValue()).isLessThanOrEqualTo(5);
        }
    }

    @Test
    void aOneMegabyteDocumentIsStoredAndReadBackIntact() {
        TestUser person = server.users().register("large");
        StringBuilder text = new StringBuilder(1 << 20);
        int line = 0;
        while (text.length() < (1 << 20)) {
            if (line % 200 == 0) {
                text.append("\n## Part ").append(line / 200).append("\n\n");
            }
            text.append("Line ").append(line++).append(": the quick brown fox jumps over the lazy dog, again and again.\n");
        }
        String content = text.toString();
        assertThat(content.getBytes(StandardCharsets.UTF_8).length).isGreaterThanOrEqualTo(1 << 20);
        try (McpSyncClient client = Mcp.connect(server, server.users().pat(person).secret())) {
            Map<String, Object> stored = ok(client, "store_document_tool", args("title", "Large", "content", content));
            assertThat(((Number) stored.get("chunk_count")).intValue()).isGreaterThan(100);

            Map<String, Object> document = ok(client, "get_document_tool", args("document_id", stored.get("id")));
            assertThat((String) document.get("content")).hasSameSizeAs(content);
            assertThat(document.get("content")).as("the content, byte for byte").isEqualTo(content);
            assertThat(document).containsEntry("content_hash", sha256(content));
        }
    }

    @Test
    void unicodeInTitleContentAndMetadataRoundTrips() {
        TestUser person = server.users().register("unicode");
        String title = "Notizen 📚 日本語の覚え書き – שלום – مرحبا 👩‍💻🇯🇵";
        String content = """
                # 東京の天気 🌸

                今日は晴れです。明日は雨が降るでしょう。中文：我们明天见。한국어: 안녕하세요.
                עברית: שלום עולם, זה מסמך בדיקה. العربية: مرحبا بالعالم، هذه وثيقة اختبار.
                Combining: e\u0301 · Astral: 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𠀀 · Emoji: 👨‍👩‍👧‍👦 🏳️‍🌈 ✔️ · RTL mark: \u200Fabc\u200E
                """;
        Map<String, Object> metadata = Map.of("emoji", "🚀✨", "日本語", "東京", "עברית", "שלום",
                "nested", Map.of("العربية", List.of("مرحبا", "😀")));
        try (McpSyncClient client = Mcp.connect(server, server.users().pat(person).secret())) {
            Map<String, Object> stored = ok(client, "store_document_tool", args("title", title, "content", content,
                    "doc_metadata", metadata));
            String id = (String) stored.get("id");
            assertThat(stored).containsEntry("title", title);

            Map<String, Object> document = ok(client, "get_document_tool", args("document_id", id));
            assertThat(document).containsEntry("title", title).containsEntry("content", content)
                    .containsEntry("metadata", metadata).containsEntry("content_hash", sha256(content));
            assertThat(list(ok(client, "list_documents_tool", args()), "documents")).singleElement()
                    .satisfies(d -> assertThat(d).containsEntry("title", title).containsEntry("metadata", metadata));

            Map<String, Object> search = searchUntil(client, args("query", "東京の天気"), answer -> finds(answer, id),
                    INDEXING_SECONDS);
            assertThat((String) search.get("formatted_context")).startsWith("## " + title);
            assertThat(ok(client, "search_documents_tool", args("query", "anything", "metadata", Map.of("日本語", "東京"))))
                    .satisfies(answer -> assertThat(finds(answer, id)).as("metadata filter with unicode key and value").isTrue());
        }
    }

    /** Three sections, each too long to share a chunk with another. */
    private static String handbook() {
        StringBuilder text = new StringBuilder("# Sourdough handbook\n\n");
        String[][] sections = {
                {"Feeding the starter", "Feed the starter with rye flour and water, equal weights, twice a day. "},
                {"Shaping the dough", "Fold the dough over itself, turn it a quarter, and tighten the surface tension. "},
                {"Baking in the oven", "Preheat the oven to 250 degrees with the pot inside, bake covered, then uncovered. "}};
        for (String[] section : sections) {
            text.append("## ").append(section[0]).append("\n\n");
            for (int i = 0; i < 25; i++) {
                text.append(section[1]);
            }
            text.append("\n\n");
        }
        return text.toString();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
