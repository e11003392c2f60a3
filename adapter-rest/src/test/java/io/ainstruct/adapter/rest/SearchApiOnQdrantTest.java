package io.ainstruct.adapter.rest;

import io.ainstruct.testsupport.TestQdrant;

import java.util.Map;
import java.util.UUID;

/** {@link SearchApiCases} on Qdrant: external, a container or the in-process emulator, as {@link TestQdrant} finds it. */
class SearchApiOnQdrantTest extends SearchApiCases {
    @Override
    Map<String, Object> vectorIndexSettings() {
        return Map.of("ainstruct.qdrant.url", TestQdrant.url(),
                "ainstruct.qdrant.collection-prefix", "search_" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Override
    String expectedVectorIndex() {
        return "QdrantVectorIndex";
    }
}
