package io.ainstruct.application.search;

import io.ainstruct.domain.port.Reranker;

import java.util.Objects;

/** The reranker search uses, and how many of the first-stage hits it reorders (at least the results asked for). */
public record Reranking(Reranker reranker, int candidates) {
    public Reranking {
        Objects.requireNonNull(reranker, "reranker");
        if (candidates < 1) {
            throw new IllegalArgumentException("candidates must be positive");
        }
    }
}
