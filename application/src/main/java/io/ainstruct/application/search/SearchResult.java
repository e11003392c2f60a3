package io.ainstruct.application.search;

import java.util.List;

/** Hits best first, the tokens their text uses, and the same text as markdown ready for a prompt. */
public record SearchResult(List<SearchHit> hits, int tokensUsed, String formattedContext) {
}
