package io.ainstruct.domain.port;

import io.ainstruct.domain.session.AccessClaims;
import io.ainstruct.domain.session.IssuedToken;
import io.ainstruct.domain.user.UserId;

import java.time.Instant;
import java.util.Optional;

/** Short-lived signed session tokens (JWT) for people using the REST API. */
public interface AccessTokens {

    /** A token for this user, carrying the stamp of the password they have now. */
    IssuedToken issue(UserId user, String credentialStamp, Instant now);

    /** What a valid, unexpired token says; empty for anything forged, malformed, expired or issued without a stamp. */
    Optional<AccessClaims> verify(String token, Instant now);
}
