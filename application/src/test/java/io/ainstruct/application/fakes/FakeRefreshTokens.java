package io.ainstruct.application.fakes;

import io.ainstruct.domain.port.RefreshTokenRepository;
import io.ainstruct.domain.session.RefreshToken;
import io.ainstruct.domain.user.UserId;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Refresh tokens by digest; each can be consumed once, before it expires; a revoked one counts as consumed. */
public final class FakeRefreshTokens implements RefreshTokenRepository, Rollbackable {
    private final FakeUnitOfWork uow;
    private final Map<String, RefreshToken> byHash = new LinkedHashMap<>();
    private final Set<String> used = new HashSet<>();

    public FakeRefreshTokens(FakeUnitOfWork uow) {
        this.uow = uow;
    }

    @Override
    public void insert(RefreshToken token) {
        uow.requireWritable();
        byHash.put(token.tokenHash(), token);
    }

    @Override
    public Optional<RefreshToken> consume(String tokenHash, Instant now) {
        uow.requireWritable();
        RefreshToken token = byHash.get(tokenHash);
        if (token == null || used.contains(tokenHash) || !now.isBefore(token.expiresAt())) {
            return Optional.empty();
        }
        used.add(tokenHash);
        return Optional.of(token);
    }

    @Override
    public void revokeFamily(String tokenHash, Instant now) {
        uow.requireWritable();
        Optional.ofNullable(byHash.get(tokenHash)).ifPresent(revoked -> byHash.values().stream()
                .filter(t -> t.familyId().equals(revoked.familyId())).forEach(t -> used.add(t.tokenHash())));
    }

    @Override
    public void revokeAll(UserId user, Instant now) {
        uow.requireWritable();
        byHash.values().stream().filter(t -> t.userId().equals(user)).forEach(t -> used.add(t.tokenHash()));
    }

    /** The cascade of a user delete. */
    void deleteUser(UserId user) {
        byHash.values().removeIf(t -> t.userId().equals(user));
    }

    /** Every stored value is a digest, never the secret handed to the client. */
    public Set<String> storedHashes() {
        return Set.copyOf(byHash.keySet());
    }

    @Override
    public Runnable snapshot() {
        Map<String, RefreshToken> tokens = new LinkedHashMap<>(byHash);
        Set<String> usedCopy = new HashSet<>(used);
        return () -> {
            byHash.clear();
            byHash.putAll(tokens);
            used.clear();
            used.addAll(usedCopy);
        };
    }
}
