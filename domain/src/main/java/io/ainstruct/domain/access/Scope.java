package io.ainstruct.domain.access;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a session or personal access token may do. {@code TOKENS} (create, rotate and revoke tokens) is never a
 * default of a personal token: a token that may mint tokens makes its own leak outlive its revocation, so it must be
 * asked for by name. Every login session carries it.
 */
public enum Scope {
    READ, WRITE, ADMIN, TOKENS;

    public static Set<Scope> all() {
        return EnumSet.allOf(Scope.class);
    }
}
