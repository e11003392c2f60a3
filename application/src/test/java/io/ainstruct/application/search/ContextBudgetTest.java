package io.ainstruct.application.search;

import io.ainstruct.adapter.embedding.JtokkitTokenizer;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.ChunkId;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.port.Tokenizer;
import io.ainstruct.domain.search.Passage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The linear count against the count it replaced: cl100k_base over the whole growing context after every hit. */
class ContextBudgetTest {

    private static final Tokenizer CL100K = new JtokkitTokenizer();
    /** Words, numbers, punctuation runs, markdown, whitespace of every kind and characters of several bytes. */
    private static final String[] FRAGMENTS = {"the", "Pool", "ERR_POOL_4471", " ", "  ", "\n", "\n\n", "\t", "12345",
            "3.14", ".", "!?", "...", "##", "# ", "- ", "**", "`code`", "'s", "’", "é", "日本語", "🙂", "👩‍💻", ":", ",",
            "(", ")", "\r\n", "x", "y2"};

    @Test
    void keepsTheSameHitsAndCountsTheSameTokensAsRecountingTheWholeContext() {
        Random random = new Random(13);
        for (int round = 0; round < 400; round++) {
            List<SearchHit> hits = new ArrayList<>();
            int count = 1 + random.nextInt(12);
            for (int i = 0; i < count; i++) {
                hits.add(new SearchHit(passage(text(random, 1 + random.nextInt(6)), text(random, 1 + random.nextInt(60))),
                        1.0 - i * 0.01));
            }
            int maxTokens = 1 + random.nextInt(400);

            ContextBudget budget = new ContextBudget(CL100K, maxTokens);
            for (SearchHit hit : hits) {
                if (!budget.add(hit)) {
                    break;
                }
            }
            SearchResult linear = budget.result(SearchMode.SEMANTIC, RerankStatus.skipped("no reranker is configured"));
            SearchResult quadratic = recountingAfterEveryHit(hits, maxTokens);

            assertThat(linear.formattedContext()).as("round %d", round).isEqualTo(quadratic.formattedContext());
            assertThat(linear.hits()).as("round %d", round).isEqualTo(quadratic.hits());
            assertThat(linear.tokensUsed()).as("round %d: %s", round, linear.formattedContext())
                    .isEqualTo(quadratic.tokensUsed())
                    .isEqualTo(CL100K.count(linear.formattedContext()));
        }
    }

    /** The algorithm before: the same decisions, with the whole context counted again after each hit. */
    private static SearchResult recountingAfterEveryHit(List<SearchHit> hits, int maxTokens) {
        List<SearchHit> kept = new ArrayList<>();
        StringBuilder context = new StringBuilder();
        int used = 0;
        for (SearchHit hit : hits) {
            Passage passage = hit.passage();
            String heading = (context.isEmpty() ? "" : "\n\n") + "## " + passage.title() + "\n\n";
            int remaining = maxTokens - used - CL100K.count(heading);
            if (passage.tokenCount() > remaining) {
                if (!kept.isEmpty() || remaining < 1) {
                    break;
                }
                String opening = CL100K.split(passage.content(), remaining).get(0);
                passage = new Passage(passage.chunkId(), passage.documentId(), passage.title(), passage.collectionId(),
                        passage.collectionName(), passage.chunkIndex(), opening, CL100K.count(opening));
            }
            kept.add(new SearchHit(passage, hit.score()));
            context.append(heading).append(passage.content());
            used = CL100K.count(context.toString());
        }
        return new SearchResult(kept, used, context.toString(), SearchMode.SEMANTIC, RerankStatus.skipped("no reranker is configured"));
    }

    private static String text(Random random, int fragments) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < fragments; i++) {
            text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        }
        return text.toString();
    }

    private static Passage passage(String title, String content) {
        return new Passage(ChunkId.random(), DocumentId.random(), title,
                CollectionId.random(), "c", 0, content, CL100K.count(content));
    }
}
