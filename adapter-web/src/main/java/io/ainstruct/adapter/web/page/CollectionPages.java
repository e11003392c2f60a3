package io.ainstruct.adapter.web.page;

import io.ainstruct.application.collection.CollectionService;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.collection.CollectionSummary;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Creating, renaming and deleting collections. */
@Controller("/app/collections")
@ExecuteOn(TaskExecutors.BLOCKING)
class CollectionPages {
    private static final String LIST = "/app/collections";

    private final Pages pages;
    private final CollectionService collections;

    CollectionPages(Pages pages, CollectionService collections) {
        this.pages = pages;
        this.collections = collections;
    }

    @Get
    MutableHttpResponse<?> list(HttpRequest<?> request) {
        return pages.show(request, visit -> listPage(visit, HttpStatus.OK, Model.of("name", "")));
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> create(HttpRequest<?> request, @Body Map<String, String> fields) {
        Form form = Form.of(fields, LIST);
        return pages.submit(request, form, visit -> {
            CollectionSummary created = collections.create(visit.caller(), form.get("name"));
            return visit.redirect(LIST, new Notice("Collection '" + created.collection().name() + "' created."));
        }, (visit, error) -> listPage(visit, HttpStatus.UNPROCESSABLE_ENTITY,
                Model.of("name", form.get("name"), "createError", error)));
    }

    @Post("/{id}/rename")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> rename(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> fields) {
        Form form = Form.of(fields, LIST);
        return pages.submit(request, form, visit -> {
            collections.rename(visit.caller(), collectionId(id), form.get("name"));
            return visit.redirect(LIST, new Notice("Collection renamed to '" + form.get("name").strip() + "'."));
        }, (visit, error) -> listPage(visit, HttpStatus.UNPROCESSABLE_ENTITY,
                Model.of("name", "", "renameId", id, "renameValue", form.get("name"), "renameError", error)));
    }

    @Get("/{id}/delete")
    MutableHttpResponse<?> confirmDelete(HttpRequest<?> request, @PathVariable String id) {
        return pages.show(request, visit -> confirmPage(visit, HttpStatus.OK, collections.get(visit.caller(), collectionId(id)), null));
    }

    @Post("/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> delete(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> fields) {
        return pages.submit(request, Form.of(fields, LIST + "/" + id + "/delete"), visit -> {
            CollectionSummary summary = collections.get(visit.caller(), collectionId(id));
            collections.delete(visit.caller(), summary.collection().id());
            return visit.redirect(LIST, new Notice("Collection '" + summary.collection().name() + "' and its "
                    + summary.documentCount() + " document(s) deleted."));
        }, (visit, error) -> confirmPage(visit, HttpStatus.CONFLICT, collections.get(visit.caller(), collectionId(id)), error));
    }

    private MutableHttpResponse<?> listPage(Visit visit, HttpStatus status, Model model) {
        List<Model> rows = collections.list(visit.caller()).stream().map(CollectionPages::row).toList();
        visit.flash(Notice.class).ifPresent(n -> model.with("notice", n.text()));
        return visit.page(status, "collections", model.with("collections", rows));
    }

    private static MutableHttpResponse<?> confirmPage(Visit visit, HttpStatus status, CollectionSummary summary, String error) {
        return visit.page(status, "collection-delete", row(summary).with("error", error));
    }

    static Model row(CollectionSummary summary) {
        return Model.of("id", summary.collection().id().value().toString(), "name", summary.collection().name(),
                "documents", summary.documentCount(), "activeTokens", summary.activeTokenCount(),
                "created", Dates.day(summary.collection().createdAt()));
    }

    static CollectionId collectionId(String id) {
        return new CollectionId(Ids.parse(id));
    }

    /** The collection a list or search is limited to; an empty choice in the form means every collection. */
    static Optional<CollectionId> chosenCollection(String id) {
        return Optional.ofNullable(id).filter(c -> !c.isBlank()).map(CollectionPages::collectionId);
    }
}
