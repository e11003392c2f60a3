package io.ainstruct.adapter.rest.document;

import io.ainstruct.application.document.StoredDocument;
import io.ainstruct.application.search.RerankStatus;
import io.ainstruct.application.search.SearchHit;
import io.ainstruct.application.search.SearchResult;
import io.ainstruct.domain.document.Document;
import io.ainstruct.domain.document.DocumentSummary;
import io.ainstruct.domain.document.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Request and response bodies of {@code /api/v1/documents}. */
final class DocumentBodies {
    private DocumentBodies() {
    }

    @Serdeable
    record StoreBody(@Nullable String collectionId, @Nullable String title, @Nullable String content,
                     @Nullable String documentType, @Nullable Map<String, Object> metadata) {
    }

    @Serdeable
    record UpdateBody(@Nullable String collectionId, @Nullable String title, @Nullable String content,
                      @Nullable String documentType, @Nullable Map<String, Object> metadata) {
    }

    @Serdeable
    record SearchBody(@Nullable String query, @Nullable String collectionId, @Nullable Integer maxResults,
                      @Nullable Integer maxTokens, @Nullable String documentType,
                      @Nullable Map<String, Object> metadata, @Nullable Double scoreThreshold,
                      @Nullable String searchMode) {
    }

    @Serdeable
    record StoredView(UUID documentId, String title, UUID collectionId, int chunkCount, int tokenCount, String contentHash,
                      Instant createdAt) {
        static StoredView of(StoredDocument stored) {
            Document d = stored.document();
            return new StoredView(d.id().value(), d.title(), d.collectionId().value(), stored.chunkCount(),
                    stored.tokenCount(), d.contentHash(), d.createdAt());
        }
    }

    @Serdeable
    record DocumentView(UUID documentId, UUID collectionId, String title, String content, String contentHash,
                        String documentType, Map<String, Object> metadata, int chunkCount, int tokenCount,
                        Instant createdAt, Instant updatedAt) {
        static DocumentView of(StoredDocument stored) {
            Document d = stored.document();
            return new DocumentView(d.id().value(), d.collectionId().value(), d.title(), d.content(), d.contentHash(),
                    d.type().wireName(), d.metadata(), stored.chunkCount(), stored.tokenCount(), d.createdAt(), d.updatedAt());
        }
    }

    @Serdeable
    record SummaryView(UUID documentId, UUID collectionId, String title, String documentType, Map<String, Object> metadata,
                       int chunkCount, int tokenCount, Instant createdAt, Instant updatedAt) {
        static SummaryView of(DocumentSummary s) {
            return new SummaryView(s.id().value(), s.collectionId().value(), s.title(), s.type().wireName(), s.metadata(),
                    s.chunkCount(), s.tokenCount(), s.createdAt(), s.updatedAt());
        }
    }

    @Serdeable
    record DocumentList(List<SummaryView> documents, long total, int limit, int offset) {
        static DocumentList of(Page<DocumentSummary> page) {
            return new DocumentList(page.items().stream().map(SummaryView::of).toList(), page.total(), page.limit(),
                    page.offset());
        }
    }

    @Serdeable
    record HitView(UUID documentId, String title, int chunkIndex, String content, double score, UUID collectionId,
                   String collection) {
        static HitView of(SearchHit hit) {
            var p = hit.passage();
            return new HitView(p.documentId().value(), p.title(), p.chunkIndex(), p.content(), hit.score(),
                    p.collectionId().value(), p.collectionName());
        }
    }

    @Serdeable
    record SearchView(List<HitView> results, int totalResults, int tokensUsed, String formattedContext,
                      String searchMode, RerankView rerank) {
        static SearchView of(SearchResult result) {
            return new SearchView(result.hits().stream().map(HitView::of).toList(), result.hits().size(),
                    result.tokensUsed(), result.formattedContext(), result.mode().wireName(), RerankView.of(result.rerank()));
        }
    }

    /** Whether a reranker ordered the results ({@code applied}, {@code skipped}, {@code failed}), and why not. */
    @Serdeable
    record RerankView(String status, @Nullable String reason) {
        static RerankView of(RerankStatus status) {
            return new RerankView(status.outcome().name().toLowerCase(Locale.ROOT), status.reason().orElse(null));
        }
    }
}
