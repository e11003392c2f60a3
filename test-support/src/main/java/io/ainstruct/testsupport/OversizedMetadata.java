package io.ainstruct.testsupport;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Metadata objects past each bound of {@code FieldLimits.METADATA}, as an attacker would send them. */
public final class OversizedMetadata {

    private OversizedMetadata() {
    }

    /** One value of 64 KB: few keys, shallow, too big. */
    public static Map<String, Object> sixtyFourKilobytes() {
        return Map.of("blob", "x".repeat(64 * 1024));
    }

    /** 10,000 keys of one-digit values: small enough in bytes per key, too many keys. */
    public static Map<String, Object> tenThousandKeys() {
        Map<String, Object> keys = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            keys.put("k" + i, 1);
        }
        return keys;
    }

    /** {@code levels} objects each holding the next, {@code {"a":{"a":…{}}}}: tiny, too deep. */
    public static Map<String, Object> nested(int levels) {
        Map<String, Object> innermost = new LinkedHashMap<>();
        Map<String, Object> outer = innermost;
        for (int level = 1; level < levels; level++) {
            Map<String, Object> wrapper = new LinkedHashMap<>();
            wrapper.put("a", outer);
            outer = wrapper;
        }
        return outer;
    }
}
