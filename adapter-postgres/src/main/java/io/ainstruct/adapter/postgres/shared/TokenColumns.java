package io.ainstruct.adapter.postgres.shared;

import io.ainstruct.domain.access.Permission;
import io.ainstruct.domain.access.Scope;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How access tokens' rights are written in their columns: a collection token's permission as 'read' or 'read_write'
 * (the check constraint of cats.permission), a personal token's scopes as the lower-case names in pat_tokens.scopes.
 * Repositories and the migration's COPY both write them.
 */
public final class TokenColumns {
    private TokenColumns() {
    }

    public static String permissionName(Permission permission) {
        return permission.name().toLowerCase(Locale.ROOT);
    }

    public static Permission permission(String name) {
        return Permission.valueOf(name.toUpperCase(Locale.ROOT));
    }

    public static String[] scopeNames(Set<Scope> scopes) {
        return scopes.stream().sorted().map(scope -> scope.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);
    }

    /**
     * A name this version does not know grants nothing: the column has no check constraint (imported rows keep
     * what they had), and a scope that is dropped can only take rights away, never give them.
     */
    public static Set<Scope> scopes(String[] names) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        Arrays.stream(names)
                .filter(Objects::nonNull)
                .flatMap(name -> Arrays.stream(Scope.values())
                        .filter(scope -> scope.name().equalsIgnoreCase(name.trim())))
                .forEach(scopes::add);
        return scopes;
    }
}
