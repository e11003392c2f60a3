package io.ainstruct.application.token;

import io.ainstruct.application.access.Capabilities;
import io.ainstruct.application.access.Capability;
import io.ainstruct.application.access.CollectionAccess;
import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.access.CollectionAccessToken;
import io.ainstruct.domain.access.NamedCollectionToken;
import io.ainstruct.domain.access.Permission;
import io.ainstruct.domain.collection.Collection;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.error.Conflict;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.error.NotFound;
import io.ainstruct.domain.port.CollectionAccessTokenRepository;
import io.ainstruct.domain.port.CollectionRepository;
import io.ainstruct.domain.port.UnitOfWork;
import io.ainstruct.domain.session.Secrets;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Collection access tokens on the caller's own collections: create, list, revoke, rotate. */
public final class CollectionTokenService {
    private final CollectionAccessTokenRepository tokens;
    private final CollectionRepository collections;
    private final CollectionAccess access;
    private final UnitOfWork uow;
    private final Clock clock;

    public CollectionTokenService(CollectionAccessTokenRepository tokens, CollectionRepository collections,
                                  CollectionAccess access, UnitOfWork uow, Clock clock) {
        this.tokens = tokens;
        this.collections = collections;
        this.access = access;
        this.uow = uow;
        this.clock = clock;
    }

    public IssuedSecret<NamedCollectionToken> create(Caller caller, CollectionId collectionId, TokenRequest request,
                                                     Permission permission) {
        Capabilities capabilities = Capabilities.of(caller);
        capabilities.require(Capability.MANAGE_TOKENS);
        String secret = Secrets.generate(TokenPrefixes.COLLECTION);
        Instant now = clock.instant();
        return uow.inTransaction(() -> {
            Collection collection = access.writable(caller, collectionId);
            CollectionAccessToken token = new CollectionAccessToken(UUID.randomUUID(), collection.id(), caller.userId(),
                    request.label(), Secrets.digest(secret), permission == null ? Permission.READ : permission,
                    capabilities.newTokenExpiry(request.expiresAt(now)), null, true, now);
            tokens.insert(token);
            return new IssuedSecret<>(new NamedCollectionToken(token, collection.name()), secret);
        });
    }

    public List<NamedCollectionToken> list(Caller caller, Optional<CollectionId> collection) {
        Capabilities.of(caller).require(Capability.READ_ACCOUNT);
        return uow.readOnly(() -> {
            collection.ifPresent(id -> access.readable(caller, id));
            return tokens.listByOwner(caller.userId(), collection);
        });
    }

    public void revoke(Caller caller, UUID id) {
        Capabilities.of(caller).require(Capability.MANAGE_TOKENS);
        uow.run(() -> tokens.update(own(caller, id).revoked()));
    }

    /** Issues a new secret (and the label and lifetime asked for); the old secret stops working when this commits. */
    public IssuedSecret<NamedCollectionToken> rotate(Caller caller, UUID id, TokenRotation rotation) {
        Capabilities capabilities = Capabilities.of(caller);
        capabilities.require(Capability.MANAGE_TOKENS);
        String secret = Secrets.generate(TokenPrefixes.COLLECTION);
        return uow.inTransaction(() -> {
            CollectionAccessToken token = own(caller, id);
            if (!token.active()) {
                throw new Conflict(ErrorCode.TOKEN_REVOKED, "A revoked token cannot be rotated; create a new one");
            }
            Instant expiresAt = rotation.expiresAt(clock.instant()).map(capabilities::newTokenExpiry).orElse(token.expiresAt());
            capabilities.requireOutlivesRotated(expiresAt);
            CollectionAccessToken updated = token.rotated(Secrets.digest(secret), rotation.label().orElse(token.label()), expiresAt);
            tokens.update(updated);
            String name = collections.findById(token.collectionId()).map(Collection::name).orElse("");
            return new IssuedSecret<>(new NamedCollectionToken(updated, name), secret);
        });
    }

    /** A token on someone else's collection is reported as missing, like one that does not exist. */
    private CollectionAccessToken own(Caller caller, UUID id) {
        return tokens.findById(id)
                .filter(token -> collections.findById(token.collectionId())
                        .map(c -> c.ownerId().equals(caller.userId())).orElse(false))
                .orElseThrow(() -> new NotFound(ErrorCode.CAT_NOT_FOUND, "Collection access token not found"));
    }
}
