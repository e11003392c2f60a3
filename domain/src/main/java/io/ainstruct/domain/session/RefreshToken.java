package io.ainstruct.domain.session;

import io.ainstruct.domain.user.UserId;

import java.time.Instant;
import java.util.UUID;

/** A stored refresh token: only the SHA-256 of its secret is kept. */
public record RefreshToken(UUID id, UserId userId, String tokenHash, Instant expiresAt, Instant createdAt) {
}
