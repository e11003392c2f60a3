package io.ainstruct.adapter.web.page;

import io.ainstruct.application.admin.MonthlyUsage;
import io.ainstruct.application.collection.CollectionService;
import io.ainstruct.application.document.DocumentService;
import io.ainstruct.application.token.CollectionTokenService;
import io.ainstruct.application.token.PersonalTokenService;
import io.ainstruct.application.usage.OwnUsage;
import io.ainstruct.domain.usage.EntryPoint;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.Optional;

/** The start page: how much is stored, which tokens are live, and this month's requests. */
@Controller("/app")
@ExecuteOn(TaskExecutors.BLOCKING)
class DashboardPage {
    private final Pages pages;
    private final CollectionService collections;
    private final DocumentService documents;
    private final PersonalTokenService personalTokens;
    private final CollectionTokenService collectionTokens;
    private final OwnUsage usage;

    DashboardPage(Pages pages, CollectionService collections, DocumentService documents,
                  PersonalTokenService personalTokens, CollectionTokenService collectionTokens, OwnUsage usage) {
        this.pages = pages;
        this.collections = collections;
        this.documents = documents;
        this.personalTokens = personalTokens;
        this.collectionTokens = collectionTokens;
        this.usage = usage;
    }

    @Get
    MutableHttpResponse<?> dashboard(HttpRequest<?> request) {
        return pages.show(request, visit -> {
            MonthlyUsage month = usage.thisMonth(visit.caller());
            long activePats = personalTokens.list(visit.caller()).stream().filter(t -> t.active()).count();
            long activeCats = collectionTokens.list(visit.caller(), Optional.empty()).stream()
                    .filter(t -> t.token().active()).count();
            return visit.page("dashboard", Model.of(
                    "collections", collections.list(visit.caller()).size(),
                    "documents", documents.list(visit.caller(), Optional.empty(), 1, 0).total(),
                    "pats", activePats,
                    "cats", activeCats,
                    "month", month.month().toString(),
                    "rest", month.requests().get(EntryPoint.REST),
                    "mcp", month.requests().get(EntryPoint.MCP)));
        });
    }
}
