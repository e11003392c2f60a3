package io.ainstruct.adapter.postgres.persistence;

import io.ainstruct.adapter.postgres.shared.TokenColumns;
import io.ainstruct.domain.access.PersonalAccessToken;
import io.ainstruct.domain.user.UserId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;
import java.util.UUID;

/** A pat_tokens row; {@code scopes} are written as {@link TokenColumns#scopeNames} says. */
@MappedEntity("pat_tokens")
record PatRow(@Id UUID id, UUID userId, String label, String tokenHash, String[] scopes,
              @Nullable Instant expiresAt, @Nullable Instant lastUsedAt,
              @MappedProperty("is_active") boolean active, Instant createdAt) {

    static PatRow of(PersonalAccessToken token) {
        return new PatRow(token.id(), token.userId().value(), token.label(), token.tokenHash(),
                TokenColumns.scopeNames(token.scopes()), token.expiresAt(), token.lastUsedAt(), token.active(),
                token.createdAt());
    }

    PersonalAccessToken toDomain() {
        return new PersonalAccessToken(id, new UserId(userId), label, tokenHash, TokenColumns.scopes(scopes), expiresAt,
                lastUsedAt, active, createdAt);
    }
}
