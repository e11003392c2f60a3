package io.ainstruct.domain.access;

import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.user.UserId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Who is asking. Every use case receives one; authorization is decided from it alone. */
public sealed interface Caller {

    /** The user on whose behalf the request runs: the owner of whatever the caller may reach. */
    UserId userId();

    /**
     * A user acting through a session (JWT) or a personal access token, limited to {@code scopes}: a superuser's
     * session carries every scope, a superuser's token only those it was given. {@code tokenExpiresAt} is when the
     * personal access token acted through stops working; empty for a session (the tokens it creates are meant to
     * outlive it) and for a token that never expires.
     */
    record Person(UserId userId, Set<Scope> scopes, boolean superuser, Optional<Instant> tokenExpiresAt) implements Caller {
        public Person {
            scopes = Set.copyOf(scopes);
            Objects.requireNonNull(tokenExpiresAt, "tokenExpiresAt");
        }

        /** A login session. */
        public Person(UserId userId, Set<Scope> scopes, boolean superuser) {
            this(userId, scopes, superuser, Optional.empty());
        }

        public boolean has(Scope scope) {
            return scopes.contains(scope);
        }
    }

    /** A collection access token: one collection, read or read-write, acting for the user who created it. */
    record CollectionToken(UserId userId, CollectionId collectionId, Permission permission) implements Caller {
    }
}
