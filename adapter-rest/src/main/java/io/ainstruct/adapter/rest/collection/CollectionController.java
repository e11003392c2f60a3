package io.ainstruct.adapter.rest.collection;

import io.swagger.v3.oas.annotations.Parameter;
import io.ainstruct.adapter.rest.MessageView;
import io.ainstruct.adapter.rest.auth.BearerToken;
import io.ainstruct.adapter.rest.auth.Callers;
import io.ainstruct.adapter.rest.collection.CollectionBodies.CollectionList;
import io.ainstruct.adapter.rest.collection.CollectionBodies.CollectionView;
import io.ainstruct.adapter.rest.collection.CollectionBodies.NameBody;
import io.ainstruct.application.collection.CollectionService;
import io.ainstruct.domain.collection.CollectionId;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;
import java.util.UUID;

@Controller("/api/v1/collections")
@ExecuteOn(TaskExecutors.BLOCKING)
class CollectionController {
    private final CollectionService collections;
    private final Callers callers;

    CollectionController(CollectionService collections, Callers callers) {
        this.collections = collections;
        this.callers = callers;
    }

    @Post
    @Status(HttpStatus.CREATED)
    CollectionView create(@Parameter(hidden = true) BearerToken token, @Body NameBody body) {
        return CollectionView.of(collections.create(callers.of(token), body.name()));
    }

    @Get
    CollectionList list(@Parameter(hidden = true) BearerToken token) {
        List<CollectionView> views = collections.list(callers.of(token)).stream().map(CollectionView::of).toList();
        return new CollectionList(views, views.size());
    }

    @Get("/{id}")
    CollectionView get(@Parameter(hidden = true) BearerToken token, UUID id) {
        return CollectionView.of(collections.get(callers.of(token), new CollectionId(id)));
    }

    @Patch("/{id}")
    CollectionView rename(@Parameter(hidden = true) BearerToken token, UUID id, @Body NameBody body) {
        return CollectionView.of(collections.rename(callers.of(token), new CollectionId(id), body.name()));
    }

    @Delete("/{id}")
    MessageView delete(@Parameter(hidden = true) BearerToken token, UUID id) {
        collections.delete(callers.of(token), new CollectionId(id));
        return new MessageView("Collection deleted successfully");
    }
}
