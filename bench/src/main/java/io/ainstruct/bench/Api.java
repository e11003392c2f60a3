package io.ainstruct.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A small client of the REST API, as an agent would use it: JSON over HTTP/1.1 with a bearer token. */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();

    record Reply(int status, JsonNode body, String raw) {
    }

    private final HttpClient http;
    private final String base;
    private volatile String token;

    Api(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    String base() {
        return base;
    }

    String token() {
        return token;
    }

    void signUpAndLogIn(String username, String password) throws IOException, InterruptedException {
        Reply registered = post("/api/v1/auth/register",
                Map.of("username", username, "email", username + "@bench.example.org", "password", password));
        expect(registered, 201, "register");
        logIn(username, password);
    }

    void logIn(String username, String password) throws IOException, InterruptedException {
        token = null;
        Reply login = post("/api/v1/auth/login", Map.of("username", username, "password", password));
        expect(login, 200, "login");
        token = login.body().get("access_token").asText();
    }

    /** Issues a personal access token (read, write) with the current session and returns its secret. */
    String issuePersonalAccessToken(String label) throws IOException, InterruptedException {
        Reply issued = post("/api/v1/auth/pat", Map.of("label", label, "scopes", List.of("read", "write")));
        expect(issued, 201, "issue a personal access token");
        return issued.body().get("token").asText();
    }

    /** Sends every later request with this bearer token. */
    void useToken(String bearer) {
        token = bearer;
    }

    String createCollection(String name) throws IOException, InterruptedException {
        Reply created = post("/api/v1/collections", Map.of("name", name));
        expect(created, 201, "create collection");
        return created.body().get("collection_id").asText();
    }

    Reply post(String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        return send(request);
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET());
    }

    /** Sends without reading the body as JSON: for load loops, where parsing would cost the client CPU. */
    int getStatusOnly(String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = null;
        String raw = response.body();
        if (raw != null && !raw.isEmpty() && (raw.startsWith("{") || raw.startsWith("["))) {
            body = JSON.readTree(raw);
        }
        return new Reply(response.statusCode(), body, raw);
    }

    static void expect(Reply reply, int status, String what) {
        if (reply.status() != status) {
            throw new IllegalStateException(what + " answered " + reply.status() + ": " + abbreviate(reply.raw()));
        }
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
