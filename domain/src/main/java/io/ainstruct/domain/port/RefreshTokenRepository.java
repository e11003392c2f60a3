package io.ainstruct.domain.port;

import io.ainstruct.domain.session.RefreshToken;
import io.ainstruct.domain.user.UserId;

import java.time.Instant;
import java.util.Optional;

public interface RefreshTokenRepository {

    void insert(RefreshToken token);

    /**
     * Marks the token with this digest as used, if it is unused, unrevoked and unexpired at {@code now}, and returns
     * it. Atomic: of two concurrent uses of one token, exactly one succeeds.
     */
    Optional<RefreshToken> consume(String tokenHash, Instant now);

    /** Revokes every token of the family of the token with this digest; nothing when no token has it. */
    void revokeFamily(String tokenHash, Instant now);

    void revokeAll(UserId user, Instant now);
}
