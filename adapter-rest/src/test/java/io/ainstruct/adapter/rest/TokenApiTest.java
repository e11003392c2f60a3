package io.ainstruct.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The life of personal (PAT) and collection (CAT) access tokens, and the usage they leave behind. */
class TokenApiTest {
    private static final String ADMIN_USERNAME = "token-admin";
    private static final String ADMIN_PASSWORD = "token admin password";
    /** The secret format of SPEC §2: prefix, then at least 32 URL-safe characters. */
    private static final String PAT_FORMAT = "pat_live_[A-Za-z0-9_-]{32,}";
    private static final String CAT_FORMAT = "cat_live_[A-Za-z0-9_-]{32,}";

    private static RunningServer server;
    private static Api api;
    private static Accounts.Account admin;

    @BeforeAll
    static void start() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("ainstruct.admin.username", ADMIN_USERNAME);
        properties.put("ainstruct.admin.email", "token-admin@example.org");
        properties.put("ainstruct.admin.password", ADMIN_PASSWORD);
        properties.put("ainstruct.activity-flush-interval", "200ms");
        properties.put("ainstruct.registrations-per-hour", 100_000);
        properties.put("ainstruct.login-attempts-per-minute", 100_000);
        server = RunningServer.start(properties);
        api = server.api();
        admin = Accounts.login(api, ADMIN_USERNAME, ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    // ---- personal access tokens ----------------------------------------------------------------------------------

    @Test
    void aPatSecretIsShownOnceAtCreationAndNeverListed() {
        var user = Accounts.register(api, "pat-once");
        var created = api.post("/api/v1/auth/pat", user.accessToken(), Map.of("label", "laptop", "scopes", List.of("read", "write")));
        assertThat(created.status()).isEqualTo(201);
        String secret = created.text("token");
        assertThat(secret).startsWith("pat_live_").matches(PAT_FORMAT);
        assertThat(created.body().path("scopes").toString()).isEqualTo("[\"read\",\"write\"]");
        assertThat(created.body().path("is_active").asBoolean()).isTrue();
        assertThat(created.body().path("last_used_at").isNull()).isTrue();
        // default lifetime: 90 days
        Instant expires = Instant.parse(created.text("expires_at"));
        assertThat(Duration.between(Instant.now(), expires).toHours()).isBetween(90L * 24 - 1, 90L * 24);

        var list = api.get("/api/v1/auth/pat", user.accessToken());
        assertThat(list.status()).isEqualTo(200);
        JsonNode listed = only(list.body().path("tokens"), created.text("id"));
        assertThat(listed.has("token")).as("the field is there, empty").isTrue();
        assertThat(listed.path("token").isNull()).isTrue();
        assertThat(listed.path("label").asText()).isEqualTo("laptop");
        assertThat(list.raw()).doesNotContain(secret).doesNotContain(secret.substring("pat_live_".length()));
        assertThat(list.body().path("total").asInt()).isEqualTo(1);
    }

    @Test
    void secretsAreRandomAndNeverRepeat() {
        var user = Accounts.register(api, "pat-random");
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String secret = Accounts.pat(api, user.accessToken(), "read")[1];
            assertThat(secret).matches(PAT_FORMAT);
            secrets.add(secret);
        }
        assertThat(secrets).hasSize(20);
    }

    @Test
    void lastUsedAtIsRecordedAfterUse() {
        var user = Accounts.register(api, "pat-used");
        String[] pat = Accounts.pat(api, user.accessToken(), "read");
        Instant before = Instant.now().minusSeconds(1);
        assertThat(api.get("/api/v1/auth/profile", pat[1]).status()).isEqualTo(200);

        JsonNode listed = eventually(() -> only(api.get("/api/v1/auth/pat", user.accessToken()).body().path("tokens"), pat[0]),
                token -> !token.path("last_used_at").isNull());
        assertThat(Instant.parse(listed.path("last_used_at").asText())).isAfter(before).isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void rotationIssuesANewSecretAndTheOldOneStopsAtOnce() {
        var user = Accounts.register(api, "pat-rotate");
        String[] pat = Accounts.pat(api, user.accessToken(), "read", "write");
        assertThat(api.get("/api/v1/auth/profile", pat[1]).status()).isEqualTo(200);

        var rotated = api.post("/api/v1/auth/pat/" + pat[0] + "/rotate", user.accessToken(), "");
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.text("id")).isEqualTo(pat[0]);
        String fresh = rotated.text("token");
        assertThat(fresh).matches(PAT_FORMAT).isNotEqualTo(pat[1]);

        var old = api.get("/api/v1/auth/profile", pat[1]);
        assertThat(old.status()).isEqualTo(401);
        assertThat(old.errorCode()).isEqualTo("INVALID_TOKEN");
        assertThat(api.get("/api/v1/auth/profile", fresh).status()).isEqualTo(200);
        // the listing still never shows it
        assertThat(api.get("/api/v1/auth/pat", user.accessToken()).raw()).doesNotContain(fresh);
    }

    @Test
    void revocationIsImmediateAndBothSpellingsWork() {
        var user = Accounts.register(api, "pat-revoke");
        String[] byDelete = Accounts.pat(api, user.accessToken(), "read");
        String[] byPost = Accounts.pat(api, user.accessToken(), "read");
        assertThat(api.get("/api/v1/auth/profile", byDelete[1]).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/auth/profile", byPost[1]).status()).isEqualTo(200);

        assertThat(api.delete("/api/v1/auth/pat/" + byDelete[0], user.accessToken()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/auth/profile", byDelete[1]).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/pat/" + byPost[0] + "/delete", user.accessToken(), "").status()).isEqualTo(204);
        assertThat(api.get("/api/v1/auth/profile", byPost[1]).status()).isEqualTo(401);

        JsonNode listed = only(api.get("/api/v1/auth/pat", user.accessToken()).body().path("tokens"), byDelete[0]);
        assertThat(listed.path("is_active").asBoolean()).isFalse();
        var rotateRevoked = api.post("/api/v1/auth/pat/" + byDelete[0] + "/rotate", user.accessToken(), "");
        assertThat(rotateRevoked.status()).isEqualTo(409);
        assertThat(rotateRevoked.errorCode()).isEqualTo("TOKEN_REVOKED");

        var unknown = api.delete("/api/v1/auth/pat/" + UUID.randomUUID(), user.accessToken());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("PAT_NOT_FOUND");
    }

    @Test
    void lifetimesOutsideOneTo365DaysAreRefused() {
        var user = Accounts.register(api, "pat-lifetime");
        for (int days : new int[]{0, -1, 366}) {
            var refused = api.post("/api/v1/auth/pat", user.accessToken(), Map.of("label", "x", "expires_in_days", days));
            assertThat(refused.status()).as("PAT, %d days", days).isEqualTo(422);
            assertThat(refused.errorCode()).isEqualTo("VALIDATION_ERROR");
            assertThat(refused.body().path("error").path("details").path("field").asText()).isEqualTo("expires_in_days");
            var refusedCat = api.post("/api/v1/auth/cat", user.accessToken(), Map.of("label", "x", "expires_in_days", days,
                    "collection_id", api.defaultCollection(user.accessToken())));
            assertThat(refusedCat.status()).as("CAT, %d days", days).isEqualTo(422);
        }
        for (int days : new int[]{1, 365}) {
            var created = api.post("/api/v1/auth/pat", user.accessToken(), Map.of("label", "x", "expires_in_days", days));
            assertThat(created.status()).isEqualTo(201);
            assertThat(Instant.parse(created.text("expires_at")))
                    .isCloseTo(Instant.now().plus(Duration.ofDays(days)), within(Duration.ofMinutes(1)));
        }
        assertThat(api.get("/api/v1/auth/pat", user.accessToken()).body().path("total").asInt()).isEqualTo(2);
    }

    @Test
    void anUnknownScopeIsAValidationError() {
        var user = Accounts.register(api, "pat-scope");
        var refused = api.post("/api/v1/auth/pat", user.accessToken(), Map.of("label", "x", "scopes", List.of("read", "root")));
        assertThat(refused.status()).isEqualTo(422);
        var empty = api.post("/api/v1/auth/pat", user.accessToken(), Map.of("label", "x", "scopes", List.of()));
        assertThat(empty.status()).isEqualTo(422);
    }

    @Test
    void aPatWrittenByAnotherSystemWorksByItsSha256AndExpiryIsEnforced() {
        // Tokens imported from the Python service arrive as SHA-256 hex digests only.
        var user = Accounts.register(api, "pat-import");
        String good = Forge.secret("pat_live_");
        String expired = Forge.secret("pat_live_");
        String inactive = Forge.secret("pat_live_");
        Forge.insertPat(server.databaseUrl, user.id(), good, Instant.now().plus(Duration.ofDays(3)), true, "read");
        Forge.insertPat(server.databaseUrl, user.id(), expired, Instant.now().minusSeconds(1), true, "read");
        Forge.insertPat(server.databaseUrl, user.id(), inactive, Instant.now().plus(Duration.ofDays(3)), false, "read");

        assertThat(api.get("/api/v1/auth/profile", good).text("id")).isEqualTo(user.id());
        for (String refused : new String[]{expired, inactive}) {
            var response = api.get("/api/v1/auth/profile", refused);
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.errorCode()).isEqualTo("INVALID_TOKEN");
        }
        // An expired token is rejected exactly like a wrong one.
        var wrong = api.get("/api/v1/auth/profile", Forge.secret("pat_live_"));
        assertThat(api.get("/api/v1/auth/profile", expired).raw()).isEqualTo(wrong.raw());
    }

    // ---- collection access tokens --------------------------------------------------------------------------------

    @Test
    void aCatSecretIsShownOnceAndWorksOnItsCollection() {
        var user = Accounts.register(api, "cat-once");
        String collection = api.defaultCollection(user.accessToken());
        var created = api.post("/api/v1/auth/cat", user.accessToken(),
                Map.of("label", "agent", "collection_id", collection, "permission", "read_write"));
        assertThat(created.status()).isEqualTo(201);
        String secret = created.text("token");
        assertThat(secret).startsWith("cat_live_").matches(CAT_FORMAT);
        assertThat(created.text("permission")).isEqualTo("read_write");
        assertThat(created.text("collection_id")).isEqualTo(collection);
        assertThat(created.text("collection_name")).isEqualTo("default");

        var list = api.get("/api/v1/auth/cat", user.accessToken());
        JsonNode listed = only(list.body().path("tokens"), created.text("id"));
        assertThat(listed.path("token").isNull()).isTrue();
        assertThat(list.raw()).doesNotContain(secret);

        assertThat(api.post("/api/v1/documents", secret, Map.of("collection_id", collection, "title", "t", "content", "by an agent"))
                .status()).isEqualTo(201);
        JsonNode used = eventually(() -> only(api.get("/api/v1/auth/cat", user.accessToken()).body().path("tokens"), created.text("id")),
                token -> !token.path("last_used_at").isNull());
        assertThat(used.path("last_used_at").asText()).isNotBlank();
    }

    @Test
    void aCatDefaultsToReadAndRefusesAnUnknownPermission() {
        var user = Accounts.register(api, "cat-permission");
        String collection = api.defaultCollection(user.accessToken());
        var created = api.post("/api/v1/auth/cat", user.accessToken(), Map.of("label", "agent", "collection_id", collection));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("permission")).isEqualTo("read");
        var refused = api.post("/api/v1/auth/cat", user.accessToken(),
                Map.of("label", "agent", "collection_id", collection, "permission", "admin"));
        assertThat(refused.status()).isEqualTo(422);
    }

    @Test
    void aCatOnSomeoneElsesCollectionDoesNotExist() {
        var owner = Accounts.register(api, "cat-owner");
        var other = Accounts.register(api, "cat-other");
        var refused = api.post("/api/v1/auth/cat", other.accessToken(),
                Map.of("label", "steal", "collection_id", api.defaultCollection(owner.accessToken()), "permission", "read"));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.errorCode()).isEqualTo("COLLECTION_NOT_FOUND");
        var unknown = api.post("/api/v1/auth/cat", other.accessToken(),
                Map.of("label", "ghost", "collection_id", UUID.randomUUID().toString(), "permission", "read"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("COLLECTION_NOT_FOUND");
        assertThat(api.get("/api/v1/auth/cat", other.accessToken()).body().path("total").asInt()).isZero();
    }

    @Test
    void listingCatsFiltersByCollectionAndNamesIt() {
        var user = Accounts.register(api, "cat-list");
        String recipes = Accounts.collection(api, user.accessToken(), "recipes");
        String notes = Accounts.collection(api, user.accessToken(), "notes");
        String recipesCat = Accounts.cat(api, user.accessToken(), recipes, "read")[0];
        String notesCat1 = Accounts.cat(api, user.accessToken(), notes, "read")[0];
        String notesCat2 = Accounts.cat(api, user.accessToken(), notes, "read_write")[0];

        var all = api.get("/api/v1/auth/cat", user.accessToken());
        assertThat(all.body().path("tokens").findValuesAsText("id")).containsExactlyInAnyOrder(recipesCat, notesCat1, notesCat2);
        assertThat(all.body().path("total").asInt()).isEqualTo(3);

        var filtered = api.get("/api/v1/auth/cat?collection_id=" + notes, user.accessToken());
        assertThat(filtered.status()).isEqualTo(200);
        assertThat(filtered.body().path("tokens").findValuesAsText("id")).containsExactlyInAnyOrder(notesCat1, notesCat2);
        assertThat(filtered.body().path("tokens").findValuesAsText("collection_name")).containsOnly("notes");
        assertThat(filtered.body().path("tokens").findValuesAsText("collection_id")).containsOnly(notes);
        assertThat(filtered.body().path("total").asInt()).isEqualTo(2);

        var badId = api.get("/api/v1/auth/cat?collection_id=not-a-uuid", user.accessToken());
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.errorCode()).isEqualTo("INVALID_ID");
    }

    @Test
    void catRotationAndRevocationAreImmediate() {
        var user = Accounts.register(api, "cat-rotate");
        String collection = api.defaultCollection(user.accessToken());
        String[] cat = Accounts.cat(api, user.accessToken(), collection, "read");
        assertThat(api.get("/api/v1/documents", cat[1]).status()).isEqualTo(200);

        var rotated = api.post("/api/v1/auth/cat/" + cat[0] + "/rotate", user.accessToken(), "");
        assertThat(rotated.status()).isEqualTo(200);
        String fresh = rotated.text("token");
        assertThat(fresh).matches(CAT_FORMAT).isNotEqualTo(cat[1]);
        assertThat(rotated.text("collection_name")).isEqualTo("default");
        assertThat(api.get("/api/v1/documents", cat[1]).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/documents", fresh).status()).isEqualTo(200);

        assertThat(api.post("/api/v1/auth/cat/" + cat[0] + "/delete", user.accessToken(), "").status()).isEqualTo(204);
        assertThat(api.get("/api/v1/documents", fresh).status()).isEqualTo(401);
        var rotateRevoked = api.post("/api/v1/auth/cat/" + cat[0] + "/rotate", user.accessToken(), "");
        assertThat(rotateRevoked.status()).isEqualTo(409);
        assertThat(rotateRevoked.errorCode()).isEqualTo("TOKEN_REVOKED");

        String[] other = Accounts.cat(api, user.accessToken(), collection, "read");
        assertThat(api.delete("/api/v1/auth/cat/" + other[0], user.accessToken()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/documents", other[1]).status()).isEqualTo(401);
        assertThat(api.delete("/api/v1/auth/cat/" + UUID.randomUUID(), user.accessToken()).errorCode()).isEqualTo("CAT_NOT_FOUND");
    }

    @Test
    void aCollectionWithAnActiveCatCannotBeDeletedUntilItIsRevoked() {
        var user = Accounts.register(api, "cat-guard");
        String collection = Accounts.collection(api, user.accessToken(), "guarded");
        String[] cat = Accounts.cat(api, user.accessToken(), collection, "read");
        assertThat(api.get("/api/v1/collections/" + collection, user.accessToken()).body().path("cat_count").asInt()).isEqualTo(1);

        var refused = api.delete("/api/v1/collections/" + collection, user.accessToken());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("COLLECTION_HAS_ACTIVE_CATS");
        assertThat(api.get("/api/v1/collections/" + collection, user.accessToken()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/documents", cat[1]).status()).isEqualTo(200);

        assertThat(api.delete("/api/v1/auth/cat/" + cat[0], user.accessToken()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/collections/" + collection, user.accessToken()).body().path("cat_count").asInt()).isZero();
        assertThat(api.delete("/api/v1/collections/" + collection, user.accessToken()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/collections/" + collection, user.accessToken()).status()).isEqualTo(404);
    }

    // ---- deactivation and usage -----------------------------------------------------------------------------------

    @Test
    void deactivatingAUserStopsTheirSessionsAndTokensAtOnce() {
        var user = Accounts.register(api, "deactivated");
        String pat = Accounts.pat(api, user.accessToken(), "read", "write")[1];
        String cat = Accounts.cat(api, user.accessToken(), api.defaultCollection(user.accessToken()), "read_write")[1];
        assertThat(api.get("/api/v1/auth/profile", pat).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/documents", cat).status()).isEqualTo(200);

        var patched = api.patch("/api/v1/admin/users/" + user.id(), admin.accessToken(), Map.of("is_active", false));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.body().path("is_active").asBoolean()).isFalse();

        // no wait: the very next requests are refused
        assertThat(api.get("/api/v1/auth/profile", pat).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/documents", cat).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/auth/profile", user.accessToken()).status()).isEqualTo(401);
        var refresh = api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", user.refreshToken()));
        assertThat(refresh.status()).isEqualTo(401);
        assertThat(refresh.errorCode()).isEqualTo("INVALID_REFRESH_TOKEN");
        var login = api.post("/api/v1/auth/login", null, Map.of("username", user.username(), "password", user.password()));
        assertThat(login.status()).isEqualTo(403);
        assertThat(login.errorCode()).isEqualTo("ACCOUNT_DISABLED");
    }

    @Test
    void usageCountsAuthenticatedRestRequestsPerMonth() {
        var user = Accounts.register(api, "usage");
        String pat = Accounts.pat(api, user.accessToken(), "read")[1];
        int requests = 7;
        for (int i = 0; i < requests; i++) {
            assertThat(api.get("/api/v1/collections", i % 2 == 0 ? pat : user.accessToken()).status()).isEqualTo(200);
        }
        String month = YearMonth.now(ZoneOffset.UTC).toString();

        JsonNode usage = eventually(() -> api.get("/api/v1/admin/usage/" + user.id(), admin.accessToken()).body(),
                body -> body.path("rest").asLong() >= requests);
        assertThat(usage.path("user_id").asText()).isEqualTo(user.id());
        assertThat(usage.path("year_month").asText()).isEqualTo(month);
        assertThat(usage.path("mcp").asLong()).isZero();
        assertThat(usage.path("total").asLong()).isEqualTo(usage.path("rest").asLong());

        var history = api.get("/api/v1/admin/usage/" + user.id() + "/history", admin.accessToken());
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body().path("months").findValuesAsText("year_month")).containsExactly(month);
        assertThat(history.body().path("months").get(0).path("rest").asLong()).isGreaterThanOrEqualTo(requests);

        var unknown = api.get("/api/v1/admin/usage/" + UUID.randomUUID(), admin.accessToken());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("USER_NOT_FOUND");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static JsonNode only(JsonNode tokens, String id) {
        for (JsonNode token : tokens) {
            if (token.path("id").asText().equals(id)) {
                return token;
            }
        }
        throw new AssertionError("token " + id + " is not listed in " + tokens);
    }

    /** Polls for up to ten seconds: activity is written by a background flush. */
    private static <T> T eventually(Supplier<T> probe, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still not there after 10 s: " + last);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = probe.get();
        }
        return last;
    }
}
