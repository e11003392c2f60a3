package io.ainstruct.application.indexing;

/**
 * {@code reembedded}: documents chunked and embedded again (no chunks yet, or made by another model);
 * {@code reused}: documents whose stored embeddings went into the index as they were.
 */
public record ReindexResult(long documents, long reembedded, long reused, long points, String model) {
}
