package io.ainstruct.domain.port;

import io.ainstruct.domain.document.Page;
import io.ainstruct.domain.user.User;
import io.ainstruct.domain.user.UserId;
import io.ainstruct.domain.user.UserStats;

import java.util.List;
import java.util.Optional;

public interface UserRepository {

    /** Inserts a new user; throws {@code Conflict} USERNAME_EXISTS or EMAIL_EXISTS when either is taken (case-insensitively). */
    void insert(User user);

    Optional<User> findById(UserId id);

    /** Finds by username or by e-mail address, case-insensitively. */
    Optional<User> findByLogin(String usernameOrEmail);

    /** Saves e-mail, username, password hash, active and superuser flags; throws {@code Conflict} like {@link #insert}. */
    void update(User user);

    /** Users by username, for administrators. */
    Page<User> list(int limit, int offset);

    /** Users whose username or e-mail contains {@code text}, case-insensitively, by username. */
    List<User> search(String text, int limit);

    Optional<UserStats> stats(UserId id);

    /** Deletes the user with everything they own (collections, documents, tokens, usage). */
    void delete(UserId id);
}
