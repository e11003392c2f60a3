package io.ainstruct.application.access;

import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.access.Scope;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.error.Unauthenticated;
import io.ainstruct.domain.port.AccessTokens;
import io.ainstruct.domain.port.UserRepository;
import io.ainstruct.domain.user.User;

import java.time.Clock;
import java.util.EnumSet;

/** Turns a bearer token into the {@link Caller} every use case receives. */
public final class Authenticator {
    private final AccessTokens accessTokens;
    private final UserRepository users;
    private final Clock clock;

    public Authenticator(AccessTokens accessTokens, UserRepository users, Clock clock) {
        this.accessTokens = accessTokens;
        this.users = users;
        this.clock = clock;
    }

    public Caller authenticate(String bearerToken) {
        if (bearerToken == null || bearerToken.isBlank()) {
            throw new Unauthenticated(ErrorCode.NOT_AUTHENTICATED, "Authentication required: send 'Authorization: Bearer <token>'");
        }
        // A deactivated user's session ends at once: the user is looked up on every request, not trusted from the token.
        User user = accessTokens.verify(bearerToken.trim(), clock.instant())
                .flatMap(users::findById)
                .filter(User::active)
                .orElseThrow(() -> new Unauthenticated(ErrorCode.INVALID_TOKEN, "The token is invalid or expired"));
        return new Caller.Person(user.id(), EnumSet.of(Scope.READ, Scope.WRITE), user.superuser());
    }
}
