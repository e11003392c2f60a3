package io.ainstruct.adapter.web.page;

import io.ainstruct.application.collection.CollectionService;
import io.ainstruct.application.document.DocumentChanges;
import io.ainstruct.application.document.DocumentService;
import io.ainstruct.application.document.NewDocument;
import io.ainstruct.application.document.StoredDocument;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.collection.CollectionSummary;
import io.ainstruct.domain.document.Document;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.document.DocumentSummary;
import io.ainstruct.domain.document.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The document list, the markdown editor with its live preview, the document view and deletion. */
@Controller("/app/documents")
@ExecuteOn(TaskExecutors.BLOCKING)
class DocumentPages {
    static final int PAGE_SIZE = 25;
    private static final String LIST = "/app/documents";
    private static final String NEW = "/app/documents/new";

    private final Pages pages;
    private final DocumentService documents;
    private final CollectionService collections;

    DocumentPages(Pages pages, DocumentService documents, CollectionService collections) {
        this.pages = pages;
        this.documents = documents;
        this.collections = collections;
    }

    @Get
    MutableHttpResponse<?> list(HttpRequest<?> request, @Nullable @QueryValue String collection, @Nullable @QueryValue Integer page) {
        return pages.show(request, visit -> {
            Optional<CollectionId> filter = CollectionPages.chosenCollection(collection);
            int pageNumber = page == null || page < 1 ? 1 : page;
            List<CollectionSummary> owned = collections.list(visit.caller());
            Map<CollectionId, String> names = owned.stream()
                    .collect(Collectors.toMap(c -> c.collection().id(), c -> c.collection().name()));
            Page<DocumentSummary> found = documents.list(visit.caller(), filter, PAGE_SIZE, (pageNumber - 1) * PAGE_SIZE);
            long pageCount = Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
            String filterQuery = filter.map(c -> "collection=" + c.value() + "&").orElse("");
            Model model = Model.of("documents", found.items().stream().map(d -> row(d, names)).toList(),
                    "total", found.total(), "page", pageNumber, "pageCount", pageCount,
                    "previous", pageNumber > 1 ? LIST + "?" + filterQuery + "page=" + (pageNumber - 1) : null,
                    "next", pageNumber < pageCount ? LIST + "?" + filterQuery + "page=" + (pageNumber + 1) : null,
                    "collections", owned.stream().map(CollectionPages::row).toList(),
                    "selected", filter.map(c -> c.value().toString()).orElse(""));
            visit.flash(Notice.class).ifPresent(n -> model.with("notice", n.text()));
            return visit.page("documents", model);
        });
    }

    @Get("/new")
    MutableHttpResponse<?> newDocument(HttpRequest<?> request, @Nullable @QueryValue String collection) {
        return pages.show(request, visit -> {
            Map<String, String> typed = visit.draft(NEW).orElse(Map.of("collection", collection == null ? "" : collection));
            return editor(visit, HttpStatus.OK, null, typed, null);
        });
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> create(HttpRequest<?> request, @Body Map<String, String> fields) {
        Form form = Form.of(fields, NEW);
        return pages.submit(request, form, visit -> {
            if (previewOnly(form)) {
                return editor(visit, HttpStatus.OK, null, form.fields(), null);
            }
            CollectionId target = form.optional("collection") == null
                    ? collections.defaultCollectionOf(visit.caller()) : CollectionPages.collectionId(form.get("collection"));
            StoredDocument stored = documents.store(visit.caller(),
                    new NewDocument(target, form.get("title").strip(), form.get("content"), null, null));
            String said = stored.created() ? "Document saved." : "An identical document exists already; here it is.";
            return visit.redirect(path(stored.document().id()), new Notice(said));
        }, (visit, error) -> editor(visit, HttpStatus.UNPROCESSABLE_ENTITY, null, form.fields(), error));
    }

    @Get("/{id}")
    MutableHttpResponse<?> view(HttpRequest<?> request, @PathVariable String id) {
        return pages.show(request, visit -> {
            StoredDocument stored = documents.get(visit.caller(), documentId(id));
            Document document = stored.document();
            Model model = Model.of("id", id, "title", document.title(), "type", document.type().name().toLowerCase(),
                    "collection", collections.get(visit.caller(), document.collectionId()).collection().name(),
                    "chunks", stored.chunkCount(), "tokens", stored.tokenCount(),
                    "updated", Dates.minute(document.updatedAt()), "html", Markdown.html(document.content()));
            visit.flash(Notice.class).ifPresent(n -> model.with("notice", n.text()));
            return visit.page("document", model);
        });
    }

    @Get("/{id}/edit")
    MutableHttpResponse<?> edit(HttpRequest<?> request, @PathVariable String id) {
        return pages.show(request, visit -> {
            Document document = documents.get(visit.caller(), documentId(id)).document();
            Map<String, String> typed = visit.draft(path(document.id()) + "/edit").orElse(Map.of(
                    "collection", document.collectionId().value().toString(),
                    "title", document.title(), "content", document.content()));
            return editor(visit, HttpStatus.OK, id, typed, null);
        });
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> update(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> fields) {
        Form form = Form.of(fields, LIST + "/" + id + "/edit");
        return pages.submit(request, form, visit -> {
            if (previewOnly(form)) {
                return editor(visit, HttpStatus.OK, id, form.fields(), null);
            }
            DocumentId documentId = documentId(id);
            documents.update(visit.caller(), documentId, new DocumentChanges(Optional.of(form.get("title").strip()),
                    Optional.of(form.get("content")), Optional.empty(), Optional.empty(),
                    Optional.ofNullable(form.optional("collection")).map(CollectionPages::collectionId)));
            return visit.redirect(path(documentId), new Notice("Document saved."));
        }, (visit, error) -> editor(visit, HttpStatus.UNPROCESSABLE_ENTITY, id, form.fields(), error));
    }

    /** The live preview: the editor's content as the document page will show it. Changes nothing. */
    @Post("/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> preview(HttpRequest<?> request, @Body Map<String, String> fields) {
        Form form = Form.of(fields, NEW);
        return pages.submit(request, form,
                visit -> HttpResponse.ok(Markdown.html(form.get("content"))).contentType(MediaType.TEXT_HTML_TYPE),
                (visit, error) -> HttpResponse.ok(error).contentType(MediaType.TEXT_PLAIN_TYPE));
    }

    @Get("/{id}/delete")
    MutableHttpResponse<?> confirmDelete(HttpRequest<?> request, @PathVariable String id) {
        return pages.show(request, visit -> {
            Document document = documents.get(visit.caller(), documentId(id)).document();
            return visit.page("document-delete", Model.of("id", id, "title", document.title()));
        });
    }

    @Post("/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> delete(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> fields) {
        return pages.submit(request, Form.of(fields, LIST + "/" + id + "/delete"), visit -> {
            DocumentId documentId = documentId(id);
            String title = documents.get(visit.caller(), documentId).document().title();
            documents.delete(visit.caller(), documentId);
            return visit.redirect(LIST, new Notice("Document '" + title + "' deleted."));
        }, (visit, error) -> visit.error(HttpStatus.CONFLICT, "Not deleted", error));
    }

    private MutableHttpResponse<?> editor(Visit visit, HttpStatus status, String id, Map<String, String> typed, String error) {
        String content = typed.getOrDefault("content", "");
        Model model = Model.of("id", id, "title", typed.getOrDefault("title", ""), "content", content,
                "selected", typed.getOrDefault("collection", ""), "error", error,
                "collections", collections.list(visit.caller()).stream().map(CollectionPages::row).toList(),
                "preview", Markdown.html(content),
                "action", id == null ? LIST : LIST + "/" + id);
        return visit.page(status, "document-edit", model);
    }

    private static boolean previewOnly(Form form) {
        return "preview".equals(form.get("_action"));
    }

    private static Model row(DocumentSummary d, Map<CollectionId, String> names) {
        return Model.of("id", d.id().value().toString(), "title", d.title(),
                "collection", names.getOrDefault(d.collectionId(), ""), "chunks", d.chunkCount(),
                "updated", Dates.minute(d.updatedAt()));
    }

    private static String path(DocumentId id) {
        return LIST + "/" + id.value();
    }

    static DocumentId documentId(String id) {
        return new DocumentId(Ids.parse(id));
    }
}
