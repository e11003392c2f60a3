package io.ainstruct.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.ainstruct.domain.access.Permission;
import io.ainstruct.domain.access.Scope;
import io.ainstruct.testsupport.server.Issued;
import io.ainstruct.testsupport.server.TestServer;
import io.ainstruct.testsupport.server.TestServerProperties;
import io.ainstruct.testsupport.server.TestUser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yaml.snakeyaml.Yaml;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes every operation of the server's own OpenAPI document ({@code /swagger/ainstruct.yml}) with random and
 * boundary values for every path and query parameter and every body field — wrong types, nulls, huge and negative
 * numbers, long and unicode strings, malformed ids and bodies — sent with a mix of valid and invalid tokens, and
 * some values that name real objects so that the deeper code runs too. Seed and count are fixed and printed. No
 * answer may be a 5xx, every error must carry the contract's envelope, and no body may show a stack trace.
 */
class OpenApiFuzzTest {
    private static final long SEED = 20261129L;
    private static final int ROUNDS = 12;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @RegisterExtension
    static final TestServer server = TestServer.start(TestServerProperties.superuser());
    private static final Api api = new Api(server.uri());
    private static final List<String> tokens = new ArrayList<>();
    private static final List<String> knownIds = new ArrayList<>();
    private static int resent;
    private static Case lastSent;

    @BeforeAll
    static void start() {
        TestUser admin = server.users().admin();
        TestUser user = server.users().register("fuzzed");
        String collection = api.defaultCollection(user.accessToken());
        Issued pat = server.users().pat(user, Scope.READ, Scope.WRITE);
        Issued cat = server.users().cat(user, collection, Permission.READ_WRITE);
        tokens.addAll(List.of(admin.accessToken(), user.accessToken(), pat.secret(), cat.secret()));
        knownIds.addAll(List.of(admin.id(), user.id(), collection, pat.id(), cat.id(),
                Accounts.document(api, user.accessToken(), collection, "Fuzzed")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void noInputFromTheOpenApiDocumentMakesTheServerFailOrLeakItsInternals() throws Exception {
        Map<String, Object> document = new Yaml().load(CLIENT.send(HttpRequest.newBuilder(server.uri().resolve("/swagger/ainstruct.yml"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas");
        Values values = new Values(new Random(SEED), schemas);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        Case previous = null;
        for (int round = 0; round < ROUNDS; round++) {
            for (Map.Entry<String, Object> path : ((Map<String, Object>) document.get("paths")).entrySet()) {
                for (Map.Entry<String, Object> operation : ((Map<String, Object>) path.getValue()).entrySet()) {
                    for (int variant = 0; variant < 8; variant++) {
                        Case fuzzCase = values.caseFor(path.getKey(), operation.getKey(), (Map<String, Object>) operation.getValue());
                        sent++;
                        try {
                            verdict(fuzzCase, sendOnceMore(fuzzCase)).ifPresent(failures::add);
                        } catch (java.io.IOException noAnswer) {
                            failures.add("no answer (" + noAnswer.getMessage() + "): " + fuzzCase + " after " + previous);
                        }
                        previous = fuzzCase;
                    }
                }
            }
        }
        System.out.println("[OpenApiFuzzTest] seed " + SEED + ": " + sent + " requests over "
                + ((Map<String, Object>) document.get("paths")).size() + " paths, " + resent + " sent again on a new connection, "
                + failures.size() + " failures");
        assertThat(failures).as("requests answered with a 5xx, a stack trace or no envelope").isEmpty();
    }

    private static java.util.Optional<String> verdict(Case fuzzCase, HttpResponse<String> answer) {
        String body = answer.body();
        String problem = null;
        if (answer.statusCode() >= 500) {
            problem = "status " + answer.statusCode();
        } else if (body.contains("Exception") || body.contains("at io.") || body.contains("at java.") || body.contains("\tat ")) {
            problem = "stack trace or exception name in the body";
        } else if (answer.statusCode() >= 400 && !fuzzCase.method().equals("HEAD")) {
            JsonNode error = Api.JSON.nullNode();
            try {
                error = Api.JSON.readTree(body).path("detail");
            } catch (java.io.IOException notJson) {
                problem = "error body is not JSON";
            }
            if (problem == null && error.path("code").asText("").isEmpty()) {
                problem = "error without the envelope's code";
            }
        }
        return java.util.Optional.ofNullable(problem).map(p -> p + ": " + fuzzCase + " -> " + answer.statusCode() + " "
                + body.substring(0, Math.min(300, body.length())));
    }

    /**
     * A kept-alive connection the server has just closed can fail the next request before it is read (the client's
     * race, not the server's answer): such a request is sent once more, on a new connection. A server that drops the
     * request itself fails both times.
     */
    private static HttpResponse<String> sendOnceMore(Case fuzzCase) throws Exception {
        Case before = lastSent;
        lastSent = fuzzCase;
        try {
            return send(fuzzCase, CLIENT);
        } catch (java.io.IOException closedUnderUs) {
            resent++;
            System.out.println("[OpenApiFuzzTest] sent again (" + closedUnderUs.getMessage() + "): " + fuzzCase + " <- after " + before);
            return send(fuzzCase, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
        }
    }

    private static HttpResponse<String> send(Case fuzzCase, HttpClient client) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.uri() + fuzzCase.target()))
                .timeout(Duration.ofSeconds(60))
                .method(fuzzCase.method(), fuzzCase.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(fuzzCase.body()));
        if (fuzzCase.body() != null) {
            request.header("Content-Type", "application/json");
        }
        if (fuzzCase.token() != null) {
            request.header("Authorization", "Bearer " + fuzzCase.token());
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    record Case(String method, String target, String token, String body) {
        @Override
        public String toString() {
            return method + " " + target + (body == null ? "" : " " + body.substring(0, Math.min(200, body.length())));
        }
    }

    /** Random and boundary values, shaped (or deliberately misshaped) by the document's schemas. */
    private static final class Values {
        private static final List<Object> ODD = List.of("", " ", "null", "true", "0", "-1", "NaN", "1e309", "../../etc/passwd",
                "%00", "\u0000", "💥🔥", "ÄÖÜ ß", "漢字テキスト", "\u202e", "<script>alert(1)</script>", "' OR 1=1 --",
                "{\"nested\":true}", "a".repeat(600), "x".repeat(5_000));
        private static final List<Object> NUMBERS = List.of(0, -1, 1, 499, 500, 501, Integer.MAX_VALUE, Integer.MIN_VALUE,
                2_147_483_648L, -2_147_483_649L, Long.MAX_VALUE, 1e20, -1e20, 0.5, 3.14159);
        private final Random random;
        private final Map<String, Object> schemas;

        Values(Random random, Map<String, Object> schemas) {
            this.random = random;
            this.schemas = schemas;
        }

        @SuppressWarnings("unchecked")
        Case caseFor(String path, String method, Map<String, Object> operation) {
            String target = path;
            StringBuilder query = new StringBuilder();
            for (Map<String, Object> parameter : (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of())) {
                String name = (String) parameter.get("name");
                Object value = value((Map<String, Object>) parameter.get("schema"));
                String text = URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8).replace("+", "%20");
                if ("path".equals(parameter.get("in"))) {
                    target = target.replace("{" + name + "}", text.isEmpty() ? "%20" : text);
                } else if (random.nextInt(4) > 0) {
                    query.append(query.length() == 0 ? '?' : '&').append(name).append('=').append(text);
                }
            }
            String body = operation.containsKey("requestBody") ? body((Map<String, Object>) operation.get("requestBody")) : null;
            return new Case(method.toUpperCase(), target + query, token(), body);
        }

        private String token() {
            return switch (random.nextInt(8)) {
                case 0 -> null;
                case 1 -> "pat_live_" + "A".repeat(43);
                case 2 -> pick(List.of("not-a-jwt", "a.b.c", "eyJhbGciOiJub25lIn0.e30.", "cat_live_", "x".repeat(5_000)));
                default -> tokens.get(random.nextInt(tokens.size()));
            };
        }

        @SuppressWarnings("unchecked")
        private String body(Map<String, Object> requestBody) {
            int shape = random.nextInt(20);
            if (shape == 0) {
                return "{\"unterminated\": ";
            }
            if (shape == 1) {
                return json(pick(List.of(List.of(1, 2), "text", 42, Map.of())));
            }
            if (shape == 2) {
                return "null";
            }
            Map<String, Object> content = (Map<String, Object>) requestBody.get("content");
            Map<String, Object> schema = (Map<String, Object>) ((Map<String, Object>) content.values().iterator().next()).get("schema");
            return json(object(resolve(schema)));
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> object(Map<String, Object> schema) {
            Map<String, Object> body = new LinkedHashMap<>();
            Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
            for (Map.Entry<String, Object> property : properties.entrySet()) {
                if (random.nextInt(5) == 0) {
                    continue;
                }
                // Now and then a field in camelCase, which the server must refuse as unknown, cleanly.
                String name = random.nextInt(6) == 0 ? camel(property.getKey()) : property.getKey();
                body.put(name, value(resolve((Map<String, Object>) property.getValue())));
            }
            if (random.nextInt(10) == 0) {
                body.put("unexpected_field", pick(ODD));
            }
            return body;
        }

        @SuppressWarnings("unchecked")
        private Object value(Map<String, Object> schema) {
            if (random.nextInt(10) == 0) {
                return null;
            }
            if (random.nextInt(8) == 0) {
                return pick(List.of(pick(ODD), pick(NUMBERS), true, List.of("a"), Map.of("k", "v")));
            }
            String type = String.valueOf(schema.get("type"));
            return switch (type) {
                case "integer", "number" -> pick(NUMBERS);
                case "boolean" -> random.nextBoolean();
                case "array" -> Arrays.asList(value(resolve((Map<String, Object>) schema.getOrDefault("items", Map.of()))),
                        pick(ODD));
                case "object" -> schema.containsKey("properties") ? object(schema) : Map.of("key", pick(ODD), "n", pick(NUMBERS));
                default -> "uuid".equals(schema.get("format")) || random.nextInt(3) == 0
                        ? pick(List.of(pick(knownIds), UUID.randomUUID().toString(), "not-a-uuid", "00000000-0000-0000-0000-000000000000",
                        UUID.randomUUID().toString().toUpperCase(), "123e4567-e89b-12d3-a456-42661417400"))
                        : pick(List.of(pick(ODD), "read", "write", "admin", "read_write", "markdown", "default", TestServerProperties.ADMIN_USERNAME));
            };
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> resolve(Map<String, Object> schema) {
            Object ref = schema.get("$ref");
            if (ref == null) {
                return schema;
            }
            return (Map<String, Object>) schemas.get(ref.toString().substring("#/components/schemas/".length()));
        }

        private <T> T pick(List<T> choices) {
            return choices.get(random.nextInt(choices.size()));
        }

        private static String camel(String snake) {
            return java.util.regex.Pattern.compile("_([a-z])").matcher(snake).replaceAll(m -> m.group(1).toUpperCase());
        }

        private static String json(Object value) {
            try {
                return Api.JSON.writeValueAsString(value);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
