package io.ainstruct.domain.port;

import io.ainstruct.domain.access.PersonalAccessToken;
import io.ainstruct.domain.user.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

public interface PersonalAccessTokenRepository {

    void insert(PersonalAccessToken token);

    Optional<PersonalAccessToken> findByHash(String tokenHash);

    Optional<PersonalAccessToken> findById(UUID id);

    /** The user's tokens, active or not, newest first. */
    List<PersonalAccessToken> listByUser(UserId user);

    /** Saves label, secret hash, scopes, expiry and active flag. */
    void update(PersonalAccessToken token);

    /** Sets {@code last_used_at} for many tokens at once; a later time never goes back to an earlier one. */
    void recordUse(Map<UUID, Instant> lastUsed);
}
