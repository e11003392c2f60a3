package io.ainstruct.application.access;

import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.access.Scope;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.error.Forbidden;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What this caller may do: the one place a permission is decided. The use cases refuse through {@link #require}; the
 * entry points ask {@link #allows} what to show (MCP's tools/list, the dashboard's links), so both always agree.
 * Which collection a caller reaches is {@link CollectionAccess}'s question, asked after this one.
 */
public final class Capabilities {
    private final Caller caller;

    private Capabilities(Caller caller) {
        this.caller = caller;
    }

    public static Capabilities of(Caller caller) {
        return new Capabilities(caller);
    }

    public boolean allows(Capability capability) {
        if (caller instanceof Caller.CollectionToken token) {
            return capability == Capability.READ_DOCUMENTS
                    || capability == Capability.WRITE_DOCUMENTS && token.permission().allowsWrite();
        }
        Caller.Person person = (Caller.Person) caller;
        return (capability != Capability.ADMINISTER_USERS || person.superuser()) && person.has(capability.scope());
    }

    /** Refuses, naming why: the scope a person's token lacks, or what a collection token or a non-admin cannot do. */
    public void require(Capability capability) {
        if (allows(capability)) {
            return;
        }
        if (!(caller instanceof Caller.Person person)) {
            throw new Forbidden(ErrorCode.FORBIDDEN, switch (capability) {
                case WRITE_DOCUMENTS -> "This collection access token is read-only";
                case ADMINISTER_USERS -> "Administrators only";
                default -> "A collection access token cannot do this; use a personal access token or log in";
            });
        }
        if (capability == Capability.ADMINISTER_USERS && !person.superuser()) {
            throw new Forbidden(ErrorCode.FORBIDDEN, "Administrators only");
        }
        throw new Forbidden(ErrorCode.INSUFFICIENT_SCOPE,
                "This token lacks the '" + capability.scope().name().toLowerCase(Locale.ROOT) + "' scope");
    }

    /**
     * A person's scope is checked before anything is looked up, so that a refusal never depends on whether someone
     * else's document exists; a collection token's permission is checked inside its own collection, by
     * {@link CollectionAccess}, so that it learns nothing about other collections.
     */
    public void requireOfPerson(Capability capability) {
        if (caller instanceof Caller.Person) {
            require(capability);
        }
    }

    /**
     * A token never outlives the token that creates it: a new token's expiry is the one asked for, cut to the
     * caller's own token's. A session's tokens may outlive it.
     */
    public Instant newTokenExpiry(Instant requested) {
        return tokenExpiry().filter(own -> own.isBefore(requested)).orElse(requested);
    }

    /** Rotating hands out a new secret for the token's remaining life, so that life may not outlast the caller's own. */
    public void requireOutlivesRotated(Instant rotatedExpiresAt) {
        tokenExpiry().filter(own -> rotatedExpiresAt == null || own.isBefore(rotatedExpiresAt)).ifPresent(own -> {
            throw new Forbidden(ErrorCode.FORBIDDEN, "This token would hand out a secret that outlives it; "
                    + "rotate that token from a login session");
        });
    }

    private Optional<Instant> tokenExpiry() {
        return caller instanceof Caller.Person person ? person.tokenExpiresAt() : Optional.empty();
    }

    /** A new personal access token never carries a scope its creator lacks: no escalation through tokens. */
    public boolean mayGrant(Set<Scope> scopes) {
        return caller instanceof Caller.Person person && person.scopes().containsAll(scopes);
    }
}
