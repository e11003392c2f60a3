package io.ainstruct.domain.port;

import io.ainstruct.domain.session.IssuedToken;
import io.ainstruct.domain.user.UserId;

import java.time.Instant;
import java.util.Optional;

/** Short-lived signed session tokens (JWT) for people using the REST API. */
public interface AccessTokens {

    IssuedToken issue(UserId user, Instant now);

    /** The user a valid, unexpired token was issued to; empty for anything forged, malformed or expired. */
    Optional<UserId> verify(String token, Instant now);
}
