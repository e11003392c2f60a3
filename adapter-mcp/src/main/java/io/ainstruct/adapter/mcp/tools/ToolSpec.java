package io.ainstruct.adapter.mcp.tools;

import io.ainstruct.application.access.Capability;
import io.ainstruct.domain.access.Caller;

import java.util.Map;

/**
 * One MCP tool: its name and JSON input schema as an agent sees them, the capability it needs, and what it does.
 * tools/list shows a tool to callers the application grants that capability; the use case still decides every call.
 */
public record ToolSpec(String name, String description, Map<String, Object> inputSchema, Capability needs,
                       Handler handler) {

    @FunctionalInterface
    public interface Handler {
        /** Returns a JSON-shaped result: maps, lists, strings, numbers, booleans. */
        Object call(Caller caller, Args args);
    }
}
