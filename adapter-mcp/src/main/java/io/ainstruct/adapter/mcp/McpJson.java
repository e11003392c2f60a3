package io.ainstruct.adapter.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson.JacksonMcpJsonMapper;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The SDK's JSON mapping of MCP messages, on its Jackson binding. */
@Factory
class McpJson {

    @Singleton
    McpJsonMapper mcpJsonMapper() {
        return new JacksonMcpJsonMapper(new ObjectMapper());
    }
}
