package io.ainstruct.adapter.mcp.tools;

import io.ainstruct.application.access.Capability;
import io.ainstruct.application.admin.AdminService;
import io.ainstruct.application.admin.UserChanges;
import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.field.FieldLimits;
import io.ainstruct.domain.user.UserId;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/** User administration, kept on MCP for superusers' personal access tokens with the admin scope. */
@Singleton
public class AdminTools {
    private final AdminService admin;

    AdminTools(AdminService admin) {
        this.admin = admin;
    }

    public List<ToolSpec> tools() {
        return List.of(
                new ToolSpec("list_users_tool", "List users by username, with paging.",
                        Schema.object().integer("limit", "Page size; default 50.", 1, AdminService.MAX_PAGE_SIZE)
                                .integer("offset", "How many to skip; default 0.", 0, Integer.MAX_VALUE).build(),
                        Capability.ADMINISTER_USERS, (caller, args) -> {
                    var page = admin.list(caller, args.integer("limit"), args.integer("offset"));
                    return Map.of("users", page.items().stream().map(Views::user).toList(), "total", page.total(),
                            "limit", page.limit(), "offset", page.offset());
                }),
                new ToolSpec("search_users_tool", "Find users whose username or e-mail contains the text.",
                        Schema.object().text("query", "Part of a username or e-mail address", FieldLimits.USER_QUERY, true).build(),
                        Capability.ADMINISTER_USERS, (caller, args) -> Map.of("users",
                        admin.search(caller, args.string("query")).stream().map(Views::user).toList())),
                new ToolSpec("get_user_tool", "Get a user with their collection and token counts.",
                        Schema.object().uuid("user_id", "The user's id.", true).build(), Capability.ADMINISTER_USERS,
                        (caller, args) -> Views.userStats(admin.get(caller, userId(args)))),
                new ToolSpec("update_user_tool", "Change a user's e-mail, username, active or superuser flag. Deactivating "
                        + "a user ends their sessions and stops their tokens at once.",
                        Schema.object().uuid("user_id", "The user's id.", true)
                                .text("email", "New e-mail address", FieldLimits.EMAIL, false)
                                .text("username", "New username", FieldLimits.USERNAME, false)
                                .bool("is_active", "false deactivates the user.")
                                .bool("is_superuser", "true makes the user an administrator.")
                                .string("password", "A new password (8-72 bytes); ends every login of the user.", false).build(),
                        Capability.ADMINISTER_USERS, this::update),
                new ToolSpec("delete_user_tool", "Delete a user with everything they own. Administrators cannot delete themselves.",
                        Schema.object().uuid("user_id", "The user's id.", true).build(), Capability.ADMINISTER_USERS, this::delete));
    }

    private Object update(Caller caller, Args args) {
        return Views.userStats(admin.update(caller, userId(args), new UserChanges(args.optionalString("email"),
                args.optionalString("username"), args.bool("is_active"), args.bool("is_superuser"),
                args.optionalString("password"))));
    }

    private Object delete(Caller caller, Args args) {
        UserId id = userId(args);
        admin.delete(caller, id);
        return Map.of("deleted", true, "id", id.toString());
    }

    private static UserId userId(Args args) {
        return new UserId(args.id("user_id"));
    }
}
