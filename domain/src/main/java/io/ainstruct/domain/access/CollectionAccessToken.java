package io.ainstruct.domain.access;

import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.user.UserId;

import java.time.Instant;
import java.util.UUID;

/**
 * A collection access token: reaches one collection, read or read-write, on behalf of the user who created it.
 * {@code expiresAt} and {@code lastUsedAt} may be null.
 */
public record CollectionAccessToken(UUID id, CollectionId collectionId, UserId createdBy, String label, String tokenHash,
                                    Permission permission, Instant expiresAt, Instant lastUsedAt, boolean active,
                                    Instant createdAt) {

    public boolean usableAt(Instant now) {
        return active && (expiresAt == null || expiresAt.isAfter(now));
    }

    public CollectionAccessToken revoked() {
        return new CollectionAccessToken(id, collectionId, createdBy, label, tokenHash, permission, expiresAt, lastUsedAt,
                false, createdAt);
    }

    /** The same token under a new secret, label and expiry. */
    public CollectionAccessToken rotated(String newHash, String newLabel, Instant newExpiresAt) {
        return new CollectionAccessToken(id, collectionId, createdBy, newLabel, newHash, permission, newExpiresAt,
                lastUsedAt, active, createdAt);
    }
}
