package io.ainstruct.adapter.mcp.tools;

import io.ainstruct.application.document.StoredDocument;
import io.ainstruct.application.search.RerankStatus;
import io.ainstruct.application.search.SearchResult;
import io.ainstruct.application.token.IssuedSecret;
import io.ainstruct.domain.access.CollectionAccessToken;
import io.ainstruct.domain.access.NamedCollectionToken;
import io.ainstruct.domain.collection.CollectionSummary;
import io.ainstruct.domain.document.Document;
import io.ainstruct.domain.document.DocumentSummary;
import io.ainstruct.domain.document.Page;
import io.ainstruct.domain.user.User;
import io.ainstruct.domain.user.UserStats;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Tool results as JSON objects, with the field names of the REST API so agents and scripts see one vocabulary. */
final class Views {
    private Views() {
    }

    static Map<String, Object> document(StoredDocument stored) {
        Document d = stored.document();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", d.id().toString());
        view.put("collection_id", d.collectionId().toString());
        view.put("title", d.title());
        view.put("content", d.content());
        view.put("content_hash", d.contentHash());
        view.put("document_type", d.type().wireName());
        view.put("metadata", d.metadata());
        view.put("chunk_count", stored.chunkCount());
        view.put("token_count", stored.tokenCount());
        view.put("created_at", text(d.createdAt()));
        view.put("updated_at", text(d.updatedAt()));
        return view;
    }

    static Map<String, Object> stored(StoredDocument stored) {
        Document d = stored.document();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", d.id().toString());
        view.put("title", d.title());
        view.put("collection_id", d.collectionId().toString());
        view.put("chunk_count", stored.chunkCount());
        view.put("token_count", stored.tokenCount());
        view.put("created", stored.created());
        view.put("created_at", text(d.createdAt()));
        return view;
    }

    static Map<String, Object> documents(Page<DocumentSummary> page) {
        List<Map<String, Object>> items = page.items().stream().map(s -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", s.id().toString());
            view.put("collection_id", s.collectionId().toString());
            view.put("title", s.title());
            view.put("document_type", s.type().wireName());
            view.put("metadata", s.metadata());
            view.put("chunk_count", s.chunkCount());
            view.put("token_count", s.tokenCount());
            view.put("created_at", text(s.createdAt()));
            view.put("updated_at", text(s.updatedAt()));
            return view;
        }).toList();
        return Map.of("documents", items, "total", page.total(), "limit", page.limit(), "offset", page.offset());
    }

    static Map<String, Object> search(SearchResult result) {
        List<Map<String, Object>> hits = result.hits().stream().map(hit -> {
            var p = hit.passage();
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("document_id", p.documentId().toString());
            view.put("title", p.title());
            view.put("chunk_index", p.chunkIndex());
            view.put("content", p.content());
            view.put("score", hit.score());
            view.put("collection_id", p.collectionId().toString());
            view.put("collection", p.collectionName());
            return view;
        }).toList();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("results", hits);
        view.put("total_results", hits.size());
        view.put("tokens_used", result.tokensUsed());
        view.put("formatted_context", result.formattedContext());
        view.put("search_mode", result.mode().wireName());
        view.put("rerank", rerank(result.rerank()));
        return view;
    }

    private static Map<String, Object> rerank(RerankStatus status) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("status", status.outcome().name().toLowerCase(Locale.ROOT));
        status.reason().ifPresent(reason -> view.put("reason", reason));
        return view;
    }

    static Map<String, Object> collection(CollectionSummary summary) {
        var c = summary.collection();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", c.id().toString());
        view.put("name", c.name());
        view.put("document_count", summary.documentCount());
        view.put("cat_count", summary.activeTokenCount());
        view.put("created_at", text(c.createdAt()));
        view.put("updated_at", text(c.updatedAt()));
        return view;
    }

    static Map<String, Object> collectionToken(NamedCollectionToken named) {
        CollectionAccessToken t = named.token();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", t.id().toString());
        view.put("label", t.label());
        view.put("collection_id", t.collectionId().toString());
        view.put("collection_name", named.collectionName());
        view.put("permission", t.permission().name().toLowerCase(Locale.ROOT));
        view.put("expires_at", text(t.expiresAt()));
        view.put("last_used_at", text(t.lastUsedAt()));
        view.put("is_active", t.active());
        view.put("created_at", text(t.createdAt()));
        return view;
    }

    /** The one result that carries a secret: shown once, at creation or rotation. */
    static Map<String, Object> issued(IssuedSecret<NamedCollectionToken> issued) {
        Map<String, Object> view = collectionToken(issued.token());
        view.put("token", issued.secret());
        return view;
    }

    static Map<String, Object> user(User u) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", u.id().toString());
        view.put("email", u.email());
        view.put("username", u.username());
        view.put("is_active", u.active());
        view.put("is_superuser", u.superuser());
        view.put("created_at", text(u.createdAt()));
        view.put("updated_at", text(u.updatedAt()));
        return view;
    }

    static Map<String, Object> userStats(UserStats stats) {
        Map<String, Object> view = user(stats.user());
        view.put("collection_count", stats.collectionCount());
        view.put("pat_count", stats.patCount());
        view.put("cat_count", stats.catCount());
        return view;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
