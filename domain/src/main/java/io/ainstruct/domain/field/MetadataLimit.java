package io.ainstruct.domain.field;

import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.error.TooLarge;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * How much metadata one document may carry, measured on the JSON it is stored as: its compact UTF-8 size, its keys
 * (counted in every nested object) and its nesting depth (the metadata object itself is level 1). The in-process
 * index keeps every document's metadata in memory and Qdrant copies it into every point, so an unbounded object would
 * let one user exhaust the server's memory for good.
 *
 * <p>The measuring stops as soon as a bound is passed, so refusing a huge object costs no more than accepting a
 * permitted one.
 */
public record MetadataLimit(int maxBytes, int maxKeys, int maxDepth) {

    /** A refusal that names the bound that was passed. */
    public Optional<String> violation(Map<String, ?> metadata) {
        Measure measure = new Measure();
        measure.value(metadata, 1);
        return Optional.ofNullable(measure.exceeded);
    }

    /** The metadata, when a command may take it; otherwise 413 {@code METADATA_TOO_LARGE}. */
    public Map<String, Object> require(Map<String, Object> metadata) {
        violation(metadata).ifPresent(reason -> {
            throw new TooLarge(ErrorCode.METADATA_TOO_LARGE, "metadata " + reason, Map.<String, Object>of(
                    "limit_bytes", maxBytes, "limit_keys", maxKeys, "limit_depth", maxDepth));
        });
        return metadata;
    }

    private final class Measure {
        private long bytes;
        private long keys;
        private String exceeded;

        private void value(Object value, int depth) {
            if (exceeded != null) {
                return;
            }
            if (value instanceof Map<?, ?> object) {
                if (tooDeep(depth)) {
                    return;
                }
                bytes += 2 + Math.max(0, object.size() - 1);
                keys += object.size();
                if (keys > maxKeys) {
                    exceeded = "has more than " + maxKeys + " keys";
                    return;
                }
                for (Map.Entry<?, ?> entry : object.entrySet()) {
                    text(String.valueOf(entry.getKey()));
                    bytes += 1;
                    value(entry.getValue(), depth + 1);
                }
            } else if (value instanceof Collection<?> array) {
                if (tooDeep(depth)) {
                    return;
                }
                bytes += 2 + Math.max(0, array.size() - 1);
                for (Object element : array) {
                    value(element, depth + 1);
                }
            } else if (value instanceof String string) {
                text(string);
            } else {
                bytes += String.valueOf(value).length();
            }
            if (exceeded == null && bytes > maxBytes) {
                exceeded = "is larger than " + maxBytes + " bytes as JSON";
            }
        }

        private boolean tooDeep(int depth) {
            if (depth > maxDepth) {
                exceeded = "is nested deeper than " + maxDepth + " levels";
            }
            return exceeded != null;
        }

        /** A JSON string: its quotes, its UTF-8 bytes, and at least one more byte for each character escaped. */
        private void text(String string) {
            bytes += 2 + string.getBytes(StandardCharsets.UTF_8).length;
            for (int i = 0; i < string.length(); i++) {
                char c = string.charAt(i);
                if (c == '"' || c == '\\' || c < 0x20) {
                    bytes++;
                }
            }
            if (bytes > maxBytes && exceeded == null) {
                exceeded = "is larger than " + maxBytes + " bytes as JSON";
            }
        }
    }
}
