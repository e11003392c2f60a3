package io.ainstruct.application.token;

import io.ainstruct.application.access.CollectionAccess;
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

    /** A new token never carries a scope its creator lacks: no escalation through tokens. */
    public IssuedSecret<PersonalAccessToken> create(Caller caller, TokenRequest request, Set<Scope> scopes) {
        Caller.Person person = CollectionAccess.person(caller, Scope.WRITE);
        Set<Scope> granted = scopes == null ? DEFAULT_SCOPES : Set.copyOf(scopes);
        if (granted.isEmpty()) {
            throw new InvalidInput("scopes", "must name at least one of read, write, admin");
        }
        if (!person.scopes().containsAll(granted)) {
            throw new Forbidden(ErrorCode.INSUFFICIENT_SCOPE, "A token cannot carry scopes its creator lacks");
        }
        String secret = Secrets.generate(TokenPrefixes.PERSONAL);
        Instant now = clock.instant();
        PersonalAccessToken token = new PersonalAccessToken(UUID.randomUUID(), person.userId(), request.label(),
                Secrets.digest(secret), granted, request.expiresAt(now), null, true, now);
        uow.run(() -> tokens.insert(token));
        return new IssuedSecret<>(token, secret);
    }

    public List<PersonalAccessToken> list(Caller caller) {
        return tokens.listByUser(CollectionAccess.person(caller, Scope.READ).userId());
    }

    public void revoke(Caller caller, UUID id) {
        Caller.Person person = CollectionAccess.person(caller, Scope.WRITE);
        uow.run(() -> tokens.update(own(person, id).revoked()));
    }

    /** Issues a new secret; the old one stops working when this commits. */
    public IssuedSecret<PersonalAccessToken> rotate(Caller caller, UUID id) {
        Caller.Person person = CollectionAccess.person(caller, Scope.WRITE);
        String secret = Secrets.generate(TokenPrefixes.PERSONAL);
        PersonalAccessToken rotated = uow.inTransaction(() -> {
            PersonalAccessToken token = own(person, id);
            if (!token.active()) {
                throw new Conflict(ErrorCode.TOKEN_REVOKED, "A revoked token cannot be rotated; create a new one");
            }
            PersonalAccessToken updated = token.withSecretHash(Secrets.digest(secret));
            tokens.update(updated);
            return updated;
        });
        return new IssuedSecret<>(rotated, secret);
    }

    private PersonalAccessToken own(Caller.Person person, UUID id) {
        return tokens.findById(id)
                .filter(token -> token.userId().equals(person.userId()))
                .orElseThrow(() -> new NotFound(ErrorCode.PAT_NOT_FOUND, "Personal access token not found"));
    }
}
