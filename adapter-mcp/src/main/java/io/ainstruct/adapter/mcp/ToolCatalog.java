package io.ainstruct.adapter.mcp;

import io.ainstruct.adapter.mcp.tools.AdminTools;
import io.ainstruct.adapter.mcp.tools.CollectionTools;
import io.ainstruct.adapter.mcp.tools.DocumentTools;
import io.ainstruct.adapter.mcp.tools.ToolSpec;
import io.ainstruct.application.access.Capabilities;
import io.ainstruct.domain.access.Caller;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Every tool the server offers, in the order agents see them. */
@Singleton
class ToolCatalog {
    private final Map<String, ToolSpec> tools = new LinkedHashMap<>();

    ToolCatalog(DocumentTools documents, CollectionTools collections, AdminTools admin) {
        Stream.of(documents.tools(), collections.tools(), admin.tools()).flatMap(List::stream)
                .forEach(tool -> tools.put(tool.name(), tool));
    }

    List<ToolSpec> visibleTo(Caller caller) {
        Capabilities capabilities = Capabilities.of(caller);
        return tools.values().stream().filter(tool -> capabilities.allows(tool.needs())).toList();
    }

    Optional<ToolSpec> find(String name) {
        return Optional.ofNullable(tools.get(name));
    }
}
