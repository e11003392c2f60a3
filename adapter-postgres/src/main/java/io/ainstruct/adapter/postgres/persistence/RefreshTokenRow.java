package io.ainstruct.adapter.postgres.persistence;

import io.ainstruct.domain.session.RefreshToken;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

@MappedEntity("refresh_tokens")
record RefreshTokenRow(@Id UUID id, UUID familyId, UUID userId, String tokenHash, Instant expiresAt,
                       @Nullable Instant usedAt, @Nullable Instant revokedAt, Instant createdAt) {

    static RefreshTokenRow issued(RefreshToken token) {
        return new RefreshTokenRow(token.id(), token.familyId(), token.userId().value(), token.tokenHash(), token.expiresAt(),
                null, null, token.createdAt());
    }
}
