package io.ainstruct.domain.port;

import io.ainstruct.domain.search.KeywordHit;
import io.ainstruct.domain.search.VectorFilter;

import java.util.List;

/**
 * Keyword search over chunk text and document title, kept by the system of record in step with every write: the
 * chunks whose terms best match the query's, scored by BM25 (rare terms weigh more, repeated ones less and less).
 */
public interface KeywordIndex {

    /**
     * The {@code limit} best chunks passing {@code filter}'s collections, type and metadata, best first; a query
     * with no searchable term (only stop words, say) finds nothing. The filter's minimum score is a vector
     * similarity and does not apply here.
     */
    List<KeywordHit> search(String query, VectorFilter filter, int limit);
}
