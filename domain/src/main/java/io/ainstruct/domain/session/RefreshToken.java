package io.ainstruct.domain.session;

import io.ainstruct.domain.user.UserId;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored refresh token: only the SHA-256 of its secret is kept. {@code familyId} is shared by the tokens of one
 * login, handed from each token to the one its refresh issues.
 */
public record RefreshToken(UUID id, UUID familyId, UserId userId, String tokenHash, Instant expiresAt, Instant createdAt) {
}
