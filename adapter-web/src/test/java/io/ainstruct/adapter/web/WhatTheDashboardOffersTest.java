package io.ainstruct.adapter.web;

import io.ainstruct.testsupport.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard offers what the application's Capabilities allow, and its forms carry the domain's field limits,
 * so the browser refuses what the server would.
 */
class WhatTheDashboardOffersTest {
    private static final String ADMIN = "root-offers";
    private static final String USERS_LINK = "href=\"/app/admin/users\"";
    private static final String ADMIN_SCOPE = "name=\"scope_admin\"";

    @RegisterExtension
    static final TestServer server = TestServer.start(Map.of("ainstruct.admin.username", ADMIN,
            "ainstruct.admin.email", "root-offers@example.org", "ainstruct.admin.password", WebClient.PASSWORD));

    @Test
    void anAdministratorIsOfferedTheUserListAndTheAdminScope() {
        WebClient root = new WebClient(server.uri());
        assertThat(root.submit("/app/login", "/app/login", Map.of("username", ADMIN, "password", WebClient.PASSWORD))
                .statusCode()).isEqualTo(303);

        String tokens = root.get("/app/tokens").body();

        assertThat(tokens).contains(USERS_LINK).contains(ADMIN_SCOPE);
    }

    @Test
    void anOrdinaryPersonIsOfferedNeither() {
        WebClient alice = new WebClient(server.uri());
        alice.registerAndLogIn("alice");

        String tokens = alice.get("/app/tokens").body();

        assertThat(tokens).contains("name=\"scope_read\"").doesNotContain(USERS_LINK).doesNotContain(ADMIN_SCOPE);
    }

    @Test
    void theFormsCarryTheDomainsFieldLimits() {
        assertThat(new WebClient(server.uri()).get("/app/register").body())
                .contains("minlength=\"3\" maxlength=\"100\"").contains("minlength=\"8\"").contains("At least 8 characters.");
        WebClient alice = new WebClient(server.uri());
        alice.registerAndLogIn("limits");

        assertThat(alice.get("/app/collections").body()).contains("name=\"name\" required maxlength=\"100\"");
        assertThat(alice.get("/app/tokens").body()).contains("name=\"label\" required maxlength=\"100\"");
        assertThat(alice.get("/app/documents/new").body()).contains("name=\"title\" required maxlength=\"500\"");
    }
}
