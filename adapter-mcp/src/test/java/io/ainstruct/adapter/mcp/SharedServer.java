package io.ainstruct.adapter.mcp;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands every test class the same {@link McpServer}: started on first use, stopped when the whole run ends. Starting
 * one (database schema, embedding model) costs seconds, and every test makes users of its own, so they can share it.
 */
final class SharedServer implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == McpServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(McpServer.class, type -> McpServer.start(), McpServer.class);
    }
}
