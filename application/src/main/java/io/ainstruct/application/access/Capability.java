package io.ainstruct.application.access;

import io.ainstruct.domain.access.Scope;

/**
 * What a caller may be allowed to do, one constant per kind of use case. {@link Capabilities} decides which a caller
 * has; the use cases refuse by it and entry points ask it what to offer.
 */
public enum Capability {
    /** Search, read and list documents: a person with {@code read}, or any collection token inside its collection. */
    READ_DOCUMENTS(Scope.READ),
    /** Store, change and delete documents: a person with {@code write}, or a {@code read_write} collection token. */
    WRITE_DOCUMENTS(Scope.WRITE),
    /** See one's own account: profile, collections, tokens, usage. People only. */
    READ_ACCOUNT(Scope.READ),
    /** Change one's own account: collections, moving documents between collections. People only. */
    MANAGE_ACCOUNT(Scope.WRITE),
    /**
     * Create, rotate and revoke one's personal and collection access tokens: a login session, or a personal token
     * given the {@code tokens} scope by name.
     */
    MANAGE_TOKENS(Scope.TOKENS),
    /** See and change every user: a superuser whose session or token carries {@code admin}. */
    ADMINISTER_USERS(Scope.ADMIN);

    private final Scope scope;

    Capability(Scope scope) {
        this.scope = scope;
    }

    /** The scope a person's session or personal access token must carry for it. */
    public Scope scope() {
        return scope;
    }
}
