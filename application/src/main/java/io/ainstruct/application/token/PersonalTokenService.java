package io.ainstruct.application.token;

import io.ainstruct.application.access.Capabilities;
import io.ainstruct.application.access.Capability;
import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.access.PersonalAccessToken;
import io.ainstruct.domain.access.Scope;
import io.ainstruct.domain.error.Conflict;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.error.Forbidden;
import io.ainstruct.domain.error.InvalidInput;
import io.ainstruct.domain.error.NotFound;
import io.ainstruct.domain.port.PersonalAccessTokenRepository;
import io.ainstruct.domain.port.UnitOfWork;
import io.ainstruct.domain.session.Secrets;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A person's own personal access tokens: create, list, revoke, rotate. */
public final class PersonalTokenService {
    private static final Set<Scope> DEFAULT_SCOPES = EnumSet.of(Scope.READ, Scope.WRITE);

    private final PersonalAccessTokenRepository tokens;
    private final UnitOfWork uow;
    private final Clock clock;

    public PersonalTokenService(PersonalAccessTokenRepository tokens, UnitOfWork uow, Clock clock) {
        this.tokens = tokens;
        this.uow = uow;
        this.clock = clock;
    }

    public IssuedSecret<PersonalAccessToken> create(Caller caller, TokenRequest request, Set<Scope> scopes) {
        Capabilities capabilities = Capabilities.of(caller);
        capabilities.require(Capability.MANAGE_TOKENS);
        Set<Scope> granted = scopes == null ? DEFAULT_SCOPES : Set.copyOf(scopes);
        if (granted.isEmpty()) {
            throw new InvalidInput("scopes", "must name at least one of read, write, admin, tokens");
        }
        if (!capabilities.mayGrant(granted)) {
            throw new Forbidden(ErrorCode.INSUFFICIENT_SCOPE, "A token cannot carry scopes its creator lacks");
        }
        String secret = Secrets.generate(TokenPrefixes.PERSONAL);
        Instant now = clock.instant();
        PersonalAccessToken token = new PersonalAccessToken(UUID.randomUUID(), caller.userId(), request.label(),
                Secrets.digest(secret), granted, capabilities.newTokenExpiry(request.expiresAt(now)), null, true, now);
        uow.run(() -> tokens.insert(token));
        return new IssuedSecret<>(token, secret);
    }

    public List<PersonalAccessToken> list(Caller caller) {
        Capabilities.of(caller).require(Capability.READ_ACCOUNT);
        return tokens.listByUser(caller.userId());
    }

    public void revoke(Caller caller, UUID id) {
        Capabilities.of(caller).require(Capability.MANAGE_TOKENS);
        uow.run(() -> tokens.update(own(caller, id).revoked()));
    }

    /** Issues a new secret (and the label and lifetime asked for); the old secret stops working when this commits. */
    public IssuedSecret<PersonalAccessToken> rotate(Caller caller, UUID id, TokenRotation rotation) {
        Capabilities capabilities = Capabilities.of(caller);
        capabilities.require(Capability.MANAGE_TOKENS);
        String secret = Secrets.generate(TokenPrefixes.PERSONAL);
        PersonalAccessToken rotated = uow.inTransaction(() -> {
            PersonalAccessToken token = own(caller, id);
            if (!token.active()) {
                throw new Conflict(ErrorCode.TOKEN_REVOKED, "A revoked token cannot be rotated; create a new one");
            }
            Instant expiresAt = rotation.expiresAt(clock.instant()).map(capabilities::newTokenExpiry).orElse(token.expiresAt());
            capabilities.requireOutlivesRotated(expiresAt);
            PersonalAccessToken updated = token.rotated(Secrets.digest(secret), rotation.label().orElse(token.label()), expiresAt);
            tokens.update(updated);
            return updated;
        });
        return new IssuedSecret<>(rotated, secret);
    }

    private PersonalAccessToken own(Caller caller, UUID id) {
        return tokens.findById(id)
                .filter(token -> token.userId().equals(caller.userId()))
                .orElseThrow(() -> new NotFound(ErrorCode.PAT_NOT_FOUND, "Personal access token not found"));
    }
}
