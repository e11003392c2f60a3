package io.ainstruct.domain.port;

import io.ainstruct.domain.session.RefreshToken;
import io.ainstruct.domain.user.UserId;

import java.time.Instant;
import java.util.Optional;

public interface RefreshTokenRepository {

    void insert(RefreshToken token);

    /**
     * Marks the token with this digest as used, if it is unused and unexpired at {@code now}, and returns its user.
     * Atomic: of two concurrent uses of one token, exactly one succeeds.
     */
    Optional<UserId> consume(String tokenHash, Instant now);

    void revokeAll(UserId user, Instant now);
}
