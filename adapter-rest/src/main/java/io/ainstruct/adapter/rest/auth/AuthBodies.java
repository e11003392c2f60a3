package io.ainstruct.adapter.rest.auth;

import io.ainstruct.application.account.Session;
import io.ainstruct.domain.user.User;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** Request and response bodies of {@code /api/v1/auth}. Fields are nullable so that the use case names what is missing. */
final class AuthBodies {
    private AuthBodies() {
    }

    @Serdeable
    record RegisterBody(@Nullable String username, @Nullable String email, @Nullable String password) {
    }

    @Serdeable
    record LoginBody(@Nullable String username, @Nullable String email, @Nullable String password) {
        String login() {
            return username != null ? username : email;
        }
    }

    @Serdeable
    record RefreshBody(@Nullable String refreshToken) {
    }

    @Serdeable
    record PasswordChangeBody(@Nullable String currentPassword, @Nullable String newPassword) {
    }

    @Serdeable
    record TokenPairView(String accessToken, String refreshToken, String tokenType, long expiresIn) {
        static TokenPairView of(Session session) {
            return new TokenPairView(session.accessToken(), session.refreshToken(), "bearer",
                    session.accessTokenLifetime().toSeconds());
        }
    }

    @Serdeable
    record UserView(UUID userId, String email, String username, boolean isActive, boolean isSuperuser,
                    Instant createdAt, Instant updatedAt) {
        static UserView of(User user) {
            return new UserView(user.id().value(), user.email(), user.username(), user.active(), user.superuser(),
                    user.createdAt(), user.updatedAt());
        }
    }
}
