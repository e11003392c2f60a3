package io.ainstruct.application.search;

import io.ainstruct.application.validation.Require;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.DocumentType;
import io.ainstruct.domain.error.InvalidInput;
import io.ainstruct.domain.field.FieldLimits;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A search, ranked as {@code mode} says. Without a collection it covers every collection the caller may read;
 * {@code minScore} drops passages whose vector similarity is below it (hybrid and semantic modes; keyword scores
 * are not similarities); {@code maxTokens} bounds the text returned.
 */
public record SearchRequest(String query, Optional<CollectionId> collectionId, int maxResults, int maxTokens,
                            Optional<DocumentType> type, Map<String, String> metadataEquals, Optional<Double> minScore,
                            SearchMode mode) {
    public static final int DEFAULT_MAX_RESULTS = 5;
    public static final int DEFAULT_MAX_TOKENS = 2000;
    public static final int MAX_RESULTS = 100;
    public static final int MAX_TOKENS = 100_000;

    public SearchRequest {
        FieldLimits.SEARCH_QUERY.require(query == null ? null : query.strip());
        query = query.strip();
        metadataEquals = metadataEquals == null ? Map.of() : Map.copyOf(metadataEquals);
        Objects.requireNonNull(mode, "mode");
        minScore.ifPresent(score -> {
            if (score.isNaN() || score < -1 || score > 1) {
                throw new InvalidInput("score_threshold", "must be between -1 and 1");
            }
        });
    }

    /** From a request as entry points receive it: metadata filter values as JSON gave them, the mode by name. */
    public static SearchRequest of(String query, Optional<CollectionId> collectionId, Integer maxResults, Integer maxTokens,
                                   Optional<DocumentType> type, Map<String, ?> metadata, Optional<Double> minScore,
                                   String mode) {
        return new SearchRequest(query, collectionId,
                Require.range("max_results", maxResults, DEFAULT_MAX_RESULTS, 1, MAX_RESULTS),
                Require.range("max_tokens", maxTokens, DEFAULT_MAX_TOKENS, 1, MAX_TOKENS),
                type, metadataFilter(metadata), minScore, SearchMode.parse(mode));
    }

    /** Metadata filters compare scalar values as text: {@code {"year": 2024}} matches a stored 2024. */
    private static Map<String, String> metadataFilter(Map<String, ?> metadata) {
        Map<String, String> filter = new LinkedHashMap<>();
        if (metadata != null) {
            metadata.forEach((key, value) -> {
                if (value == null || value instanceof Map || value instanceof List) {
                    throw new InvalidInput("metadata." + key, "filters take a string, number or boolean");
                }
                filter.put(key, String.valueOf(value));
            });
        }
        return filter;
    }
}
