package io.ainstruct.domain.user;

import io.ainstruct.domain.session.Secrets;

import java.time.Instant;

public record User(UserId id, String email, String username, String passwordHash,
                   boolean active, boolean superuser, Instant createdAt, Instant updatedAt) {

    public User withPasswordHash(String newHash, Instant now) {
        return new User(id, email, username, newHash, active, superuser, createdAt, now);
    }

    /**
     * Changes whenever the password does: access tokens carry it, so a new password ends every session issued under
     * the old one. A digest of the bcrypt hash, cut short: it tells a token's reader nothing about the password.
     */
    public String credentialStamp() {
        return Secrets.digest(passwordHash).substring(0, 16);
    }
}
