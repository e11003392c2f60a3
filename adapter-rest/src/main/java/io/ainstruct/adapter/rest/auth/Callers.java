package io.ainstruct.adapter.rest.auth;

import io.ainstruct.application.access.Authenticator;
import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.usage.EntryPoint;
import jakarta.inject.Singleton;

/** Authenticates a REST request's bearer token; called by controllers on their blocking executor. */
@Singleton
public class Callers {
    private final Authenticator authenticator;

    Callers(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    public Caller of(BearerToken token) {
        return authenticator.authenticate(token.value(), EntryPoint.REST);
    }
}
