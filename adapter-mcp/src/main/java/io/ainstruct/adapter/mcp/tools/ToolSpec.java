package io.ainstruct.adapter.mcp.tools;

import io.ainstruct.domain.access.Caller;

import java.util.Map;
import java.util.function.Predicate;

/**
 * One MCP tool: its name and JSON input schema as an agent sees them, who may see it, and what it does. The
 * predicate only hides tools that would be refused anyway; the use case still decides every call.
 */
public record ToolSpec(String name, String description, Map<String, Object> inputSchema, Predicate<Caller> visibleTo,
                       Handler handler) {

    @FunctionalInterface
    public interface Handler {
        /** Returns a JSON-shaped result: maps, lists, strings, numbers, booleans. */
        Object call(Caller caller, Args args);
    }
}
