package io.ainstruct.domain.user;

import java.time.Instant;

public record User(UserId id, String email, String username, String passwordHash,
                   boolean active, boolean superuser, Instant createdAt, Instant updatedAt) {

    public User withPasswordHash(String newHash, Instant now) {
        return new User(id, email, username, newHash, active, superuser, createdAt, now);
    }
}
