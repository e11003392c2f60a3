package io.ainstruct.adapter.postgres.persistence;

import io.ainstruct.adapter.postgres.persistence.LastUseStamps.TokenTable;
import io.ainstruct.adapter.postgres.shared.TokenColumns;
import io.ainstruct.adapter.postgres.shared.TranslatesDatabaseFailures;
import io.ainstruct.domain.access.PersonalAccessToken;
import io.ainstruct.domain.port.PersonalAccessTokenRepository;
import io.ainstruct.domain.user.UserId;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Singleton
@TranslatesDatabaseFailures
@Transactional
class PostgresPersonalAccessTokenRepository implements PersonalAccessTokenRepository {
    private final PatRows rows;
    private final LastUseStamps lastUse;

    PostgresPersonalAccessTokenRepository(PatRows rows, LastUseStamps lastUse) {
        this.rows = rows;
        this.lastUse = lastUse;
    }

    @Override
    public void insert(PersonalAccessToken token) {
        rows.save(PatRow.of(token));
    }

    @Override
    @SingleStatementRead
    public Optional<PersonalAccessToken> findByHash(String tokenHash) {
        return rows.findByHash(tokenHash).map(PatRow::toDomain);
    }

    @Override
    @ReadOnly
    public Optional<PersonalAccessToken> findById(UUID id) {
        return rows.findById(id).map(PatRow::toDomain);
    }

    @Override
    @ReadOnly
    public List<PersonalAccessToken> listByUser(UserId user) {
        return rows.listNewestFirst(user.value()).stream().map(PatRow::toDomain).toList();
    }

    @Override
    public void update(PersonalAccessToken token) {
        rows.update(token.id(), token.label(), token.tokenHash(), TokenColumns.scopeNames(token.scopes()), token.expiresAt(),
                token.active());
    }

    @Override
    public void recordUse(Map<UUID, Instant> lastUsed) {
        lastUse.record(TokenTable.PAT_TOKENS, lastUsed);
    }
}
