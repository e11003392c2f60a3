package io.ainstruct.adapter.rest.auth;

import io.ainstruct.application.access.Authenticator;
import io.ainstruct.domain.access.Caller;
import jakarta.inject.Singleton;

/** Authenticates a request's bearer token; called by controllers on their blocking executor. */
@Singleton
public class Callers {
    private final Authenticator authenticator;

    Callers(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    public Caller of(BearerToken token) {
        return authenticator.authenticate(token.value());
    }
}
