package io.ainstruct.adapter.qdrant;

import java.util.List;
import java.util.Map;

/**
 * A document's metadata as keywords, one per entry, so that "key equals value, compared as text" is one exact
 * keyword match in Qdrant whatever the key holds (dots, which Qdrant would read as a path) and whatever the value's
 * JSON type (a number 3 must match the text "3"). The key's length leads, so no two entries share a keyword.
 */
final class MetadataKeywords {

    private MetadataKeywords() {
    }

    static List<String> of(Map<String, ?> metadata) {
        return metadata.entrySet().stream().map(entry -> keyword(entry.getKey(), String.valueOf(entry.getValue()))).toList();
    }

    static String keyword(String key, String value) {
        return key.length() + ":" + key + "=" + value;
    }
}
