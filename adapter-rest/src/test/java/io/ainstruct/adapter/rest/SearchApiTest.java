package io.ainstruct.adapter.rest;

import java.util.Map;

/** {@link SearchApiCases} on the in-process vector index of the embedded defaults. */
class SearchApiTest extends SearchApiCases {
    @Override
    Map<String, Object> vectorIndexSettings() {
        return Map.of();
    }

    @Override
    String expectedVectorIndex() {
        return "InProcessVectorIndex";
    }
}
