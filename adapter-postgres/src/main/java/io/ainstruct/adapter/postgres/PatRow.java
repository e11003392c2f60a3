package io.ainstruct.adapter.postgres;

import io.ainstruct.domain.access.PersonalAccessToken;
import io.ainstruct.domain.access.Scope;
import io.ainstruct.domain.user.UserId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** A pat_tokens row; {@code scopes} are the lower-case names of the token's scopes. */
@MappedEntity("pat_tokens")
record PatRow(@Id UUID id, UUID userId, String label, String tokenHash, String[] scopes,
              @Nullable Instant expiresAt, @Nullable Instant lastUsedAt,
              @MappedProperty("is_active") boolean active, Instant createdAt) {

    static PatRow of(PersonalAccessToken token) {
        return new PatRow(token.id(), token.userId().value(), token.label(), token.tokenHash(),
                scopeNames(token.scopes()), token.expiresAt(), token.lastUsedAt(), token.active(), token.createdAt());
    }

    static String[] scopeNames(Set<Scope> scopes) {
        return scopes.stream().sorted().map(scope -> scope.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);
    }

    /**
     * A name this version does not know grants nothing: the column has no check constraint (imported rows keep
     * what they had), and a scope that is dropped can only take rights away, never give them.
     */
    static Set<Scope> scopes(String[] names) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        Arrays.stream(names)
                .filter(Objects::nonNull)
                .flatMap(name -> Arrays.stream(Scope.values())
                        .filter(scope -> scope.name().equalsIgnoreCase(name.trim())))
                .forEach(scopes::add);
        return scopes;
    }

    PersonalAccessToken toDomain() {
        return new PersonalAccessToken(id, new UserId(userId), label, tokenHash, scopes(scopes), expiresAt, lastUsedAt,
                active, createdAt);
    }
}
