package io.ainstruct.adapter.mcp;

import io.ainstruct.adapter.mcp.tools.Args;
import io.ainstruct.adapter.mcp.tools.ToolSpec;
import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.error.DomainException;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse.JSONRPCError;
import io.modelcontextprotocol.spec.McpSchema.JsonSchema;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.ProtocolVersions;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The MCP methods this server answers (initialize, ping, tools/list, tools/call) over any transport. It holds no
 * permission logic: tools/list hides what the token could not use, and every call is decided by the use case.
 */
@Singleton
class McpProtocol {
    /** Not one of JSON-RPC's codes: the request's credentials were refused. */
    static final int UNAUTHENTICATED = -32001;

    private static final Logger LOG = LoggerFactory.getLogger(McpProtocol.class);
    private static final List<String> SUPPORTED_VERSIONS = List.of(ProtocolVersions.MCP_2025_06_18,
            ProtocolVersions.MCP_2025_03_26, ProtocolVersions.MCP_2024_11_05);
    private static final String INSTRUCTIONS = "Document memory: store documents in collections and find passages by "
            + "meaning with search_documents_tool; its formatted_context is ready to paste into a prompt.";

    private final ToolCatalog catalog;
    private final McpJsonMapper json;

    McpProtocol(ToolCatalog catalog, McpJsonMapper json) {
        this.catalog = catalog;
        this.json = json;
    }

    /** The response to a request; empty for notifications and responses, which need none. */
    Optional<JSONRPCResponse> handle(McpSchema.JSONRPCMessage message, Supplier<Caller> caller) {
        if (!(message instanceof JSONRPCRequest request)) {
            return Optional.empty();
        }
        try {
            Object result = switch (request.method()) {
                case McpSchema.METHOD_INITIALIZE -> initialize(request);
                case McpSchema.METHOD_PING -> Map.of();
                case McpSchema.METHOD_TOOLS_LIST -> listTools(caller.get());
                case McpSchema.METHOD_TOOLS_CALL -> callTool(request, caller);
                default -> null;
            };
            if (result == null) {
                return Optional.of(error(request.id(), ErrorCodes.METHOD_NOT_FOUND, "Method not found: " + request.method()));
            }
            return Optional.of(new JSONRPCResponse(McpSchema.JSONRPC_VERSION, request.id(), result, null));
        } catch (DomainException refused) {
            return Optional.of(error(request.id(), UNAUTHENTICATED, refused.getMessage()));
        } catch (IllegalArgumentException malformed) {
            return Optional.of(error(request.id(), ErrorCodes.INVALID_PARAMS, malformed.getMessage()));
        }
    }

    static JSONRPCResponse error(Object id, int code, String message) {
        return new JSONRPCResponse(McpSchema.JSONRPC_VERSION, id, null, new JSONRPCError(code, message, null));
    }

    private McpSchema.InitializeResult initialize(JSONRPCRequest request) {
        McpSchema.InitializeRequest init = json.convertValue(request.params(), McpSchema.InitializeRequest.class);
        String version = init != null && SUPPORTED_VERSIONS.contains(init.protocolVersion())
                ? init.protocolVersion() : SUPPORTED_VERSIONS.get(0);
        return new McpSchema.InitializeResult(version, McpSchema.ServerCapabilities.builder().tools(false).build(),
                new McpSchema.Implementation("ainstruct", "0.1.0"), INSTRUCTIONS);
    }

    private McpSchema.ListToolsResult listTools(Caller caller) {
        return new McpSchema.ListToolsResult(catalog.visibleTo(caller).stream().map(McpProtocol::describe).toList(), null);
    }

    @SuppressWarnings("unchecked")
    private static Tool describe(ToolSpec spec) {
        Map<String, Object> schema = spec.inputSchema();
        return Tool.builder().name(spec.name()).description(spec.description())
                .inputSchema(new JsonSchema("object", (Map<String, Object>) schema.get("properties"),
                        (List<String>) schema.get("required"), false, null, null))
                .build();
    }

    /** A refused or failed call is a tool error the agent can read and act on, never a protocol failure. */
    private CallToolResult callTool(JSONRPCRequest request, Supplier<Caller> caller) {
        CallToolRequest call = json.convertValue(request.params(), CallToolRequest.class);
        if (call == null || call.name() == null) {
            throw new IllegalArgumentException("tools/call needs a tool name");
        }
        ToolSpec tool = catalog.find(call.name())
                .orElseThrow(() -> new IllegalArgumentException("Unknown tool: " + call.name()));
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> properties = (Map<String, Object>) tool.inputSchema().get("properties");
            Object result = tool.handler().call(caller.get(), new Args(call.arguments(), properties.keySet()));
            return CallToolResult.builder().addTextContent(text(result)).structuredContent(result).isError(false).build();
        } catch (DomainException refused) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", refused.code().name());
            error.put("message", refused.getMessage());
            error.put("details", refused.details());
            return CallToolResult.builder().addTextContent(refused.code().name() + ": " + refused.getMessage())
                    .structuredContent(Map.of("error", error)).isError(true).build();
        } catch (RuntimeException unexpected) {
            LOG.error("Tool {} failed", call.name(), unexpected);
            return CallToolResult.builder().addTextContent("INTERNAL_ERROR: the tool failed unexpectedly; try again later")
                    .isError(true).build();
        }
    }

    private String text(Object result) {
        try {
            return json.writeValueAsString(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
