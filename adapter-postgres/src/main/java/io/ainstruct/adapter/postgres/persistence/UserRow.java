package io.ainstruct.adapter.postgres.persistence;

import io.ainstruct.domain.user.User;
import io.ainstruct.domain.user.UserId;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;
import java.util.UUID;

@MappedEntity("users")
record UserRow(@Id UUID id, String email, String username, String passwordHash,
               @MappedProperty("is_active") boolean active, @MappedProperty("is_superuser") boolean superuser,
               Instant createdAt, Instant updatedAt) {

    static UserRow of(User user) {
        return new UserRow(user.id().value(), user.email(), user.username(), user.passwordHash(), user.active(),
                user.superuser(), user.createdAt(), user.updatedAt());
    }

    User toDomain() {
        return new User(new UserId(id), email, username, passwordHash, active, superuser, createdAt, updatedAt);
    }
}
