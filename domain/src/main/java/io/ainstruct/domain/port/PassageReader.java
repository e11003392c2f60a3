package io.ainstruct.domain.port;

import io.ainstruct.domain.document.ChunkId;
import io.ainstruct.domain.search.Passage;

import java.util.Collection;
import java.util.Map;

/** Reads the text of search hits from the system of record. */
public interface PassageReader {

    /** The passages that still exist among {@code chunks}; a chunk deleted since it was indexed is simply absent. */
    Map<ChunkId, Passage> passages(Collection<ChunkId> chunks);
}
