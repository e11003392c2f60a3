package io.ainstruct.adapter.rest.document;

import io.swagger.v3.oas.annotations.Parameter;
import io.ainstruct.adapter.rest.MessageView;
import io.ainstruct.adapter.rest.auth.BearerToken;
import io.ainstruct.adapter.rest.auth.Callers;
import io.ainstruct.adapter.rest.document.DocumentBodies.DocumentList;
import io.ainstruct.adapter.rest.document.DocumentBodies.DocumentView;
import io.ainstruct.adapter.rest.document.DocumentBodies.SearchBody;
import io.ainstruct.adapter.rest.document.DocumentBodies.SearchView;
import io.ainstruct.adapter.rest.document.DocumentBodies.StoreBody;
import io.ainstruct.adapter.rest.document.DocumentBodies.StoredView;
import io.ainstruct.adapter.rest.document.DocumentBodies.UpdateBody;
import io.ainstruct.application.document.DocumentChanges;
import io.ainstruct.application.document.DocumentService;
import io.ainstruct.application.document.NewDocument;
import io.ainstruct.application.document.StoredDocument;
import io.ainstruct.application.search.SearchRequest;
import io.ainstruct.application.search.SearchService;
import io.ainstruct.domain.Ids;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.document.DocumentType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.Optional;
import java.util.UUID;

@Controller("/api/v1/documents")
@ExecuteOn(TaskExecutors.BLOCKING)
class DocumentController {
    private final DocumentService documents;
    private final SearchService search;
    private final Callers callers;

    DocumentController(DocumentService documents, SearchService search, Callers callers) {
        this.documents = documents;
        this.search = search;
        this.callers = callers;
    }

    /**
     * 201 for a new document; 200 with the existing one when the collection already holds the same content. Metadata
     * may hold at most 16 KB of JSON, 256 keys (counted in every nested object) and 8 levels; beyond, 413
     * {@code METADATA_TOO_LARGE} (also on update).
     */
    @Post
    HttpResponse<StoredView> store(@Parameter(hidden = true) BearerToken token, @Body StoreBody body) {
        var caller = callers.of(token);
        StoredDocument stored = documents.store(caller, new NewDocument(collectionId(body.collectionId()),
                body.title(), body.content(), type(body.documentType()), body.metadata()));
        return HttpResponse.status(stored.created() ? HttpStatus.CREATED : HttpStatus.OK).body(StoredView.of(stored));
    }

    @Get
    DocumentList list(@Parameter(hidden = true) BearerToken token, @Nullable @QueryValue("collection_id") String collectionId,
                      @Nullable @QueryValue Integer limit, @Nullable @QueryValue Integer offset) {
        var caller = callers.of(token);
        return DocumentList.of(documents.list(caller, Optional.ofNullable(collectionId).map(DocumentController::collectionId),
                limit, offset));
    }

    @Get("/{id}")
    DocumentView get(@Parameter(hidden = true) BearerToken token, UUID id) {
        return DocumentView.of(documents.get(callers.of(token), new DocumentId(id)));
    }

    @Patch("/{id}")
    DocumentView update(@Parameter(hidden = true) BearerToken token, UUID id, @Body UpdateBody body) {
        var caller = callers.of(token);
        DocumentChanges changes = new DocumentChanges(Optional.ofNullable(body.title()), Optional.ofNullable(body.content()),
                Optional.ofNullable(body.documentType()).map(DocumentController::type), Optional.ofNullable(body.metadata()),
                Optional.ofNullable(body.collectionId()).map(DocumentController::collectionId));
        return DocumentView.of(documents.update(caller, new DocumentId(id), changes));
    }

    @Delete("/{id}")
    MessageView delete(@Parameter(hidden = true) BearerToken token, UUID id) {
        documents.delete(callers.of(token), new DocumentId(id));
        return new MessageView("Document deleted successfully");
    }

    @Post("/search")
    SearchView search(@Parameter(hidden = true) BearerToken token, @Body SearchBody body) {
        var caller = callers.of(token);
        SearchRequest request = SearchRequest.of(body.query(),
                Optional.ofNullable(body.collectionId()).map(DocumentController::collectionId),
                body.maxResults(), body.maxTokens(), Optional.ofNullable(body.documentType()).map(DocumentController::type),
                body.metadata(), Optional.ofNullable(body.scoreThreshold()), body.searchMode());
        return SearchView.of(search.search(caller, request));
    }

    private static CollectionId collectionId(String text) {
        return new CollectionId(Ids.parse("collection_id", text));
    }

    private static DocumentType type(String text) {
        return DocumentType.parse("document_type", text);
    }
}
