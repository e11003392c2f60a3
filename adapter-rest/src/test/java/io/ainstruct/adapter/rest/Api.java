package io.ainstruct.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ainstruct.testsupport.server.TestUsers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** A plain JDK HTTP client speaking raw JSON to the server, as curl or a script would. */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;

    Api(URI base) {
        this.base = base;
    }

    record Response(int status, JsonNode body, String raw, HttpResponse<String> http) {
        String errorCode() {
            return body.path("detail").path("code").asText(null);
        }

        String text(String field) {
            return body.path(field).asText();
        }
    }

    Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    Response delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    Response post(String path, String token, Object body) {
        return send(request(path, token).POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    Response patch(String path, String token, Object body) {
        return send(request(path, token).method("PATCH", HttpRequest.BodyPublishers.ofString(json(body))));
    }

    /** {@link #post(String, String, Object)} with extra request headers, such as X-Forwarded-For. */
    Response post(String path, String token, Object body, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path, token).POST(HttpRequest.BodyPublishers.ofString(json(body)));
        headers.forEach(builder::header);
        return send(builder);
    }

    /** Sends {@code raw} exactly as given, for malformed and oversized bodies. */
    Response postRaw(String path, String token, String raw) {
        return send(request(path, token).POST(HttpRequest.BodyPublishers.ofString(raw)));
    }

    /**
     * Registers and logs in a new user; returns the access token. Only for a server in another process
     * ({@link ServerProcess}), whose use cases this JVM cannot reach; a server of this JVM makes them with
     * {@code TestServer.users()}.
     */
    String newUser(String name) {
        String username = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        Response registered = post("/api/v1/auth/register", null,
                Map.of("username", username, "email", username + "@example.org", "password", TestUsers.PASSWORD));
        if (registered.status() != 201) {
            throw new IllegalStateException("register failed: " + registered.raw());
        }
        return post("/api/v1/auth/login", null, Map.of("username", username, "password", TestUsers.PASSWORD))
                .text("access_token");
    }

    String defaultCollection(String token) {
        for (JsonNode collection : get("/api/v1/collections", token).body().path("collections")) {
            if (collection.path("name").asText().equals("default")) {
                return collection.path("collection_id").asText();
            }
        }
        throw new IllegalStateException("no default collection");
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), body, response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object body) {
        try {
            return body instanceof String text ? text : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
