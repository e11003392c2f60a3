package io.ainstruct.application.fakes;

import io.ainstruct.domain.error.Conflict;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.port.UserRepository;
import io.ainstruct.domain.user.User;
import io.ainstruct.domain.user.UserId;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Users by id; usernames and e-mail addresses are unique regardless of case. */
public final class FakeUsers implements UserRepository, Rollbackable {
    private final FakeUnitOfWork uow;
    private final Map<UserId, User> byId = new LinkedHashMap<>();

    public FakeUsers(FakeUnitOfWork uow) {
        this.uow = uow;
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
