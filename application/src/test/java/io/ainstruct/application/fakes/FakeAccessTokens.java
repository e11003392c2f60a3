package io.ainstruct.application.fakes;

import io.ainstruct.domain.port.AccessTokens;
import io.ainstruct.domain.session.AccessClaims;
import io.ainstruct.domain.session.IssuedToken;
import io.ainstruct.domain.user.UserId;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** "jwt-" + user id + a serial number; only tokens it issued verify, and only before they expire. */
public final class FakeAccessTokens implements AccessTokens {
    public static final Duration LIFETIME = Duration.ofMinutes(30);

    private final Map<String, IssuedFor> issued = new HashMap<>();
    private int serial;

    private record IssuedFor(AccessClaims claims, Instant expiresAt) {
    }

    @Override
    public IssuedToken issue(UserId user, String credentialStamp, Instant now) {
        String value = "jwt-" + user + "-" + ++serial;
        Instant expiresAt = now.plus(LIFETIME);
        issued.put(value, new IssuedFor(new AccessClaims(user, credentialStamp), expiresAt));
        return new IssuedToken(value, expiresAt);
    }

    @Override
    public Optional<AccessClaims> verify(String token, Instant now) {
        return Optional.ofNullable(issued.get(token))
                .filter(t -> now.isBefore(t.expiresAt()))
                .map(IssuedFor::claims);
    }
}
