package io.ainstruct.adapter.rest.token;

import io.swagger.v3.oas.annotations.Parameter;
import io.ainstruct.adapter.rest.MessageView;
import io.ainstruct.adapter.rest.auth.BearerToken;
import io.ainstruct.adapter.rest.auth.Callers;
import io.ainstruct.adapter.rest.token.TokenBodies.CatList;
import io.ainstruct.adapter.rest.token.TokenBodies.CatView;
import io.ainstruct.adapter.rest.token.TokenBodies.RotateBody;
import io.ainstruct.adapter.rest.token.TokenBodies.CreateCatBody;
import io.ainstruct.application.token.CollectionTokenService;
import io.ainstruct.application.token.TokenRequest;
import io.ainstruct.domain.Ids;
import io.ainstruct.domain.access.Permission;
import io.ainstruct.domain.collection.CollectionId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Controller("/api/v1/auth/cat")
@ExecuteOn(TaskExecutors.BLOCKING)
class CollectionTokenController {
    private final CollectionTokenService tokens;
    private final Callers callers;

    CollectionTokenController(CollectionTokenService tokens, Callers callers) {
        this.tokens = tokens;
        this.callers = callers;
    }

    /** The only response that carries the secret, in {@code token}. */
    @Post
    @Status(HttpStatus.CREATED)
    CatView create(@Parameter(hidden = true) BearerToken token, @Body CreateCatBody body) {
        var caller = callers.of(token);
        return CatView.issued(tokens.create(caller, collectionId(body.collectionId()),
                TokenRequest.of(body.label(), body.expiresInDays()), Permission.parse("permission", body.permission())));
    }

    @Get
    CatList list(@Parameter(hidden = true) BearerToken token, @Nullable @QueryValue("collection_id") String collectionId) {
        var caller = callers.of(token);
        List<CatView> views = tokens.list(caller, Optional.ofNullable(collectionId).map(CollectionTokenController::collectionId))
                .stream().map(CatView::of).toList();
        return new CatList(views, views.size());
    }

    @Delete("/{id}")
    MessageView revoke(@Parameter(hidden = true) BearerToken token, UUID id) {
        tokens.revoke(callers.of(token), id);
        return new MessageView("CAT deleted successfully");
    }

    /** The Python service's current spelling of revocation. */
    @Post("/{id}/delete")
    MessageView revokeByPost(@Parameter(hidden = true) BearerToken token, UUID id) {
        return revoke(token, id);
    }

    @Post("/{id}/rotate")
    CatView rotate(@Parameter(hidden = true) BearerToken token, UUID id, @Nullable @Body RotateBody body) {
        return CatView.issued(tokens.rotate(callers.of(token), id, RotateBody.rotation(body)));
    }

    private static CollectionId collectionId(String text) {
        return new CollectionId(Ids.parse("collection_id", text));
    }
}
