package io.ainstruct.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.ainstruct.domain.access.Permission;
import io.ainstruct.domain.access.Scope;
import io.ainstruct.testsupport.server.Issued;
import io.ainstruct.testsupport.server.TestServer;
import io.ainstruct.testsupport.server.TestServerProperties;
import io.ainstruct.testsupport.server.TestUser;
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
    /** The secret format of SPEC §2: prefix, then at least 32 URL-safe characters. */
    private static final String PAT_FORMAT = "pat_live_[A-Za-z0-9_-]{32,}";
    private static final String CAT_FORMAT = "cat_live_[A-Za-z0-9_-]{32,}";

    private static TestServer server;
    private static Api api;
    private static TestUser admin;

    @BeforeAll
    static void start() {
        Map<String, Object> properties = new HashMap<>(TestServerProperties.superuser());
        properties.put("ainstruct.activity-flush-interval", "200ms");
        server = TestServer.start(properties);
        api = new Api(server.uri());
        admin = server.users().admin();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    // ---- personal access tokens ----------------------------------------------------------------------------------

    @Test
    void aPatSecretIsShownOnceAtCreationAndNeverListed() {
        var user = server.users().register("pat-once");
        var created = api.post("/api/v1/auth/pat", user.accessToken(), Map.of("label", "laptop", "scopes", List.of("read", "write")));
        assertThat(created.status()).isEqualTo(201);
        String secret = created.text("token");
        assertThat(secret).startsWith("pat_live_").matches(PAT_FORMAT);
        assertThat(created.body().path("scopes").toString()).isEqualTo("[\"read\",\"write\"]");
        assertThat(created.body().path("is_active").asBoolean()).isTrue();
        assertThat(created.body().path("last_used").isNull()).isTrue();
        // default lifetime: 90 days
        Instant expires = Instant.parse(created.text("expires_at"));
        assertThat(Duration.between(Instant.now(), expires).toHours()).isBetween(90L * 24 - 1, 90L * 24);

        var list = api.get("/api/v1/auth/pat", user.accessToken());
        assertThat(list.status()).isEqualTo(200);
        JsonNode listed = only(list.body().path("tokens"), created.text("pat_id"));
        assertThat(listed.has("token")).as("the field is there, empty").isTrue();
        assertThat(listed.path("token").isNull()).isTrue();
        assertThat(listed.path("label").asText()).isEqualTo("laptop");
        assertThat(list.raw()).doesNotContain(secret).doesNotContain(secret.substring("pat_live_".length()));
        assertThat(list.body().path("total").asInt()).isEqualTo(1);
    }

    /**
     * A leaked write token used to mint a fresh 365-day token and rotate itself, outliving its revocation. Now managing
     * tokens takes a session or the {@code tokens} scope, and a token's children never outlive it.
     */
    @Test
    void aPatCannotMintALongerLivedToken() {
        var user = server.users().register("pat-minter");
        String writer = api.post("/api/v1/auth/pat", user.accessToken(), Map.of("label", "writer",
                "scopes", List.of("read", "write"))).text("token");
        var minted = api.post("/api/v1/auth/pat", writer, Map.of("label", "child", "expires_in_days", 365));
        assertThat(minted.status()).isEqualTo(403);
        assertThat(minted.errorCode()).isEqualTo("INSUFFICIENT_SCOPE");
        String collection = api.defaultCollection(user.accessToken());
        assertThat(api.post("/api/v1/auth/cat", writer, Map.of("label", "agent", "collection_id", collection)).status())
                .isEqualTo(403);

        var manager = api.post("/api/v1/auth/pat", user.accessToken(), Map.of("label", "manager",
                "scopes", List.of("read", "tokens"), "expires_in_days", 2));
        Instant managerExpires = Instant.parse(manager.text("expires_at"));
        var child = api.post("/api/v1/auth/pat", manager.text("token"), Map.of("label", "child", "scopes", List.of("read"),
                "expires_in_days", 365));
        assertThat(child.status()).isEqualTo(201);
        assertThat(Instant.parse(child.text("expires_at"))).isEqualTo(managerExpires);
        var cat = api.post("/api/v1/auth/cat", user.accessToken(), Map.of("label", "long agent", "collection_id", collection,
                "expires_in_days", 365));
        var rotated = api.post("/api/v1/auth/cat/" + cat.text("cat_id") + "/rotate", manager.text("token"), "");
        assertThat(rotated.status()).isEqualTo(403);
        assertThat(rotated.errorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void secretsAreRandomAndNeverRepeat() {
        var user = server.users().register("pat-random");
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String secret = server.users().pat(user, Scope.READ).secret();
            assertThat(secret).matches(PAT_FORMAT);
            secrets.add(secret);
        }
        assertThat(secrets).hasSize(20);
    }

    @Test
    void lastUsedAtIsRecordedAfterUse() {
        var user = server.users().register("pat-used");
        Issued pat = server.users().pat(user, Scope.READ);
        Instant before = Instant.now().minusSeconds(1);
        assertThat(api.get("/api/v1/auth/profile", pat.secret()).status()).isEqualTo(200);

        JsonNode listed = eventually(() -> only(api.get("/api/v1/auth/pat", user.accessToken()).body().path("tokens"), pat.id()),
                token -> !token.path("last_used").isNull());
        assertThat(Instant.parse(listed.path("last_used").asText())).isAfter(before).isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void rotationIssuesANewSecretAndTheOldOneStopsAtOnce() {
        var user = server.users().register("pat-rotate");
        Issued pat = server.users().pat(user, Scope.READ, Scope.WRITE);
        assertThat(api.get("/api/v1/auth/profile", pat.secret()).status()).isEqualTo(200);

        var rotated = api.post("/api/v1/auth/pat/" + pat.id() + "/rotate", user.accessToken(), "");
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.text("pat_id")).isEqualTo(pat.id());
        String fresh = rotated.text("token");
        assertThat(fresh).matches(PAT_FORMAT).isNotEqualTo(pat.secret());

        var old = api.get("/api/v1/auth/profile", pat.secret());
        assertThat(old.status()).isEqualTo(401);
        assertThat(old.errorCode()).isEqualTo("INVALID_TOKEN");
        assertThat(api.get("/api/v1/auth/profile", fresh).status()).isEqualTo(200);
        // the listing still never shows it
        assertThat(api.get("/api/v1/auth/pat", user.accessToken()).raw()).doesNotContain(fresh);
    }

    @Test
    void revocationIsImmediateAndBothSpellingsWork() {
        var user = server.users().register("pat-revoke");
        Issued byDelete = server.users().pat(user, Scope.READ);
        Issued byPost = server.users().pat(user, Scope.READ);
        assertThat(api.get("/api/v1/auth/profile", byDelete.secret()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/auth/profile", byPost.secret()).status()).isEqualTo(200);

        assertThat(api.delete("/api/v1/auth/pat/" + byDelete.id(), user.accessToken()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/auth/profile", byDelete.secret()).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/pat/" + byPost.id() + "/delete", user.accessToken(), "").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/auth/profile", byPost.secret()).status()).isEqualTo(401);

        JsonNode listed = only(api.get("/api/v1/auth/pat", user.accessToken()).body().path("tokens"), byDelete.id());
        assertThat(listed.path("is_active").asBoolean()).isFalse();
        var rotateRevoked = api.post("/api/v1/auth/pat/" + byDelete.id() + "/rotate", user.accessToken(), "");
        assertThat(rotateRevoked.status()).isEqualTo(409);
        assertThat(rotateRevoked.errorCode()).isEqualTo("TOKEN_REVOKED");

        var unknown = api.delete("/api/v1/auth/pat/" + UUID.randomUUID(), user.accessToken());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("PAT_NOT_FOUND");
    }

    @Test
    void lifetimesOutsideOneTo365DaysAreRefused() {
        var user = server.users().register("pat-lifetime");
        for (int days : new int[]{0, -1, 366}) {
            var refused = api.post("/api/v1/auth/pat", user.accessToken(), Map.of("label", "x", "expires_in_days", days));
            assertThat(refused.status()).as("PAT, %d days", days).isEqualTo(422);
            assertThat(refused.errorCode()).isEqualTo("VALIDATION_ERROR");
            assertThat(refused.body().path("detail").path("details").path("field").asText()).isEqualTo("expires_in_days");
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
        var user = server.users().register("pat-scope");
        var refused = api.post("/api/v1/auth/pat", user.accessToken(), Map.of("label", "x", "scopes", List.of("read", "root")));
        assertThat(refused.status()).isEqualTo(422);
        var empty = api.post("/api/v1/auth/pat", user.accessToken(), Map.of("label", "x", "scopes", List.of()));
        assertThat(empty.status()).isEqualTo(422);
    }

    @Test
    void aPatWrittenByAnotherSystemWorksByItsSha256AndExpiryIsEnforced() {
        // Tokens imported from the Python service arrive as SHA-256 hex digests only.
        var user = server.users().register("pat-import");
        String good = Forge.secret("pat_live_");
        String expired = Forge.secret("pat_live_");
        String inactive = Forge.secret("pat_live_");
        Forge.insertPat(server.databaseUrl(), user.id(), good, Instant.now().plus(Duration.ofDays(3)), true, "read");
        Forge.insertPat(server.databaseUrl(), user.id(), expired, Instant.now().minusSeconds(1), true, "read");
        Forge.insertPat(server.databaseUrl(), user.id(), inactive, Instant.now().plus(Duration.ofDays(3)), false, "read");

        assertThat(api.get("/api/v1/auth/profile", good).text("user_id")).isEqualTo(user.id());
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
        var user = server.users().register("cat-once");
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
        JsonNode listed = only(list.body().path("tokens"), created.text("cat_id"));
        assertThat(listed.path("token").isNull()).isTrue();
        assertThat(list.raw()).doesNotContain(secret);

        assertThat(api.post("/api/v1/documents", secret, Map.of("collection_id", collection, "title", "t", "content", "by an agent"))
                .status()).isEqualTo(201);
        JsonNode used = eventually(() -> only(api.get("/api/v1/auth/cat", user.accessToken()).body().path("tokens"), created.text("cat_id")),
                token -> !token.path("last_used").isNull());
        assertThat(used.path("last_used").asText()).isNotBlank();
    }

    @Test
    void aCatDefaultsToReadAndRefusesAnUnknownPermission() {
        var user = server.users().register("cat-permission");
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
        var owner = server.users().register("cat-owner");
        var other = server.users().register("cat-other");
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
        var user = server.users().register("cat-list");
        String recipes = server.users().createCollection(user, "recipes");
        String notes = server.users().createCollection(user, "notes");
        String recipesCat = server.users().cat(user, recipes, Permission.READ).id();
        String notesCat1 = server.users().cat(user, notes, Permission.READ).id();
        String notesCat2 = server.users().cat(user, notes, Permission.READ_WRITE).id();

        var all = api.get("/api/v1/auth/cat", user.accessToken());
        assertThat(all.body().path("tokens").findValuesAsText("cat_id")).containsExactlyInAnyOrder(recipesCat, notesCat1, notesCat2);
        assertThat(all.body().path("total").asInt()).isEqualTo(3);

        var filtered = api.get("/api/v1/auth/cat?collection_id=" + notes, user.accessToken());
        assertThat(filtered.status()).isEqualTo(200);
        assertThat(filtered.body().path("tokens").findValuesAsText("cat_id")).containsExactlyInAnyOrder(notesCat1, notesCat2);
        assertThat(filtered.body().path("tokens").findValuesAsText("collection_name")).containsOnly("notes");
        assertThat(filtered.body().path("tokens").findValuesAsText("collection_id")).containsOnly(notes);
        assertThat(filtered.body().path("total").asInt()).isEqualTo(2);

        var badId = api.get("/api/v1/auth/cat?collection_id=not-a-uuid", user.accessToken());
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.errorCode()).isEqualTo("INVALID_ID");
    }

    @Test
    void catRotationAndRevocationAreImmediate() {
        var user = server.users().register("cat-rotate");
        String collection = api.defaultCollection(user.accessToken());
        Issued cat = server.users().cat(user, collection, Permission.READ);
        assertThat(api.get("/api/v1/documents", cat.secret()).status()).isEqualTo(200);

        var rotated = api.post("/api/v1/auth/cat/" + cat.id() + "/rotate", user.accessToken(), "");
        assertThat(rotated.status()).isEqualTo(200);
        String fresh = rotated.text("token");
        assertThat(fresh).matches(CAT_FORMAT).isNotEqualTo(cat.secret());
        assertThat(rotated.text("collection_name")).isEqualTo("default");
        assertThat(api.get("/api/v1/documents", cat.secret()).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/documents", fresh).status()).isEqualTo(200);

        assertThat(api.post("/api/v1/auth/cat/" + cat.id() + "/delete", user.accessToken(), "").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/documents", fresh).status()).isEqualTo(401);
        var rotateRevoked = api.post("/api/v1/auth/cat/" + cat.id() + "/rotate", user.accessToken(), "");
        assertThat(rotateRevoked.status()).isEqualTo(409);
        assertThat(rotateRevoked.errorCode()).isEqualTo("TOKEN_REVOKED");

        Issued other = server.users().cat(user, collection, Permission.READ);
        assertThat(api.delete("/api/v1/auth/cat/" + other.id(), user.accessToken()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/documents", other.secret()).status()).isEqualTo(401);
        assertThat(api.delete("/api/v1/auth/cat/" + UUID.randomUUID(), user.accessToken()).errorCode()).isEqualTo("CAT_NOT_FOUND");
    }

    @Test
    void aCollectionWithAnActiveCatCannotBeDeletedUntilItIsRevoked() {
        var user = server.users().register("cat-guard");
        String collection = server.users().createCollection(user, "guarded");
        Issued cat = server.users().cat(user, collection, Permission.READ);
        assertThat(api.get("/api/v1/collections/" + collection, user.accessToken()).body().path("cat_count").asInt()).isEqualTo(1);

        var refused = api.delete("/api/v1/collections/" + collection, user.accessToken());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("COLLECTION_HAS_ACTIVE_CATS");
        assertThat(api.get("/api/v1/collections/" + collection, user.accessToken()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/documents", cat.secret()).status()).isEqualTo(200);

        assertThat(api.delete("/api/v1/auth/cat/" + cat.id(), user.accessToken()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/collections/" + collection, user.accessToken()).body().path("cat_count").asInt()).isZero();
        assertThat(api.delete("/api/v1/collections/" + collection, user.accessToken()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/collections/" + collection, user.accessToken()).status()).isEqualTo(404);
    }

    // ---- deactivation and usage -----------------------------------------------------------------------------------

    @Test
    void deactivatingAUserStopsTheirSessionsAndTokensAtOnce() {
        var user = server.users().register("deactivated");
        String pat = server.users().pat(user, Scope.READ, Scope.WRITE).secret();
        String cat = server.users().cat(user, api.defaultCollection(user.accessToken()), Permission.READ_WRITE).secret();
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
        var user = server.users().register("usage");
        String pat = server.users().pat(user, Scope.READ).secret();
        int requests = 7;
        for (int i = 0; i < requests; i++) {
            assertThat(api.get("/api/v1/collections", i % 2 == 0 ? pat : user.accessToken()).status()).isEqualTo(200);
        }
        String month = YearMonth.now(ZoneOffset.UTC).toString();

        JsonNode usage = eventually(() -> api.get("/api/v1/admin/usage/" + user.id(), admin.accessToken()).body(),
                body -> body.path("api_requests").asLong() >= requests);
        assertThat(usage.path("user_id").asText()).isEqualTo(user.id());
        assertThat(usage.path("year_month").asText()).isEqualTo(month);
        assertThat(usage.path("mcp_requests").asLong()).isZero();
        assertThat(usage.path("total_requests").asLong()).isEqualTo(usage.path("api_requests").asLong());

        var history = api.get("/api/v1/admin/usage/" + user.id() + "/history", admin.accessToken());
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body().path("history").findValuesAsText("year_month")).containsExactly(month);
        assertThat(history.body().path("history").get(0).path("api_requests").asLong()).isGreaterThanOrEqualTo(requests);

        var unknown = api.get("/api/v1/admin/usage/" + UUID.randomUUID(), admin.accessToken());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("USER_NOT_FOUND");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static JsonNode only(JsonNode tokens, String id) {
        for (JsonNode token : tokens) {
            if (id.equals(token.path("pat_id").asText()) || id.equals(token.path("cat_id").asText())) {
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
