package io.ainstruct.application.fakes;

import io.ainstruct.domain.document.Chunk;
import io.ainstruct.domain.document.Document;
import io.ainstruct.domain.port.KeywordIndex;
import io.ainstruct.domain.search.KeywordHit;
import io.ainstruct.domain.search.VectorFilter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Scores a chunk by how many distinct words of the query its title and text share, read straight from the fake
 * documents: like the PostgreSQL index it changes with the write, in the same transaction.
 */
public final class FakeKeywordIndex implements KeywordIndex {
    private final FakeDocuments documents;

    public FakeKeywordIndex(FakeDocuments documents) {
        this.documents = documents;
    }

    @Override
    public List<KeywordHit> search(String query, VectorFilter filter, int limit) {
        Set<String> wanted = words(query);
        List<KeywordHit> hits = new ArrayList<>();
        documents.contents().forEach((document, chunks) -> {
            if (passes(document, filter)) {
                for (Chunk chunk : chunks) {
                    Set<String> shared = words(document.title() + " " + chunk.content());
                    shared.retainAll(wanted);
                    if (!shared.isEmpty()) {
                        hits.add(new KeywordHit(chunk.id(), shared.size()));
                    }
                }
            }
        });
        return hits.stream().sorted(Comparator.comparingDouble(KeywordHit::score).reversed()).limit(limit).toList();
    }

    private static boolean passes(Document document, VectorFilter filter) {
        Map<String, Object> metadata = document.metadata();
        return filter.collections().contains(document.collectionId())
                && filter.type().map(type -> type == document.type()).orElse(true)
                && filter.metadataEquals().entrySet().stream().allMatch(e -> metadata.containsKey(e.getKey())
                && String.valueOf(metadata.get(e.getKey())).equals(e.getValue()));
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> !word.isEmpty()).collect(Collectors.toSet());
    }
}
