package io.ainstruct.application.access;

import io.ainstruct.application.token.TokenPrefixes;
import io.ainstruct.application.usage.ActivityRecorder;
import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.access.CollectionAccessToken;
import io.ainstruct.domain.access.PersonalAccessToken;
import io.ainstruct.domain.access.Scope;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.error.Unauthenticated;
import io.ainstruct.domain.port.AccessTokens;
import io.ainstruct.domain.port.CollectionAccessTokenRepository;
import io.ainstruct.domain.port.CollectionRepository;
import io.ainstruct.domain.port.PersonalAccessTokenRepository;
import io.ainstruct.domain.port.UserRepository;
import io.ainstruct.domain.session.AccessClaims;
import io.ainstruct.domain.session.Secrets;
import io.ainstruct.domain.usage.EntryPoint;
import io.ainstruct.domain.user.User;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a bearer token into the {@link Caller} every use case receives: a session JWT, a personal access token or a
 * collection access token. The user behind a token is read on every request, so deactivating a user, revoking or
 * rotating a token takes effect at once, and so does a password change for the sessions issued before it. Tokens are found by the SHA-256 of their secret, never compared as text.
 */
public final class Authenticator {
    private final AccessTokens accessTokens;
    private final UserRepository users;
    private final PersonalAccessTokenRepository personalTokens;
    private final CollectionAccessTokenRepository collectionTokens;
    private final CollectionRepository collections;
    private final ActivityRecorder activity;
    private final Clock clock;

    public Authenticator(AccessTokens accessTokens, UserRepository users, PersonalAccessTokenRepository personalTokens,
                         CollectionAccessTokenRepository collectionTokens, CollectionRepository collections,
                         ActivityRecorder activity, Clock clock) {
        this.accessTokens = accessTokens;
        this.users = users;
        this.personalTokens = personalTokens;
        this.collectionTokens = collectionTokens;
        this.collections = collections;
        this.activity = activity;
        this.clock = clock;
    }

    public Caller authenticate(String bearerToken, EntryPoint via) {
        if (bearerToken == null || bearerToken.isBlank()) {
            throw new Unauthenticated(ErrorCode.NOT_AUTHENTICATED, "Authentication required: send 'Authorization: Bearer <token>'");
        }
        String token = bearerToken.trim();
        Instant now = clock.instant();
        Caller caller;
        if (token.startsWith(TokenPrefixes.PERSONAL)) {
            caller = personal(token, now);
        } else if (token.startsWith(TokenPrefixes.COLLECTION)) {
            caller = collection(token, now);
        } else if (via == EntryPoint.MCP) {
            throw new Unauthenticated(ErrorCode.INVALID_TOKEN,
                    "The MCP server takes a personal (pat_live_…) or collection (cat_live_…) access token, not a session token");
        } else {
            caller = session(token, now);
        }
        activity.request(caller.userId(), via, now);
        return caller;
    }

    private Caller session(String token, Instant now) {
        AccessClaims claims = accessTokens.verify(token, now).orElseThrow(Authenticator::invalid);
        User user = users.findById(claims.userId()).filter(User::active)
                .filter(u -> u.credentialStamp().equals(claims.credentialStamp())).orElseThrow(Authenticator::invalid);
        Set<Scope> scopes = user.superuser() ? Scope.all() : EnumSet.of(Scope.READ, Scope.WRITE, Scope.TOKENS);
        return new Caller.Person(user.id(), scopes, user.superuser());
    }

    private Caller personal(String token, Instant now) {
        PersonalAccessToken pat = personalTokens.findByHash(Secrets.digest(token))
                .filter(t -> t.usableAt(now)).orElseThrow(Authenticator::invalid);
        User user = users.findById(pat.userId()).filter(User::active).orElseThrow(Authenticator::invalid);
        activity.personalTokenUsed(pat.id(), now);
        return new Caller.Person(user.id(), withinUsersRights(pat.scopes(), user), user.superuser(),
                Optional.ofNullable(pat.expiresAt()));
    }

    private Caller collection(String token, Instant now) {
        CollectionAccessToken cat = collectionTokens.findByHash(Secrets.digest(token))
                .filter(t -> t.usableAt(now)).orElseThrow(Authenticator::invalid);
        users.findById(cat.createdBy()).filter(User::active).orElseThrow(Authenticator::invalid);
        // A token outlives nothing: if its collection changed hands or vanished, it reaches nothing.
        collections.findById(cat.collectionId()).filter(c -> c.ownerId().equals(cat.createdBy()))
                .orElseThrow(Authenticator::invalid);
        activity.collectionTokenUsed(cat.id(), now);
        return new Caller.CollectionToken(cat.createdBy(), cat.collectionId(), cat.permission());
    }

    /** A token never carries more than its user may do today: admin lapses when the user stops being a superuser. */
    private static Set<Scope> withinUsersRights(Set<Scope> scopes, User user) {
        Set<Scope> granted = scopes.isEmpty() ? EnumSet.noneOf(Scope.class) : EnumSet.copyOf(scopes);
        if (!user.superuser()) {
            granted.remove(Scope.ADMIN);
        }
        return granted;
    }

    private static Unauthenticated invalid() {
        return new Unauthenticated(ErrorCode.INVALID_TOKEN, "The token is invalid, expired or revoked");
    }
}
