package io.ainstruct.application.search;

import io.ainstruct.domain.document.ChunkId;

/** A chunk and its score in one ranking, higher is better. */
record ScoredChunk(ChunkId chunkId, double score) {
}
