package io.ainstruct.adapter.rest;

import java.util.Map;
import java.util.UUID;

/** Content for security tests, made through the API (users and tokens come from {@code TestServer.users()}). */
final class Accounts {

    private Accounts() {
    }

    static String document(Api api, String token, String collectionId, String title) {
        Api.Response created = api.post("/api/v1/documents", token, Map.of("collection_id", collectionId, "title", title,
                "content", "# " + title + "\n\nA short passage about sourdough, " + UUID.randomUUID() + "."));
        if (created.status() != 201) {
            throw new IllegalStateException("document creation failed: " + created.raw());
        }
        return created.text("document_id");
    }
}
