package io.ainstruct.application.fakes;

import io.ainstruct.domain.access.PersonalAccessToken;
import io.ainstruct.domain.port.PersonalAccessTokenRepository;
import io.ainstruct.domain.user.UserId;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Personal access tokens by id, found by the digest of their secret; last use only ever moves forward. */
public final class FakePersonalTokens implements PersonalAccessTokenRepository, Rollbackable {
    private final FakeUnitOfWork uow;
    private final Map<UUID, Row> byId = new LinkedHashMap<>();
    private long sequence;
    private int recordUseCalls;

    /** {@code seq} breaks ties between tokens created at the same instant: later insert, newer. */
    private record Row(PersonalAccessToken token, long seq) {
    }

    public FakePersonalTokens(FakeUnitOfWork uow) {
        this.uow = uow;
    }

    @Override
    public void insert(PersonalAccessToken token) {
        uow.requireWritable();
        if (byId.containsKey(token.id())) {
            throw new IllegalStateException("duplicate token id " + token.id());
        }
        byId.put(token.id(), new Row(token, ++sequence));
    }

    @Override
    public Optional<PersonalAccessToken> findByHash(String tokenHash) {
        return byId.values().stream().map(Row::token).filter(t -> t.tokenHash().equals(tokenHash)).findFirst();
    }

    @Override
    public Optional<PersonalAccessToken> findById(UUID id) {
        return Optional.ofNullable(byId.get(id)).map(Row::token);
    }

    @Override
    public List<PersonalAccessToken> listByUser(UserId user) {
        return byId.values().stream()
                .filter(row -> row.token().userId().equals(user))
                .sorted(Comparator.comparing((Row row) -> row.token().createdAt()).thenComparingLong(Row::seq).reversed())
                .map(Row::token)
                .toList();
    }

    @Override
    public void update(PersonalAccessToken token) {
        uow.requireWritable();
        Row row = byId.get(token.id());
        if (row == null) {
            throw new IllegalStateException("no token " + token.id());
        }
        // Like the database: last use is written by recordUse only, whatever the caller passes.
        PersonalAccessToken stored = new PersonalAccessToken(token.id(), token.userId(), token.label(), token.tokenHash(),
                token.scopes(), token.expiresAt(), row.token().lastUsedAt(), token.active(), row.token().createdAt());
        byId.put(token.id(), new Row(stored, row.seq()));
    }

    @Override
    public void recordUse(Map<UUID, Instant> lastUsed) {
        uow.requireWritable();
        recordUseCalls++;
        lastUsed.forEach((id, at) -> {
            Row row = byId.get(id);
            if (row == null) {
                return;
            }
            PersonalAccessToken t = row.token();
            Instant latest = t.lastUsedAt() == null || at.isAfter(t.lastUsedAt()) ? at : t.lastUsedAt();
            byId.put(id, new Row(new PersonalAccessToken(t.id(), t.userId(), t.label(), t.tokenHash(), t.scopes(),
                    t.expiresAt(), latest, t.active(), t.createdAt()), row.seq()));
        });
    }

    /** Every stored value is a digest, never the secret handed to the client. */
    public Set<String> storedHashes() {
        return byId.values().stream().map(row -> row.token().tokenHash()).collect(Collectors.toUnmodifiableSet());
    }

    public int recordUseCalls() {
        return recordUseCalls;
    }

    long countOf(UserId user) {
        return byId.values().stream().filter(row -> row.token().userId().equals(user)).count();
    }

    /** The cascade of a user delete. */
    void deleteUser(UserId user) {
        byId.values().removeIf(row -> row.token().userId().equals(user));
    }

    @Override
    public Runnable snapshot() {
        Map<UUID, Row> copy = new LinkedHashMap<>(byId);
        long seq = sequence;
        return () -> {
            byId.clear();
            byId.putAll(copy);
            sequence = seq;
        };
    }
}
