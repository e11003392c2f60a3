package io.ainstruct.adapter.legacy;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The import holds legacy text to the domain's field limits, and its quarantine reasons say which and by how much. */
class LegacyMappingsTest {
    private static final String USER_ID = "00000000-0000-4000-8000-000000000001";
    private static final String COLLECTION_ID = "00000000-0000-4000-8000-000000000002";
    private static final String WHEN = "2025-01-01T00:00:00Z";
    private static final String HASH = "a".repeat(64);
    private static final String EMOJI = "\uD83D\uDE00";

    private final LegacyMappings mappings = new LegacyMappings(Instant.parse(WHEN), "the legacy file's modification time");
    private final List<String> rules = new ArrayList<>();

    @Test
    void aUsernameOutsideTheLimitIsQuarantinedWithItsLength() {
        assertThatThrownBy(() -> mappings.user(user("ab"), rules)).isInstanceOf(Unparsable.class)
                .hasMessage("username: 'ab' is 2 characters long, not between 3 and 100 characters");
        assertThatThrownBy(() -> mappings.user(user("u".repeat(101)), rules)).isInstanceOf(Unparsable.class)
                .hasMessage("username: '" + "u".repeat(101) + "' is 101 characters long, not between 3 and 100 characters");
    }

    /** Characters are counted as PostgreSQL counts them: 100 emoji fit, although Java holds them in 200 chars. */
    @Test
    void aUsernameIsMeasuredInCharactersNotJavaChars() throws Unparsable {
        assertThat(mappings.user(user(EMOJI.repeat(100)), rules).username()).isEqualTo(EMOJI.repeat(100));
        assertThatThrownBy(() -> mappings.user(user(EMOJI.repeat(2)), rules)).isInstanceOf(Unparsable.class)
                .hasMessage("username: '" + EMOJI.repeat(2) + "' is 2 characters long, not between 3 and 100 characters");
    }

    @Test
    void aCollectionNameOutsideTheLimitIsQuarantined() throws Unparsable {
        assertThatThrownBy(() -> mappings.collection(collection(""), rules)).isInstanceOf(Unparsable.class)
                .hasMessage("name: '' is 0 characters long, not between 1 and 100 characters");
        assertThat(mappings.collection(collection("n".repeat(100)), rules).name()).hasSize(100);
    }

    @Test
    void aTitleOutsideTheLimitIsQuarantinedWithoutRepeatingIt() throws Unparsable {
        assertThatThrownBy(() -> mappings.document(document("t".repeat(501)), rules)).isInstanceOf(Unparsable.class)
                .hasMessage("title: is 501 characters long, not between 1 and 500 characters");
        assertThat(mappings.document(document("t".repeat(500)), rules).document().title()).hasSize(500);
    }

    @Test
    void metadataOverTheLimitIsQuarantinedWithTheBoundItPasses() throws Unparsable {
        String tenThousandKeys = java.util.stream.IntStream.range(0, 10_000).mapToObj(i -> "\"k" + i + "\":1")
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
        assertThatThrownBy(() -> mappings.document(document("t", tenThousandKeys), rules)).isInstanceOf(Unparsable.class)
                .hasMessage("doc_metadata: has more than 256 keys");
        assertThatThrownBy(() -> mappings.document(document("t", "{\"a\":" + "[".repeat(20) + "]".repeat(20) + "}"), rules))
                .isInstanceOf(Unparsable.class).hasMessage("doc_metadata: is nested deeper than 8 levels");
        assertThatThrownBy(() -> mappings.document(document("t", "{\"a\":\"" + "x".repeat(64 * 1024) + "\"}"), rules))
                .isInstanceOf(Unparsable.class).hasMessage("doc_metadata: is larger than 16384 bytes as JSON");
        assertThat(mappings.document(document("t", "{\"a\":{\"b\":[1,2]}}"), rules).document().metadata()).containsKey("a");
    }

    @Test
    void aLabelOverTheLimitIsQuarantinedAndAnEmptyOneKept() throws Unparsable {
        assertThatThrownBy(() -> mappings.collectionToken(collectionToken("l".repeat(101)), rules)).isInstanceOf(Unparsable.class)
                .hasMessage("label: is 101 characters long, not between 1 and 100 characters");
        assertThat(mappings.collectionToken(collectionToken(""), rules).label()).isEmpty();
    }

    @Test
    void everyDocumentTypeOfThePythonServiceImportsAsItself() throws Unparsable {
        // packages/shared/src/shared/constants.py of 4.24.0
        List<String> pythonTypes = List.of("markdown", "text", "html", "css", "javascript", "typescript", "json", "python",
                "java", "php", "rust", "go", "cpp", "sql", "xml", "yaml", "vue", "angular", "sass", "liquid", "jinja", "wast");
        for (String type : pythonTypes) {
            assertThat(mappings.document(document("t", "{}", type), rules).document().type().wireName()).isEqualTo(type);
        }
        assertThatThrownBy(() -> mappings.document(document("t", "{}", "cobol"), rules)).isInstanceOf(Unparsable.class)
                .hasMessage("document_type: 'cobol' is not a known document type");
    }

    @Test
    void usageOfThePostgresReleasesCountsItsApiSourceAsRest() throws Unparsable {
        // packages/shared/src/shared/db/usage_repository.py of 4.24.0 writes "api"; the SQLite-era releases "rest".
        assertThat(mappings.usage(usage("api"), rules).source()).isEqualTo(io.ainstruct.domain.usage.EntryPoint.REST);
        assertThat(mappings.usage(usage("rest"), rules).source()).isEqualTo(io.ainstruct.domain.usage.EntryPoint.REST);
        assertThat(mappings.usage(usage("mcp"), rules).source()).isEqualTo(io.ainstruct.domain.usage.EntryPoint.MCP);
        assertThatThrownBy(() -> mappings.usage(usage("web"), rules)).isInstanceOf(Unparsable.class)
                .hasMessage("source: 'web' is not rest, api or mcp");
    }

    private static LegacyRow usage(String source) {
        return row(List.of("id", "user_id", "year_month", "source", "request_count"), 1L, USER_ID, "2025-01", source, 3L);
    }

    private static LegacyRow user(String username) {
        return row(List.of("id", "email", "username", "password_hash", "is_active", "is_superuser", "created_at", "updated_at"),
                USER_ID, "a@example.org", username, "$2b$12$hash", 1L, 0L, WHEN, WHEN);
    }

    private static LegacyRow collection(String name) {
        return row(List.of("id", "user_id", "name", "created_at", "updated_at"), COLLECTION_ID, USER_ID, name, WHEN, WHEN);
    }

    private static LegacyRow document(String title) {
        return document(title, "{}");
    }

    private static LegacyRow document(String title, String metadata) {
        return document(title, metadata, "markdown");
    }

    private static LegacyRow document(String title, String metadata, String type) {
        return new LegacyRow(List.of("id", "collection_id", "title", "content_hash", "document_type", "doc_metadata",
                "created_at", "updated_at"),
                new Object[] {"00000000-0000-4000-8000-000000000003", COLLECTION_ID, title, null, type, metadata, WHEN, WHEN},
                "# Content".getBytes(StandardCharsets.UTF_8));
    }

    private static LegacyRow collectionToken(String label) {
        return row(List.of("id", "collection_id", "user_id", "label", "key_hash", "permission", "expires_at", "last_used",
                        "is_active", "created_at"),
                "00000000-0000-4000-8000-000000000004", COLLECTION_ID, USER_ID, label, HASH, "read", null, null, 1L, WHEN);
    }

    private static LegacyRow row(List<String> columns, Object... values) {
        return new LegacyRow(columns, values, null);
    }
}
