package io.ainstruct.domain.field;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The bounds are inclusive and measured as the stored JSON: each one exactly fits, one more does not. */
class MetadataLimitTest {
    private final MetadataLimit limit = new MetadataLimit(32, 3, 2);

    @Test
    void theCompactJsonSizeCountsQuotesSeparatorsEscapesAndUtf8Bytes() {
        // {"k":"ab\"é"} is 1 + 3 + 1 + 2 + 2 + 2 + 2 + 1 = 14 bytes
        assertThat(new MetadataLimit(14, 3, 2).violation(Map.of("k", "ab\"é"))).isEmpty();
        assertThat(new MetadataLimit(13, 3, 2).violation(Map.of("k", "ab\"é"))).contains("is larger than 13 bytes as JSON");
        // {"a":[1,true,null]} is 19 bytes
        assertThat(new MetadataLimit(19, 3, 2).violation(Map.of("a", java.util.Arrays.asList(1, true, null)))).isEmpty();
        assertThat(new MetadataLimit(18, 3, 2).violation(Map.of("a", java.util.Arrays.asList(1, true, null)))).isPresent();
    }

    @Test
    void keysAreCountedInEveryNestedObject() {
        assertThat(limit.violation(Map.of("a", 1, "b", Map.of("c", 1)))).isEmpty();
        assertThat(limit.violation(Map.of("a", 1, "b", Map.of("c", 1, "d", 2)))).contains("has more than 3 keys");
    }

    @Test
    void depthCountsTheMetadataObjectAsLevelOneAndArraysAsLevels() {
        assertThat(limit.violation(Map.of("a", List.of(1)))).isEmpty();
        assertThat(limit.violation(Map.of("a", List.of(List.of())))).contains("is nested deeper than 2 levels");
        assertThat(limit.violation(Map.of("a", Map.of("b", Map.of())))).contains("is nested deeper than 2 levels");
    }

    @Test
    void theProductsLimitTakesAnOrdinaryObject() {
        Map<String, Object> ordinary = new HashMap<>(Map.of("source", "wiki", "tags", List.of("a", "b"), "year", 2024));
        assertThat(FieldLimits.METADATA.violation(ordinary)).isEmpty();
    }
}
