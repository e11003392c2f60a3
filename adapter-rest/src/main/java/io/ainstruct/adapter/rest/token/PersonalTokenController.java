package io.ainstruct.adapter.rest.token;

import io.swagger.v3.oas.annotations.Parameter;
import io.ainstruct.adapter.rest.MessageView;
import io.ainstruct.adapter.rest.auth.BearerToken;
import io.ainstruct.adapter.rest.auth.Callers;
import io.ainstruct.adapter.rest.token.TokenBodies.CreatePatBody;
import io.ainstruct.adapter.rest.token.TokenBodies.PatList;
import io.ainstruct.adapter.rest.token.TokenBodies.PatView;
import io.ainstruct.adapter.rest.token.TokenBodies.RotateBody;
import io.ainstruct.application.token.PersonalTokenService;
import io.ainstruct.application.token.TokenRequest;
import io.ainstruct.domain.access.Scope;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@Controller("/api/v1/auth/pat")
@ExecuteOn(TaskExecutors.BLOCKING)
class PersonalTokenController {
    private final PersonalTokenService tokens;
    private final Callers callers;

    PersonalTokenController(PersonalTokenService tokens, Callers callers) {
        this.tokens = tokens;
        this.callers = callers;
    }

    /** The only response that carries the secret, in {@code token}. */
    @Post
    @Status(HttpStatus.CREATED)
    PatView create(@Parameter(hidden = true) BearerToken token, @Body CreatePatBody body) {
        var caller = callers.of(token);
        Set<Scope> scopes = body.scopes() == null ? null
                : body.scopes().stream().map(TokenBodies::scope).collect(Collectors.toSet());
        return PatView.issued(tokens.create(caller, TokenRequest.of(body.label(), body.expiresInDays()), scopes));
    }

    @Get
    PatList list(@Parameter(hidden = true) BearerToken token) {
        List<PatView> views = tokens.list(callers.of(token)).stream().map(PatView::of).toList();
        return new PatList(views, views.size());
    }

    @Delete("/{id}")
    MessageView revoke(@Parameter(hidden = true) BearerToken token, UUID id) {
        tokens.revoke(callers.of(token), id);
        return new MessageView("PAT deleted successfully");
    }

    /** The Python service's current spelling of revocation. */
    @Post("/{id}/delete")
    MessageView revokeByPost(@Parameter(hidden = true) BearerToken token, UUID id) {
        return revoke(token, id);
    }

    @Post("/{id}/rotate")
    PatView rotate(@Parameter(hidden = true) BearerToken token, UUID id, @Nullable @Body RotateBody body) {
        return PatView.issued(tokens.rotate(callers.of(token), id, RotateBody.rotation(body)));
    }
}
