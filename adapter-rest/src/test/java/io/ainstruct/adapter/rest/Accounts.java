package io.ainstruct.adapter.rest;

import java.util.Map;
import java.util.UUID;

/** Users for security tests: registered and logged in through the API, with everything a test may need to check. */
final class Accounts {
    static final String PASSWORD = "correct horse battery";

    private Accounts() {
    }

    /** A logged-in user: id, credentials and the session the login returned. */
    record Account(String id, String username, String password, String accessToken, String refreshToken) {
    }

    /** Registers {@code name}-xxxxxxxx and logs in. */
    static Account register(Api api, String name) {
        String username = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response registered = api.post("/api/v1/auth/register", null,
                Map.of("username", username, "email", username + "@example.org", "password", PASSWORD));
        if (registered.status() != 201) {
            throw new IllegalStateException("register " + username + " failed: " + registered.raw());
        }
        Account session = login(api, username, PASSWORD);
        return new Account(registered.text("id"), username, PASSWORD, session.accessToken(), session.refreshToken());
    }

    static Account login(Api api, String username, String password) {
        Api.Response login = api.post("/api/v1/auth/login", null, Map.of("username", username, "password", password));
        if (login.status() != 200) {
            throw new IllegalStateException("login " + username + " failed: " + login.raw());
        }
        String profileId = api.get("/api/v1/auth/profile", login.text("access_token")).text("id");
        return new Account(profileId, username, password, login.text("access_token"), login.text("refresh_token"));
    }

    /** Creates a PAT with {@code scopes}; returns {id, secret}. */
    static String[] pat(Api api, String token, String... scopes) {
        Api.Response created = api.post("/api/v1/auth/pat", token,
                Map.of("label", "pat-" + UUID.randomUUID().toString().substring(0, 8), "scopes", scopes));
        if (created.status() != 201) {
            throw new IllegalStateException("PAT creation failed: " + created.raw());
        }
        return new String[]{created.text("id"), created.text("token")};
    }

    /** Creates a CAT on {@code collectionId}; returns {id, secret}. */
    static String[] cat(Api api, String token, String collectionId, String permission) {
        Api.Response created = api.post("/api/v1/auth/cat", token, Map.of("label", "cat-" + UUID.randomUUID().toString().substring(0, 8),
                "collection_id", collectionId, "permission", permission));
        if (created.status() != 201) {
            throw new IllegalStateException("CAT creation failed: " + created.raw());
        }
        return new String[]{created.text("id"), created.text("token")};
    }

    static String collection(Api api, String token, String name) {
        Api.Response created = api.post("/api/v1/collections", token, Map.of("name", name));
        if (created.status() != 201) {
            throw new IllegalStateException("collection creation failed: " + created.raw());
        }
        return created.text("id");
    }

    static String document(Api api, String token, String collectionId, String title) {
        Api.Response created = api.post("/api/v1/documents", token, Map.of("collection_id", collectionId, "title", title,
                "content", "# " + title + "\n\nA short passage about sourdough, " + UUID.randomUUID() + "."));
        if (created.status() != 201) {
            throw new IllegalStateException("document creation failed: " + created.raw());
        }
        return created.text("id");
    }
}
