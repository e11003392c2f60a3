package io.ainstruct.adapter.mcp.tools;

import io.ainstruct.domain.Ids;
import io.ainstruct.domain.error.InvalidInput;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A tool call's arguments, read with the same errors a REST body gets: each names the argument at fault. */
public final class Args {
    private final Map<String, Object> values;

    public Args(Map<String, Object> values, Set<String> allowed) {
        this.values = values == null ? Map.of() : values;
        for (String name : this.values.keySet()) {
            if (!allowed.contains(name)) {
                throw new InvalidInput(name, "is not an argument of this tool (expected some of " + allowed + ")");
            }
        }
    }

    public String string(String name) {
        return optionalString(name).orElseThrow(() -> new InvalidInput(name, "is required"));
    }

    public Optional<String> optionalString(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw new InvalidInput(name, "must be a string");
        }
        return Optional.of(text);
    }

    public UUID id(String name) {
        return Ids.parse(name, string(name));
    }

    public Optional<UUID> optionalId(String name) {
        return optionalString(name).map(text -> Ids.parse(name, text));
    }

    public Integer integer(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                && Math.abs(number.doubleValue()) <= Integer.MAX_VALUE) {
            return number.intValue();
        }
        throw new InvalidInput(name, "must be a whole number");
    }

    public Optional<Double> number(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Number number) {
            return Optional.of(number.doubleValue());
        }
        throw new InvalidInput(name, "must be a number");
    }

    public Optional<Boolean> bool(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Boolean flag) {
            return Optional.of(flag);
        }
        throw new InvalidInput(name, "must be true or false");
    }

    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> object(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map<?, ?> map) {
            return Optional.of((Map<String, Object>) map);
        }
        throw new InvalidInput(name, "must be a JSON object");
    }
}
