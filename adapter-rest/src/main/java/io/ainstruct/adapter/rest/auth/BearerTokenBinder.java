package io.ainstruct.adapter.rest.auth;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Optional;

/**
 * Hands controllers the bearer token. It only parses the header: checking the token touches the database, which
 * must not happen on the event loop, so controllers authenticate on their blocking executor.
 */
@Singleton
class BearerTokenBinder implements TypedRequestArgumentBinder<BearerToken> {
    private static final String PREFIX = "bearer ";

    @Override
    public Argument<BearerToken> argumentType() {
        return Argument.of(BearerToken.class);
    }

    @Override
    public BindingResult<BearerToken> bind(ArgumentConversionContext<BearerToken> context, HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        String token = header != null && header.length() > PREFIX.length()
                && header.substring(0, PREFIX.length()).toLowerCase(Locale.ROOT).equals(PREFIX)
                ? header.substring(PREFIX.length()).trim()
                : null;
        return () -> Optional.of(new BearerToken(token));
    }
}
