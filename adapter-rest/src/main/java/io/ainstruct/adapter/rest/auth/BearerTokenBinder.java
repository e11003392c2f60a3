package io.ainstruct.adapter.rest.auth;

import io.ainstruct.application.access.BearerHeader;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Hands controllers the bearer token. It only parses the header: checking the token touches the database, which
 * must not happen on the event loop, so controllers authenticate on their blocking executor.
 */
@Singleton
class BearerTokenBinder implements TypedRequestArgumentBinder<BearerToken> {
    @Override
    public Argument<BearerToken> argumentType() {
        return Argument.of(BearerToken.class);
    }

    @Override
    public BindingResult<BearerToken> bind(ArgumentConversionContext<BearerToken> context, HttpRequest<?> request) {
        String token = BearerHeader.token(request.getHeaders().get(HttpHeaders.AUTHORIZATION));
        return () -> Optional.of(new BearerToken(token));
    }
}
