package io.ainstruct.domain.port;

import io.ainstruct.domain.access.CollectionAccessToken;
import io.ainstruct.domain.access.NamedCollectionToken;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.user.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

public interface CollectionAccessTokenRepository {

    void insert(CollectionAccessToken token);

    Optional<CollectionAccessToken> findByHash(String tokenHash);

    Optional<CollectionAccessToken> findById(UUID id);

    /** Tokens on collections owned by {@code owner}, optionally of one collection, active or not, newest first. */
    List<NamedCollectionToken> listByOwner(UserId owner, Optional<CollectionId> collection);

    /** Saves label, secret hash, permission, expiry and active flag. */
    void update(CollectionAccessToken token);

    /** Sets {@code last_used_at} for many tokens at once; a later time never goes back to an earlier one. */
    void recordUse(Map<UUID, Instant> lastUsed);
}
