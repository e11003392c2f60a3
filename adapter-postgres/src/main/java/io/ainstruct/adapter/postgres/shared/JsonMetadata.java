package io.ainstruct.adapter.postgres.shared;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Document metadata between the domain's plain Java maps and the text of a jsonb column. */
@Singleton
public class JsonMetadata {
    private static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);

    private final JsonMapper jsonMapper;

    JsonMetadata(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    public String toJson(Map<String, Object> metadata) {
        try {
            return jsonMapper.writeValueAsString(metadata);
        } catch (IOException e) {
            throw new UncheckedIOException("metadata cannot be written as JSON", e);
        }
    }

    public Map<String, Object> fromJson(String json) {
        try {
            return jsonMapper.readValue(json, MAP);
        } catch (IOException e) {
            throw new UncheckedIOException("stored metadata is not a JSON object", e);
        }
    }
}
