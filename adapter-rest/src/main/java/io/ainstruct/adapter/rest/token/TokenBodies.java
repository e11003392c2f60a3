package io.ainstruct.adapter.rest.token;

import io.ainstruct.application.token.IssuedSecret;
import io.ainstruct.application.token.TokenRotation;
import io.ainstruct.domain.access.CollectionAccessToken;
import io.ainstruct.domain.access.NamedCollectionToken;
import io.ainstruct.domain.access.PersonalAccessToken;
import io.ainstruct.domain.access.Scope;
import io.ainstruct.domain.error.InvalidInput;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Bodies of {@code /api/v1/auth/pat} and {@code /api/v1/auth/cat}. A secret appears only in the {@code token} field of a creation or rotation. */
final class TokenBodies {
    private TokenBodies() {
    }

    @Serdeable
    record CreatePatBody(@Nullable String label, @Nullable List<String> scopes, @Nullable Integer expiresInDays) {
    }

    @Serdeable
    record CreateCatBody(@Nullable String label, @Nullable String collectionId, @Nullable String permission,
                         @Nullable Integer expiresInDays) {
    }

    /** Optional on rotate: a new label and a fresh lifetime from now; without them both stay as they were. */
    @Serdeable
    record RotateBody(@Nullable String label, @Nullable Integer expiresInDays) {
        static TokenRotation rotation(@Nullable RotateBody body) {
            return body == null ? TokenRotation.SECRET_ONLY : TokenRotation.of(body.label(), body.expiresInDays());
        }
    }

    @Serdeable
    record PatView(UUID patId, UUID userId, String label, List<String> scopes, Instant expiresAt, Instant lastUsed, boolean isActive,
                   Instant createdAt, @Nullable String token) {
        static PatView of(PersonalAccessToken t) {
            return new PatView(t.id(), t.userId().value(), t.label(), t.scopes().stream().map(s -> s.name().toLowerCase(Locale.ROOT)).sorted().toList(),
                    t.expiresAt(), t.lastUsedAt(), t.active(), t.createdAt(), null);
        }

        static PatView issued(IssuedSecret<PersonalAccessToken> issued) {
            PatView view = of(issued.token());
            return new PatView(view.patId(), view.userId(), view.label(), view.scopes(), view.expiresAt(), view.lastUsed(), view.isActive(),
                    view.createdAt(), issued.secret());
        }
    }

    @Serdeable
    record CatView(UUID catId, String label, UUID collectionId, String collectionName, String permission, Instant expiresAt,
                   Instant lastUsed, boolean isActive, Instant createdAt, @Nullable String token) {
        static CatView of(NamedCollectionToken named) {
            CollectionAccessToken t = named.token();
            return new CatView(t.id(), t.label(), t.collectionId().value(), named.collectionName(),
                    t.permission().name().toLowerCase(Locale.ROOT), t.expiresAt(), t.lastUsedAt(), t.active(), t.createdAt(), null);
        }

        static CatView issued(IssuedSecret<NamedCollectionToken> issued) {
            CatView view = of(issued.token());
            return new CatView(view.catId(), view.label(), view.collectionId(), view.collectionName(), view.permission(),
                    view.expiresAt(), view.lastUsed(), view.isActive(), view.createdAt(), issued.secret());
        }
    }

    @Serdeable
    record PatList(List<PatView> tokens, int total) {
    }

    @Serdeable
    record CatList(List<CatView> tokens, int total) {
    }

    static Scope scope(String text) {
        for (Scope scope : Scope.values()) {
            if (scope.name().equalsIgnoreCase(text)) {
                return scope;
            }
        }
        throw new InvalidInput("scopes", "must be among read, write, admin");
    }
}
