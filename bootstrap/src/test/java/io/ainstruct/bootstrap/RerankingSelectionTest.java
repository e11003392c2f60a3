package io.ainstruct.bootstrap;

import io.ainstruct.adapter.embedding.HttpReranker;
import io.ainstruct.application.search.Reranking;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code RERANK_BASE_URL} turns reranking on; unset or blank, search keeps the vector order. */
class RerankingSelectionTest {

    @Test
    void aBlankBaseUrlMeansNoReranker() {
        try (ApplicationContext context = ApplicationContext.run(ServerProperties.onFreshDatabase(Map.of("ainstruct.rerank.base-url", " ")))) {
            assertThat(context.findBean(Reranking.class)).isEmpty();
        }
    }

    @Test
    void aBaseUrlGivesSearchAHttpRerankerOverTheConfiguredCandidates() {
        try (ApplicationContext context = ApplicationContext.run(ServerProperties.onFreshDatabase(Map.of("ainstruct.rerank.base-url",
                "http://127.0.0.1:9/v1", "ainstruct.rerank.model", "rerank-test", "ainstruct.rerank.top-n", 12)))) {
            assertThat(context.getBean(Reranking.class).candidates()).isEqualTo(12);
            assertThat(context.getBean(Reranking.class).reranker()).isInstanceOf(HttpReranker.class);
        }
    }

    @Test
    void anUnknownApiStopsTheStartWithAClearMessage() {
        try (ApplicationContext context = ApplicationContext.run(ServerProperties.onFreshDatabase(Map.of("ainstruct.rerank.base-url",
                "http://127.0.0.1:9", "ainstruct.rerank.api", "openai")))) {
            assertThatThrownBy(() -> context.getBean(Reranking.class))
                    .hasStackTraceContaining("ainstruct.rerank: api must be 'standard' or 'tei', not 'openai'");
        }
    }
}
