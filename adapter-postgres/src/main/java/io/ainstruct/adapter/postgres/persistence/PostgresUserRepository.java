package io.ainstruct.adapter.postgres.persistence;

import io.ainstruct.adapter.postgres.persistence.UniqueViolations.ConflictRule;
import io.ainstruct.adapter.postgres.shared.TranslatesDatabaseFailures;
import io.ainstruct.domain.document.Page;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.port.UserRepository;
import io.ainstruct.domain.user.User;
import io.ainstruct.domain.user.UserId;
import io.ainstruct.domain.user.UserStats;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;

@Singleton
@TranslatesDatabaseFailures
@Transactional
class PostgresUserRepository implements UserRepository {
    private static final Map<String, ConflictRule> CONFLICTS = Map.of(
            "users_username_lower_key", new ConflictRule(ErrorCode.USERNAME_EXISTS, "Username already registered"),
            "users_email_lower_key", new ConflictRule(ErrorCode.EMAIL_EXISTS, "Email already registered"));

    private final UserRows rows;

    PostgresUserRepository(UserRows rows) {
        this.rows = rows;
    }

    @Override
    public void insert(User user) {
        try {
            rows.save(UserRow.of(user));
        } catch (RuntimeException e) {
            throw UniqueViolations.translate(e, CONFLICTS);
        }
    }

    @Override
    @SingleStatementRead
    public Optional<User> findById(UserId id) {
        return rows.findById(id.value()).map(UserRow::toDomain);
    }

    @Override
    @ReadOnly
    public Optional<User> findByLogin(String usernameOrEmail) {
        return rows.findByLogin(usernameOrEmail).map(UserRow::toDomain);
    }

    @Override
    public void update(User user) {
        try {
            rows.update(user.id().value(), user.email(), user.username(), user.passwordHash(), user.active(),
                    user.superuser(), user.updatedAt());
        } catch (RuntimeException e) {
            throw UniqueViolations.translate(e, CONFLICTS);
        }
    }

    @Override
    @ReadOnly
    public Page<User> list(int limit, int offset) {
        List<User> items = rows.listByUsername(limit, offset).stream().map(UserRow::toDomain).toList();
        return new Page<>(items, rows.count(), limit, offset);
    }

    @Override
    @ReadOnly
    public List<User> search(String text, int limit) {
        return rows.search("%" + likeEscaped(text) + "%", limit).stream().map(UserRow::toDomain).toList();
    }

    @Override
    @ReadOnly
    public Optional<UserStats> stats(UserId id) {
        return rows.findStats(id.value()).map(UserStatsRow::toDomain);
    }

    /** Collections, documents, chunks, tokens, refresh tokens and usage go with the user: the foreign keys cascade. */
    @Override
    public void delete(UserId id) {
        rows.deleteById(id.value());
    }

    /** {@code text} matched literally by LIKE: its wildcards and the escape character itself are escaped. */
    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
