package io.ainstruct.adapter.postgres.persistence;

import io.ainstruct.domain.user.User;
import io.ainstruct.domain.user.UserId;
import io.ainstruct.domain.user.UserStats;
import io.micronaut.core.annotation.Introspected;

import java.time.Instant;
import java.util.UUID;

/** A user with the counts an administrator sees next to them. */
@Introspected
record UserStatsRow(UUID id, String email, String username, String passwordHash, boolean active, boolean superuser,
                    Instant createdAt, Instant updatedAt, long collectionCount, long patCount, long catCount) {

    UserStats toDomain() {
        return new UserStats(new User(new UserId(id), email, username, passwordHash, active, superuser, createdAt,
                updatedAt), collectionCount, patCount, catCount);
    }
}
