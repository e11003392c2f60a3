package io.ainstruct.adapter.rest;

import io.ainstruct.testsupport.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The server describes itself: an OpenAPI document and a browsable UI, served from the jar without any network. */
class OpenApiTest {
    @RegisterExtension
    static final TestServer server = TestServer.start();

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theOpenApiDocumentListsTheEndpointsAndTheBearerScheme() throws Exception {
        HttpResponse<String> document = get("/swagger/ainstruct.yml");
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body())
                .contains("openapi: 3.")
                .contains("/api/v1/documents/search:")
                .contains("/api/v1/auth/pat/{id}/rotate:")
                .contains("/api/v1/admin/users/{id}:")
                .contains("scheme: bearer")
                .contains("collection_id:").doesNotContain("collectionId:")
                .doesNotContain("name: token");
    }

    @Test
    void theUiAndItsScriptsAreServedLocally() throws Exception {
        HttpResponse<String> page = get("/swagger-ui/index.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui/res/swagger-ui-bundle.js").doesNotContain("unpkg.com").doesNotContain("cdn");
        assertThat(get("/swagger-ui/res/swagger-ui-bundle.js").statusCode()).isEqualTo(200);
    }
}
