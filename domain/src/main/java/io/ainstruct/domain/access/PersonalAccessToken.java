package io.ainstruct.domain.access;

import io.ainstruct.domain.user.UserId;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A personal access token: acts as its user, limited to {@code scopes}. Only the SHA-256 of the secret is kept.
 * {@code expiresAt} and {@code lastUsedAt} may be null (never expires; never used).
 */
public record PersonalAccessToken(UUID id, UserId userId, String label, String tokenHash, Set<Scope> scopes,
                                  Instant expiresAt, Instant lastUsedAt, boolean active, Instant createdAt) {

    public PersonalAccessToken {
        scopes = Set.copyOf(scopes);
    }

    public boolean usableAt(Instant now) {
        return active && (expiresAt == null || expiresAt.isAfter(now));
    }

    public PersonalAccessToken revoked() {
        return new PersonalAccessToken(id, userId, label, tokenHash, scopes, expiresAt, lastUsedAt, false, createdAt);
    }

    /** The same token under a new secret, label and expiry. */
    public PersonalAccessToken rotated(String newHash, String newLabel, Instant newExpiresAt) {
        return new PersonalAccessToken(id, userId, newLabel, newHash, scopes, newExpiresAt, lastUsedAt, active, createdAt);
    }
}
