package io.ainstruct.adapter.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ainstruct.application.admin.AdminService;
import io.ainstruct.application.admin.UserChanges;
import io.ainstruct.domain.access.Permission;
import io.ainstruct.domain.user.UserId;
import io.ainstruct.testsupport.server.Issued;
import io.ainstruct.testsupport.server.TestServer;
import io.ainstruct.testsupport.server.TestUser;
import io.modelcontextprotocol.client.McpSyncClient;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may speak MCP over HTTP: personal and collection access tokens only. Session JWTs and invalid, revoked or
 * expired tokens are refused with HTTP 401 and a message that says what is wrong with the token.
 */
class McpAuthenticationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";

    @RegisterExtension
    static final TestServer server = TestServer.shared();

    @Test
    void aSessionJwtIsRefusedWithAMessageNamingTheTokensMcpTakes() throws Exception {
        TestUser person = server.users().register("auth-jwt");

        HttpResponse<String> response = post("Bearer " + person.accessToken(), INITIALIZE);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.path("code").asInt()).isEqualTo(McpProtocol.UNAUTHENTICATED);
        assertThat(error.path("message").asText()).contains("pat_live_").contains("cat_live_").contains("session token");
        // An unauthenticated body is never parsed, so the refusal cannot name the request's id.
        assertThat(JSON.readTree(response.body()).hasNonNull("id")).isFalse();

        assertRefusedBySdkClient(person.accessToken(), "session token");
    }

    @Test
    void anUnknownTokenIsRefused() throws Exception {
        String forged = "pat_live_" + UUID.randomUUID().toString().replace("-", "") + "abcdefgh";
        assertRefused("Bearer " + forged, "token is invalid, expired or revoked");
        assertRefused("Bearer cat_live_" + UUID.randomUUID().toString().replace("-", ""), "token is invalid, expired or revoked");
        assertRefusedBySdkClient(forged, "token is invalid, expired or revoked");
    }

    @Test
    void aMissingOrMalformedAuthorizationHeaderIsRefused() throws Exception {
        assertRefused(null, "Authorization: Bearer");
        assertRefused("Basic dXNlcjpwYXNz", "Authorization: Bearer");
        assertRefused("Bearer ", "Authorization: Bearer");
        assertRefusedBySdkClient(null, "Authorization: Bearer");
    }

    @Test
    void aRevokedPersonalTokenIsRefusedAtOnceEvenMidSession() throws Exception {
        TestUser person = server.users().register("auth-revoked");
        Issued pat = server.users().pat(person);
        try (McpSyncClient client = Mcp.connect(server, pat.secret())) {
            assertThat(Mcp.toolNames(client)).isNotEmpty();
            server.users().revokePat(person, pat.id());

            Mcp.assertUnauthenticated(client::listTools, "tools/list after revocation", Mcp.INVALID_TOKEN);
        }
        assertRefused("Bearer " + pat.secret(), "token is invalid, expired or revoked");
        assertRefusedBySdkClient(pat.secret(), "token is invalid, expired or revoked");
    }

    @Test
    void anExpiredPersonalTokenIsRefused() throws Exception {
        TestUser person = server.users().register("auth-expired");
        Issued pat = server.users().pat(person);
        try (McpSyncClient client = Mcp.connect(server, pat.secret())) {
            assertThat(Mcp.toolNames(client)).isNotEmpty();
        }
        server.users().expire("pat_tokens", pat.id());
        assertRefused("Bearer " + pat.secret(), "token is invalid, expired or revoked");
        assertRefusedBySdkClient(pat.secret(), "token is invalid, expired or revoked");
    }

    @Test
    void revokedAndExpiredCollectionTokensAreRefused() throws Exception {
        TestUser owner = server.users().register("auth-cat");
        String collection = server.users().defaultCollection(owner);
        Issued revoked = server.users().cat(owner, collection, Permission.READ);
        Issued expired = server.users().cat(owner, collection, Permission.READ_WRITE);
        try (McpSyncClient client = Mcp.connect(server, revoked.secret())) {
            assertThat(Mcp.toolNames(client)).hasSize(3);
        }
        server.users().revokeCat(owner, revoked.id());
        server.users().expire("cats", expired.id());

        assertRefused("Bearer " + revoked.secret(), "token is invalid, expired or revoked");
        assertRefused("Bearer " + expired.secret(), "token is invalid, expired or revoked");
        assertRefusedBySdkClient(revoked.secret(), "token is invalid, expired or revoked");
        assertRefusedBySdkClient(expired.secret(), "token is invalid, expired or revoked");
    }

    @Test
    void theTokensOfADeactivatedUserStopWorkingAtOnce() throws Exception {
        TestUser person = server.users().register("auth-deactivated");
        Issued pat = server.users().pat(person);
        Issued cat = server.users().cat(person, server.users().defaultCollection(person), Permission.READ);
        try (McpSyncClient client = Mcp.connect(server, pat.secret())) {
            assertThat(Mcp.toolNames(client)).isNotEmpty();
            server.bean(AdminService.class).update(server.users().admin().caller(), new UserId(UUID.fromString(person.id())),
                    UserChanges.activeOnly(false));
            Mcp.assertUnauthenticated(client::listTools, "tools/list of a deactivated user", Mcp.INVALID_TOKEN);
        }
        assertRefused("Bearer " + pat.secret(), "token is invalid, expired or revoked");
        assertRefused("Bearer " + cat.secret(), "token is invalid, expired or revoked");
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() throws Exception {
        TestUser person = server.users().register("auth-case");
        HttpResponse<String> response = post("bearer " + server.users().pat(person).secret(), INITIALIZE);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("result").path("serverInfo").path("name").asText()).isEqualTo("ainstruct");
    }

    /**
     * The transport lets a server without a server-to-client stream answer the client's GET (which asks for
     * {@code Accept: text/event-stream}) with 405; any other answer is not in the transport's vocabulary.
     */
    @Test
    void thereIsNoEventStreamToOpen() throws Exception {
        TestUser person = server.users().register("auth-get");
        String pat = server.users().pat(person).secret();
        HttpResponse<String> plain = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/mcp"))
                .header("Authorization", "Bearer " + pat).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> eventStream = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/mcp"))
                .header("Authorization", "Bearer " + pat)
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> delete = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/mcp"))
                .header("Authorization", "Bearer " + pat).DELETE().build(), HttpResponse.BodyHandlers.ofString());

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(plain.statusCode()).as("GET /mcp").isEqualTo(405);
        soft.assertThat(plain.headers().firstValue("Allow")).as("Allow of GET /mcp").hasValue("POST");
        soft.assertThat(eventStream.statusCode()).as("GET /mcp with Accept: text/event-stream").isEqualTo(405);
        soft.assertThat(delete.statusCode()).as("DELETE /mcp").isEqualTo(405);
        soft.assertAll();
    }

    @Test
    void withoutAValidTokenEvenAMalformedBodyIsA401NotAParseError() throws Exception {
        for (String authorization : new String[] {null, "Bearer pat_live_not-a-real-token"}) {
            HttpResponse<String> response = post(authorization, "{not json" + "x".repeat(100_000));
            assertThat(response.statusCode()).as(String.valueOf(authorization)).isEqualTo(401);
            assertThat(JSON.readTree(response.body()).path("error").path("code").asInt()).isEqualTo(McpProtocol.UNAUTHENTICATED);
        }
    }

    @Test
    void aBodyThatIsNotJsonRpcIsAParseError() throws Exception {
        TestUser person = server.users().register("auth-parse");
        HttpResponse<String> response = post("Bearer " + server.users().pat(person).secret(), "{not json");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("error").path("code").asInt()).isEqualTo(-32700);
    }

    @Test
    void anUnknownMethodIsAJsonRpcErrorAndANotificationGetsNoBody() throws Exception {
        TestUser person = server.users().register("auth-method");
        String authorization = "Bearer " + server.users().pat(person).secret();
        HttpResponse<String> unknown = post(authorization, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"resources/list\"}");
        assertThat(unknown.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(unknown.body());
        assertThat(answer.path("id").asInt()).isEqualTo(7);
        assertThat(answer.path("error").path("code").asInt()).isEqualTo(-32601);
        assertThat(answer.path("error").path("message").asText()).contains("resources/list");

        HttpResponse<String> notification = post(authorization, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        assertThat(notification.statusCode()).isEqualTo(202);
        assertThat(notification.body()).isEmpty();
    }

    private static void assertRefused(String authorization, String messageFragment) throws IOException, InterruptedException {
        HttpResponse<String> response = post(authorization, INITIALIZE);
        assertThat(response.statusCode()).as("status for %s; body %s", authorization, response.body()).isEqualTo(401);
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.path("code").asInt()).isEqualTo(McpProtocol.UNAUTHENTICATED);
        assertThat(error.path("message").asText()).contains(messageFragment);
    }

    /** The SDK client cannot even initialize, and what it throws says the token (or its absence) is the problem. */
    private static void assertRefusedBySdkClient(String token, String messageFragment) {
        try (McpSyncClient client = Mcp.http(server.baseUrl(), token)) {
            Mcp.assertUnauthenticated(client::initialize, "initialize with " + token, messageFragment);
        }
    }

    private static HttpResponse<String> post(String authorization, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/mcp"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
