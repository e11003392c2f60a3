package io.ainstruct.adapter.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ainstruct.testsupport.server.TestServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The official MCP Java SDK client, driven the way an agent host drives it, and readable views of its answers. */
final class Mcp {
    static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String INVALID_TOKEN = "token is invalid, expired or revoked";

    private Mcp() {
    }

    /** A client over streamable HTTP that sends {@code Authorization: Bearer <token>} (no header when null); not initialized. */
    static McpSyncClient http(String baseUrl, String token) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(baseUrl)
                .endpoint("/mcp")
                .httpRequestCustomizer((request, method, uri, body, context) -> {
                    if (token != null) {
                        request.header("Authorization", "Bearer " + token);
                    }
                })
                .build();
        return sync(transport);
    }

    /**
     * The SDK client on any transport. Its default JSON Schema validator (for tools' output schemas, which this server
     * does not declare) needs networknt json-schema-validator 2.x, and the Micronaut BOM pins 1.5.x: it is replaced by
     * one that accepts everything.
     */
    static McpSyncClient sync(McpClientTransport transport) {
        return McpClient.sync(transport).requestTimeout(TIMEOUT).initializationTimeout(TIMEOUT)
                .jsonSchemaValidator((schema, content) -> JsonSchemaValidator.ValidationResponse.asValid(null))
                .clientInfo(new McpSchema.Implementation("ainstruct-mcp-tests", "1.0.0")).build();
    }

    /** An initialized client over streamable HTTP. */
    static McpSyncClient connect(TestServer server, String token) {
        McpSyncClient client = http(server.baseUrl(), token);
        client.initialize();
        return client;
    }

    /** The names tools/list shows, sorted. */
    static List<String> toolNames(McpSyncClient client) {
        return client.listTools().tools().stream().map(McpSchema.Tool::name).sorted().toList();
    }

    static Result call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return new Result(tool, client.callTool(new CallToolRequest(tool, arguments)));
    }

    /** A successful call's structured result; fails the test with the tool's message otherwise. */
    static Map<String, Object> ok(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return call(client, tool, arguments).ok();
    }

    /** Arguments in order, allowing nulls to be left out: {@code args("title", "x", "content", "y")}. */
    static Map<String, Object> args(Object... pairs) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                arguments.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return arguments;
    }

    /** A tools/call answer: the error flag, the text content and the structured content. */
    record Result(String tool, CallToolResult raw) {
        boolean isError() {
            return Boolean.TRUE.equals(raw.isError());
        }

        String text() {
            return raw.content().stream().filter(McpSchema.TextContent.class::isInstance)
                    .map(c -> ((McpSchema.TextContent) c).text()).collect(Collectors.joining("\n"));
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            assertThat(raw.structuredContent()).as("%s structuredContent", tool).isInstanceOf(Map.class);
            return (Map<String, Object>) raw.structuredContent();
        }

        /** A success: its structured content, which the text content repeats as JSON for clients that read text only. */
        Map<String, Object> ok() {
            assertThat(isError()).as("%s failed: %s", tool, text()).isFalse();
            Map<String, Object> structured = json();
            try {
                assertThat(JSON.readValue(text(), Map.class)).as("%s text content, read as JSON", tool).isEqualTo(structured);
            } catch (JsonProcessingException e) {
                throw new AssertionError(tool + " text content is not JSON: " + text(), e);
            }
            return structured;
        }

        /** The error code of a tool error ({@code structuredContent.error.code}, else the text's prefix). */
        @SuppressWarnings("unchecked")
        String errorCode() {
            assertThat(isError()).as("%s should fail, but answered %s", tool, text()).isTrue();
            if (raw.structuredContent() instanceof Map<?, ?> map && map.get("error") instanceof Map<?, ?> error) {
                return String.valueOf(((Map<String, Object>) error).get("code"));
            }
            int colon = text().indexOf(':');
            return colon < 0 ? text() : text().substring(0, colon);
        }

        /** Asserts a tool error with {@code code} whose text contains every one of {@code fragments}. */
        Result failsWith(String code, String... fragments) {
            assertThat(errorCode()).as("%s error code; text: %s", tool, text()).isEqualTo(code);
            for (String fragment : fragments) {
                assertThat(text()).as("%s error text", tool).contains(fragment);
            }
            return this;
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> json, String key) {
        assertThat(json.get(key)).as("%s in %s", key, json).isInstanceOf(List.class);
        return new ArrayList<>((List<Map<String, Object>>) json.get(key));
    }

    /**
     * Searches until {@code done} holds (indexing runs after the store commits) and returns that answer; fails with
     * the last answer after {@code seconds}.
     */
    static Map<String, Object> searchUntil(McpSyncClient client, Map<String, Object> arguments,
                                           Predicate<Map<String, Object>> done, int seconds) {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        Map<String, Object> answer;
        while (true) {
            answer = ok(client, "search_documents_tool", arguments);
            if (done.test(answer) || System.nanoTime() > deadline) {
                break;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        assertThat(done.test(answer)).as("search %s never gave what was expected; last answer %s", arguments, answer).isTrue();
        return answer;
    }

    /** Whether a search answer has a passage of the document. */
    static boolean finds(Map<String, Object> search, String documentId) {
        return list(search, "results").stream().anyMatch(hit -> documentId.equals(hit.get("document_id")));
    }

    /**
     * Asserts that the server refused {@code request} as unauthenticated ({@link McpProtocol#UNAUTHENTICATED}) for
     * {@code reason}. Any other failure (a dead server, a timeout, another error) fails the assertion.
     */
    static void assertUnauthenticated(ThrowingCallable request, String what, String reason) {
        Throwable thrown = catchThrowable(request);
        assertThat(thrown).as(what).isNotNull();
        String reported = messages(thrown);
        assertThat(reported).as("what the client reports for %s", what).contains(reason);
        McpError error = jsonRpcError(thrown);
        if (error != null) {
            assertThat(error.getJsonRpcError().code()).as("the JSON-RPC error code for %s", what)
                    .isEqualTo(McpProtocol.UNAUTHENTICATED);
        } else {
            // Over HTTP the client has no McpError to give: it quotes the 401's JSON-RPC body in its message.
            assertThat(reported).as("the JSON-RPC error code for %s", what).contains(String.valueOf(McpProtocol.UNAUTHENTICATED));
        }
    }

    private static McpError jsonRpcError(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof McpError error && error.getJsonRpcError() != null) {
                return error;
            }
        }
        return null;
    }

    /** Everything an exception and its causes say, for assertions on messages the SDK wraps. */
    static String messages(Throwable thrown) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
