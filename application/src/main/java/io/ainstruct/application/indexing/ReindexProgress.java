package io.ainstruct.application.indexing;

/** Hears how far a reindex got. */
public interface ReindexProgress {

    void started(long documents);

    void advanced(long documents);
}
