package io.ainstruct.adapter.mcp;

import io.ainstruct.application.admin.AdminService;
import io.ainstruct.application.admin.MonthlyUsage;
import io.ainstruct.application.usage.ActivityRecorder;
import io.ainstruct.domain.access.Permission;
import io.ainstruct.domain.access.Scope;
import io.ainstruct.domain.usage.EntryPoint;
import io.ainstruct.domain.user.UserId;
import io.ainstruct.testsupport.server.TestServer;
import io.ainstruct.testsupport.server.TestServerProperties;
import io.ainstruct.testsupport.server.TestUser;
import io.ainstruct.testsupport.server.TestUsers;
import io.modelcontextprotocol.client.McpSyncClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.ainstruct.adapter.mcp.Mcp.args;
import static io.ainstruct.adapter.mcp.Mcp.call;
import static io.ainstruct.adapter.mcp.Mcp.list;
import static io.ainstruct.adapter.mcp.Mcp.ok;
import static org.assertj.core.api.Assertions.assertThat;

/** The user tools a superuser's admin-scoped personal access token gets over MCP, and usage counting per entry point. */
class McpAdminToolsTest {
    @RegisterExtension
    static final TestServer server = TestServer.shared();

    @Test
    void listSearchGetUpdateAndDeleteUsers() {
        TestUser admin = server.users().admin();
        TestUser target = server.users().register("managed");
        server.users().pat(target);
        server.users().cat(target, server.users().defaultCollection(target), Permission.READ);
        try (McpSyncClient client = Mcp.connect(server, server.users().pat(admin, Scope.READ, Scope.WRITE, Scope.ADMIN).secret())) {
            Map<String, Object> page = ok(client, "list_users_tool", args("limit", 500));
            assertThat(list(page, "users")).extracting(u -> u.get("username")).contains(TestServerProperties.ADMIN_USERNAME, target.username());
            assertThat(((Number) page.get("total")).intValue()).isGreaterThanOrEqualTo(2);
            assertThat(page).containsEntry("limit", 500).containsEntry("offset", 0);
            assertThat(list(ok(client, "list_users_tool", args("limit", 1, "offset", 1)), "users")).hasSize(1);

            assertThat(list(ok(client, "search_users_tool", args("query", target.username())), "users"))
                    .singleElement().satisfies(u -> assertThat(u).containsEntry("id", target.id())
                            .containsEntry("email", target.username() + "@example.org").doesNotContainKey("password_hash"));

            Map<String, Object> user = ok(client, "get_user_tool", args("user_id", target.id()));
            assertThat(user).containsEntry("id", target.id()).containsEntry("username", target.username())
                    .containsEntry("is_active", true).containsEntry("is_superuser", false)
                    .containsEntry("collection_count", 1).containsEntry("pat_count", 1).containsEntry("cat_count", 1)
                    .doesNotContainKey("password_hash");

            String renamed = "renamed-" + UUID.randomUUID().toString().substring(0, 8);
            assertThat(ok(client, "update_user_tool", args("user_id", target.id(), "username", renamed,
                    "email", renamed + "@example.org")))
                    .containsEntry("username", renamed).containsEntry("email", renamed + "@example.org")
                    .containsEntry("is_active", true);

            String targetPat = server.users().pat(target).secret();
            assertThat(ok(client, "update_user_tool", args("user_id", target.id(), "is_active", false)))
                    .containsEntry("is_active", false);
            try (McpSyncClient deactivated = Mcp.http(server.baseUrl(), targetPat)) {
                Mcp.assertUnauthenticated(deactivated::initialize, "a deactivated user's token", Mcp.INVALID_TOKEN);
            }
            call(client, "update_user_tool", args("user_id", admin.id(), "is_active", false)).failsWith("CANNOT_DEACTIVATE_SELF");

            assertThat(ok(client, "delete_user_tool", args("user_id", target.id())))
                    .containsEntry("deleted", true).containsEntry("id", target.id());
            call(client, "get_user_tool", args("user_id", target.id())).failsWith("USER_NOT_FOUND");
            call(client, "delete_user_tool", args("user_id", target.id())).failsWith("USER_NOT_FOUND");
            call(client, "delete_user_tool", args("user_id", admin.id())).failsWith("CANNOT_DELETE_SELF");
            assertThat(list(ok(client, "search_users_tool", args("query", renamed)), "users")).isEmpty();
        }
    }

    @Test
    void promotingAUserThroughMcpGivesThemTheUserTools() {
        TestUser admin = server.users().admin();
        TestUser target = server.users().register("promoted");
        try (McpSyncClient client = Mcp.connect(server, server.users().pat(admin, Scope.READ, Scope.WRITE, Scope.ADMIN).secret())) {
            assertThat(ok(client, "update_user_tool", args("user_id", target.id(), "is_superuser", true)))
                    .containsEntry("is_superuser", true);
        }
        TestUser promoted = server.users().login(target.username(), TestUsers.PASSWORD);
        try (McpSyncClient client = Mcp.connect(server, server.users().pat(promoted, Scope.READ, Scope.WRITE, Scope.ADMIN).secret())) {
            assertThat(Mcp.toolNames(client)).containsAll(List.of("list_users_tool", "get_user_tool", "delete_user_tool"));
            assertThat(ok(client, "get_user_tool", args("user_id", target.id()))).containsEntry("is_superuser", true);
        }
    }

    @Test
    void requestsOverMcpAreCountedWithTheSourceMcp() {
        TestUser person = server.users().register("usage");
        UserId userId = new UserId(UUID.fromString(person.id()));
        AdminService admin = server.bean(AdminService.class);
        ActivityRecorder recorder = server.bean(ActivityRecorder.class);
        recorder.flush();
        MonthlyUsage before = admin.monthlyUsage(server.users().admin().caller(), userId, null);

        int calls = 0;
        try (McpSyncClient client = Mcp.connect(server, server.users().pat(person).secret())) {
            client.listTools();
            calls++;
            for (int i = 0; i < 3; i++) {
                ok(client, "list_collections_tool", args());
                calls++;
            }
        }
        String cat = server.users().cat(person, server.users().defaultCollection(person), Permission.READ).secret();
        try (McpSyncClient client = Mcp.connect(server, cat)) {
            ok(client, "list_documents_tool", args());
            calls++;
        }
        recorder.flush();

        MonthlyUsage after = admin.monthlyUsage(server.users().admin().caller(), userId, null);
        long mcp = after.requests().get(EntryPoint.MCP) - before.requests().get(EntryPoint.MCP);
        assertThat(mcp).as("MCP requests counted").isGreaterThanOrEqualTo(calls);
        assertThat(after.requests().get(EntryPoint.REST)).as("nothing here went through REST")
                .isEqualTo(before.requests().get(EntryPoint.REST));
    }
}
