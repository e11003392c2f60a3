package io.ainstruct.domain.search;

import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.DocumentType;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which points a search may return: only those in {@code collections} (never empty: tenants are separated here),
 * optionally of one type, whose metadata holds every given key with the given value (compared as text), scoring
 * at least {@code minScore}.
 */
public record VectorFilter(Set<CollectionId> collections, Optional<DocumentType> type,
                           Map<String, String> metadataEquals, double minScore) {

    public VectorFilter {
        collections = Set.copyOf(collections);
        metadataEquals = Map.copyOf(metadataEquals);
        Objects.requireNonNull(type);
    }

    public static VectorFilter collections(Set<CollectionId> collections) {
        return new VectorFilter(collections, Optional.empty(), Map.of(), Double.NEGATIVE_INFINITY);
    }

    public boolean accepts(VectorPoint point) {
        return collections.contains(point.collectionId())
                && type.map(t -> t == point.type()).orElse(true)
                && metadataEquals.entrySet().stream().allMatch(e -> point.metadata().containsKey(e.getKey())
                && String.valueOf(point.metadata().get(e.getKey())).equals(e.getValue()));
    }
}
