package io.ainstruct.domain.port;

import io.ainstruct.domain.user.User;
import io.ainstruct.domain.user.UserId;

import java.util.Optional;

public interface UserRepository {

    /** Inserts a new user; throws {@code Conflict} USERNAME_EXISTS or EMAIL_EXISTS when either is taken (case-insensitively). */
    void insert(User user);

    Optional<User> findById(UserId id);

    /** Finds by username or by e-mail address, case-insensitively. */
    Optional<User> findByLogin(String usernameOrEmail);

    void update(User user);
}
