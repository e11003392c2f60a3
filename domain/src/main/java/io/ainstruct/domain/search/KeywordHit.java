package io.ainstruct.domain.search;

import io.ainstruct.domain.document.ChunkId;

/** A chunk found by keyword search; {@code score} is its BM25 score, higher is better, not bounded above. */
public record KeywordHit(ChunkId chunkId, double score) {
}
