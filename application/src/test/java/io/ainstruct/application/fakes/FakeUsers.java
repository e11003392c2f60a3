package io.ainstruct.application.fakes;

import io.ainstruct.domain.document.Page;
import io.ainstruct.domain.error.Conflict;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.port.UserRepository;
import io.ainstruct.domain.user.User;
import io.ainstruct.domain.user.UserId;
import io.ainstruct.domain.user.UserStats;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Users by id; usernames and e-mail addresses are unique regardless of case. Counts what a user owns in the other
 * stores, and deleting a user deletes all of it, as the database's cascades do.
 */
public final class FakeUsers implements UserRepository, Rollbackable {
    private static final Comparator<User> BY_USERNAME =
            Comparator.comparing((User u) -> u.username().toLowerCase(Locale.ROOT)).thenComparing(User::username);

    private final FakeUnitOfWork uow;
    private final FakeCollections collections;
    private final FakePersonalTokens personalTokens;
    private final FakeCollectionTokens collectionTokens;
    private final FakeUsage usage;
    private final FakeRefreshTokens refreshTokens;
    private final Map<UserId, User> byId = new LinkedHashMap<>();

    public FakeUsers(FakeUnitOfWork uow, FakeCollections collections, FakePersonalTokens personalTokens,
                     FakeCollectionTokens collectionTokens, FakeUsage usage, FakeRefreshTokens refreshTokens) {
        this.uow = uow;
        this.collections = collections;
        this.personalTokens = personalTokens;
        this.collectionTokens = collectionTokens;
        this.usage = usage;
        this.refreshTokens = refreshTokens;
    }

    @Override
    public void insert(User user) {
        uow.requireWritable();
        requireUnique(user);
        byId.put(user.id(), user);
    }

    @Override
    public Optional<User> findById(UserId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<User> findByLogin(String usernameOrEmail) {
        return byId.values().stream()
                .filter(u -> u.username().equalsIgnoreCase(usernameOrEmail) || u.email().equalsIgnoreCase(usernameOrEmail))
                .findFirst();
    }

    @Override
    public void update(User user) {
        uow.requireWritable();
        if (!byId.containsKey(user.id())) {
            throw new IllegalStateException("no user " + user.id());
        }
        requireUnique(user);
        byId.put(user.id(), user);
    }

    @Override
    public Page<User> list(int limit, int offset) {
        List<User> sorted = byId.values().stream().sorted(BY_USERNAME).toList();
        List<User> page = sorted.stream().skip(offset).limit(limit).toList();
        return new Page<>(page, sorted.size(), limit, offset);
    }

    @Override
    public List<User> search(String text, int limit) {
        String needle = text.toLowerCase(Locale.ROOT);
        return byId.values().stream()
                .filter(u -> u.username().toLowerCase(Locale.ROOT).contains(needle)
                        || u.email().toLowerCase(Locale.ROOT).contains(needle))
                .sorted(BY_USERNAME)
                .limit(limit)
                .toList();
    }

    @Override
    public Optional<UserStats> stats(UserId id) {
        return findById(id).map(user -> new UserStats(user, collections.countOwnedBy(id), personalTokens.countOf(id),
                collectionTokens.countOwnedBy(id)));
    }

    @Override
    public void delete(UserId id) {
        uow.requireWritable();
        collectionTokens.deleteCreatedBy(id);
        collections.deleteOwnedBy(id);
        personalTokens.deleteUser(id);
        usage.deleteUser(id);
        refreshTokens.deleteUser(id);
        byId.remove(id);
    }

    public int count() {
        return byId.size();
    }

    private void requireUnique(User user) {
        for (User other : byId.values()) {
            if (other.id().equals(user.id())) {
                continue;
            }
            if (other.username().equalsIgnoreCase(user.username())) {
                throw new Conflict(ErrorCode.USERNAME_EXISTS, "username taken");
            }
            if (other.email().equalsIgnoreCase(user.email())) {
                throw new Conflict(ErrorCode.EMAIL_EXISTS, "email taken");
            }
        }
    }

    @Override
    public Runnable snapshot() {
        Map<UserId, User> copy = new LinkedHashMap<>(byId);
        return () -> {
            byId.clear();
            byId.putAll(copy);
        };
    }
}
