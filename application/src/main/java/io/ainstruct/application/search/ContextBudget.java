package io.ainstruct.application.search;

import io.ainstruct.domain.port.Tokenizer;
import io.ainstruct.domain.search.Passage;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@code formatted_context} from hits in order while it fits a token budget, headings included.
 *
 * <p>The context is the pieces {@code "## title\n\ncontent"} joined by blank lines. Counting the whole growing text
 * after every hit costs O(results²); instead each piece is counted once alone and once with the blank line that
 * follows it, and the sum is exact: cl100k_base splits text before tokenizing it into words, number groups,
 * punctuation runs (which may swallow the newlines after them) and whitespace runs, and none of these can run from
 * a newline into the {@code #} that starts the next piece, so no token ever spans that point.
 */
final class ContextBudget {
    static final String SEPARATOR = "\n\n";

    private final Tokenizer tokenizer;
    private final int maxTokens;
    private final List<SearchHit> kept = new ArrayList<>();
    private final StringBuilder context = new StringBuilder();
    /** The tokens of every kept piece but the last, each counted with the separator after it. */
    private int closedTokens;
    private String lastPiece;
    private int used;

    ContextBudget(Tokenizer tokenizer, int maxTokens) {
        this.tokenizer = tokenizer;
        this.maxTokens = maxTokens;
    }

    /** Adds the hit if its passage fits what is left; returns false once the budget is spent. */
    boolean add(SearchHit hit) {
        Passage passage = hit.passage();
        String heading = "## " + passage.title() + "\n\n";
        String joint = kept.isEmpty() ? heading : SEPARATOR + heading;
        int remaining = maxTokens - used - tokenizer.count(joint);
        if (passage.tokenCount() > remaining) {
            if (!kept.isEmpty() || remaining < 1) {
                return false;
            }
            // The best hit alone exceeds the budget: give its opening rather than nothing.
            String opening = tokenizer.split(passage.content(), remaining).get(0);
            passage = new Passage(passage.chunkId(), passage.documentId(), passage.title(), passage.collectionId(),
                    passage.collectionName(), passage.chunkIndex(), opening, tokenizer.count(opening));
        }
        kept.add(new SearchHit(passage, hit.score()));
        context.append(joint).append(passage.content());
        if (lastPiece != null) {
            closedTokens += tokenizer.count(lastPiece + SEPARATOR);
        }
        lastPiece = heading + passage.content();
        used = closedTokens + tokenizer.count(lastPiece);
        return true;
    }

    SearchResult result(SearchMode mode, RerankStatus rerank) {
        return new SearchResult(List.copyOf(kept), used, context.toString(), mode, rerank);
    }
}
