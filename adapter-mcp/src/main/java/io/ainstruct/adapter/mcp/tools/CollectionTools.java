package io.ainstruct.adapter.mcp.tools;

import io.ainstruct.application.access.Capability;
import io.ainstruct.application.collection.CollectionService;
import io.ainstruct.application.token.CollectionTokenService;
import io.ainstruct.application.token.TokenRequest;
import io.ainstruct.application.token.TokenRotation;
import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.access.Permission;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.field.FieldLimits;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Collections and their access tokens: for personal access tokens only. */
@Singleton
public class CollectionTools {
    private final CollectionService collections;
    private final CollectionTokenService tokens;

    CollectionTools(CollectionService collections, CollectionTokenService tokens) {
        this.collections = collections;
        this.tokens = tokens;
    }

    public List<ToolSpec> tools() {
        return List.of(
                new ToolSpec("create_collection_tool", "Create a collection (a named set of documents).",
                        Schema.object().text("name", "Name, unique among the user's collections", FieldLimits.COLLECTION_NAME, true).build(),
                        Capability.MANAGE_ACCOUNT, (caller, args) -> Views.collection(collections.create(caller, args.string("name")))),
                new ToolSpec("list_collections_tool", "List the user's collections with document and active token counts.",
                        Schema.object().build(), Capability.READ_ACCOUNT,
                        (caller, args) -> Map.of("collections", collections.list(caller).stream().map(Views::collection).toList())),
                new ToolSpec("get_collection_tool", "Get one collection with its counts.",
                        Schema.object().uuid("collection_id", "The collection's id.", true).build(), Capability.READ_ACCOUNT,
                        (caller, args) -> Views.collection(collections.get(caller, collectionId(args)))),
                new ToolSpec("rename_collection_tool", "Rename a collection.",
                        Schema.object().uuid("collection_id", "The collection's id.", true)
                                .text("name", "The new name", FieldLimits.COLLECTION_NAME, true).build(), Capability.MANAGE_ACCOUNT,
                        (caller, args) -> Views.collection(collections.rename(caller, collectionId(args), args.string("name")))),
                new ToolSpec("delete_collection_tool", "Delete a collection with all its documents. Refused while an active "
                        + "collection access token reaches it: revoke those first.",
                        Schema.object().uuid("collection_id", "The collection's id.", true).build(), Capability.MANAGE_ACCOUNT,
                        this::deleteCollection),
                new ToolSpec("create_collection_access_token_tool", "Create a collection access token (cat_live_...) that "
                        + "reaches one collection only, read or read_write. The secret is in the result once; store it.",
                        Schema.object().uuid("collection_id", "The collection the token reaches.", true)
                                .text("label", "What the token is for", FieldLimits.TOKEN_LABEL, true)
                                .choice("permission", "read (default) or read_write.", List.of("read", "read_write"), false)
                                .integer("expires_in_days", "Lifetime in days; default 90.", 1, TokenRequest.MAX_DAYS).build(),
                        Capability.MANAGE_TOKENS, this::createToken),
                new ToolSpec("list_collection_access_tokens_tool", "List collection access tokens (never their secrets).",
                        Schema.object().uuid("collection_id", "Only tokens of this collection.", false).build(),
                        Capability.READ_ACCOUNT, (caller, args) -> Map.of("tokens", tokens.list(caller,
                        args.optionalId("collection_id").map(CollectionId::new)).stream().map(Views::collectionToken).toList())),
                new ToolSpec("revoke_collection_access_token_tool", "Revoke a collection access token; it stops working at once.",
                        Schema.object().uuid("token_id", "The token's id (not its secret).", true).build(),
                        Capability.MANAGE_TOKENS, this::revokeToken),
                new ToolSpec("rotate_collection_access_token_tool", "Replace a collection access token's secret; the old "
                        + "secret stops working at once. The new secret is in the result once.",
                        Schema.object().uuid("token_id", "The token's id (not its secret).", true).build(),
                        Capability.MANAGE_TOKENS, (caller, args) -> Views.issued(tokens.rotate(caller, args.id("token_id"), TokenRotation.SECRET_ONLY))));
    }

    private Object deleteCollection(Caller caller, Args args) {
        CollectionId id = collectionId(args);
        collections.delete(caller, id);
        return Map.of("deleted", true, "id", id.toString());
    }

    private Object createToken(Caller caller, Args args) {
        Permission permission = args.optionalString("permission").map(text -> Permission.parse("permission", text)).orElse(Permission.READ);
        return Views.issued(tokens.create(caller, collectionId(args),
                TokenRequest.of(args.string("label"), args.integer("expires_in_days")), permission));
    }

    private Object revokeToken(Caller caller, Args args) {
        UUID id = args.id("token_id");
        tokens.revoke(caller, id);
        return Map.of("revoked", true, "id", id.toString());
    }

    private static CollectionId collectionId(Args args) {
        return new CollectionId(args.id("collection_id"));
    }
}
