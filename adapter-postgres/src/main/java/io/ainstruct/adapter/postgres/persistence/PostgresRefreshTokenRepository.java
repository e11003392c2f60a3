package io.ainstruct.adapter.postgres.persistence;

import io.ainstruct.adapter.postgres.shared.TranslatesDatabaseFailures;
import io.ainstruct.domain.port.RefreshTokenRepository;
import io.ainstruct.domain.session.RefreshToken;
import io.ainstruct.domain.user.UserId;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

@Singleton
@TranslatesDatabaseFailures
@Transactional
class PostgresRefreshTokenRepository implements RefreshTokenRepository {
    private final RefreshTokenRows rows;
    private final TransactionOperations<Connection> transactions;

    PostgresRefreshTokenRepository(RefreshTokenRows rows, TransactionOperations<Connection> transactions) {
        this.rows = rows;
        this.transactions = transactions;
    }

    @Override
    public void insert(RefreshToken token) {
        rows.save(RefreshTokenRow.issued(token));
    }

    /**
     * One conditional UPDATE: of two concurrent uses, the second waits for the first's row lock, then finds
     * {@code used_at} set and updates nothing. Plain JDBC because Micronaut Data cannot return a column of an UPDATE.
     */
    @Override
    public Optional<RefreshToken> consume(String tokenHash, Instant now) {
        try (PreparedStatement consume = transactions.getConnection().prepareStatement("""
                UPDATE refresh_tokens SET used_at = ?
                WHERE token_hash = ? AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ?
                RETURNING id, family_id, user_id, expires_at, created_at""")) {
            consume.setObject(1, now.atOffset(ZoneOffset.UTC));
            consume.setString(2, tokenHash);
            consume.setObject(3, now.atOffset(ZoneOffset.UTC));
            try (ResultSet consumed = consume.executeQuery()) {
                if (!consumed.next()) {
                    return Optional.empty();
                }
                return Optional.of(new RefreshToken(consumed.getObject(1, UUID.class), consumed.getObject(2, UUID.class),
                        new UserId(consumed.getObject(3, UUID.class)), tokenHash,
                        consumed.getObject(4, OffsetDateTime.class).toInstant(), consumed.getObject(5, OffsetDateTime.class).toInstant()));
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot consume a refresh token", e);
        }
    }

    @Override
    public void revokeFamily(String tokenHash, Instant now) {
        rows.revokeFamilyOf(tokenHash, now);
    }

    @Override
    public void revokeAll(UserId user, Instant now) {
        rows.revokeAllOf(user.value(), now);
    }
}
