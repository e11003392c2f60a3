package io.ainstruct.adapter.legacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row as the legacy database returned it: column names and values of its own types (SQLite's Long, Double, String,
 * byte[], null; PostgreSQL's also Boolean, Integer, LocalDateTime and String[]).
 */
final class LegacyRow {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> columns;
    private final Object[] values;
    private final byte[] contentUtf8;

    /**
     * {@code contentUtf8}: a documents row's content as the bytes the legacy database stored, which go to PostgreSQL as they are
     * (its place in {@code values} stays null).
     */
    LegacyRow(List<String> columns, Object[] values, byte[] contentUtf8) {
        this.columns = columns;
        this.values = values;
        this.contentUtf8 = contentUtf8;
    }

    byte[] contentUtf8() {
        return contentUtf8;
    }

    Object get(String column) {
        int index = columns.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("no column " + column);
        }
        return values[index];
    }

    /** Approximate size in the legacy file, for progress: characters of text, 8 for anything else. */
    long bytes() {
        long bytes = contentUtf8 == null ? 0 : contentUtf8.length;
        for (Object value : values) {
            bytes += value instanceof String text ? text.length() : value instanceof byte[] blob ? blob.length : 8;
        }
        return bytes;
    }

    /** The row as JSON text, for quarantine: every column, values as read (blobs in base64). */
    String raw() {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            row.put(columns.get(i), values[i] instanceof java.time.temporal.Temporal time ? time.toString() : values[i]);
        }
        if (contentUtf8 != null) {
            // Invalid UTF-8 shows as replacement characters here; the quarantine reason says where it was.
            row.put("content", new String(contentUtf8, java.nio.charset.StandardCharsets.UTF_8));
        }
        try {
            return JSON.writeValueAsString(row);
        } catch (JsonProcessingException e) {
            return row.toString();
        }
    }
}
