package io.ainstruct.domain.session;

import java.time.Instant;

public record IssuedToken(String value, Instant expiresAt) {
}
