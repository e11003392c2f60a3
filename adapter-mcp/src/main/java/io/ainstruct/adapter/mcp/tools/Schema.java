package io.ainstruct.adapter.mcp.tools;

import io.ainstruct.domain.field.TextLimit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the JSON Schema of a tool's arguments: an object of named, described properties. */
final class Schema {
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final List<String> required = new ArrayList<>();

    static Schema object() {
        return new Schema();
    }

    Schema string(String name, String description, boolean isRequired) {
        return property(name, Map.of("type", "string", "description", description), isRequired);
    }

    /** Text whose length the domain bounds: the bounds go into the schema and, for agents that read only prose, the description. */
    Schema text(String name, String description, TextLimit limit, boolean isRequired) {
        return property(name, Map.of("type", "string", "minLength", limit.min(), "maxLength", limit.max(),
                "description", description + " (" + limit.min() + "-" + limit.max() + " characters)."), isRequired);
    }

    Schema uuid(String name, String description, boolean isRequired) {
        return property(name, Map.of("type", "string", "format", "uuid", "description", description), isRequired);
    }

    Schema integer(String name, String description, int minimum, int maximum) {
        return property(name, Map.of("type", "integer", "minimum", minimum, "maximum", maximum, "description", description), false);
    }

    Schema number(String name, String description) {
        return property(name, Map.of("type", "number", "description", description), false);
    }

    Schema bool(String name, String description) {
        return property(name, Map.of("type", "boolean", "description", description), false);
    }

    Schema choice(String name, String description, List<String> values, boolean isRequired) {
        return property(name, Map.of("type", "string", "enum", values, "description", description), isRequired);
    }

    Schema object(String name, String description) {
        return property(name, Map.of("type", "object", "description", description), false);
    }

    Map<String, Object> build() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", List.copyOf(required));
        schema.put("additionalProperties", false);
        return schema;
    }

    private Schema property(String name, Map<String, Object> definition, boolean isRequired) {
        properties.put(name, definition);
        if (isRequired) {
            required.add(name);
        }
        return this;
    }
}
