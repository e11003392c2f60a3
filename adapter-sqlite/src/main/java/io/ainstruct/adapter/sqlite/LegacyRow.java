package io.ainstruct.adapter.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One row as SQLite returned it: column names and values of SQLite's own types (Long, Double, String, byte[], null). */
final class LegacyRow {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> columns;
    private final Object[] values;
    private final byte[] contentUtf8;

    /** {@code contentUtf8}: the UTF-8 bytes of a documents row's content as stored, hashed without encoding it again. */
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
        long bytes = 0;
        for (Object value : values) {
            bytes += value instanceof String text ? text.length() : value instanceof byte[] blob ? blob.length : 8;
        }
        return bytes;
    }

    /** The row as JSON text, for quarantine: every column, values as read (blobs in base64). */
    String raw() {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            row.put(columns.get(i), values[i]);
        }
        try {
            return JSON.writeValueAsString(row);
        } catch (JsonProcessingException e) {
            return row.toString();
        }
    }
}
