package io.ainstruct.adapter.postgres;

import io.ainstruct.domain.error.Conflict;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.user.User;
import io.ainstruct.domain.user.UserId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresUserRepositoryTest extends PostgresAdapterTest {
    private PostgresUserRepository users;

    @BeforeAll
    void repository() {
        users = context.getBean(PostgresUserRepository.class);
    }

    @Test
    void storesAndFindsAUserById() {
        User user = fixtures.newUser();

        users.insert(user);

        assertThat(users.findById(user.id())).contains(user);
        assertThat(users.findById(UserId.random())).isEmpty();
    }

    @Test
    void findsByUsernameOrEmailIgnoringCase() {
        User user = fixtures.storedUser();

        assertThat(users.findByLogin(user.username().toUpperCase(Locale.ROOT))).contains(user);
        assertThat(users.findByLogin(user.email().toUpperCase(Locale.ROOT))).contains(user);
        assertThat(users.findByLogin("nobody-" + user.username())).isEmpty();
    }

    @Test
    void prefersTheUserWhoseUsernameMatchesOverOneWhoseEmailDoes() {
        User byEmail = fixtures.newUser();
        User withThatEmailAsUsername = new User(UserId.random(), Fixtures.unique("x") + "@example.com", byEmail.email(),
                "hash", true, false, Fixtures.now(), Fixtures.now());
        users.insert(byEmail);
        users.insert(withThatEmailAsUsername);

        assertThat(users.findByLogin(byEmail.email())).contains(withThatEmailAsUsername);
    }

    @Test
    void refusesATakenUsernameWhateverItsCase() {
        User user = fixtures.storedUser();
        User twin = withNames(fixtures.newUser(), user.username().toUpperCase(Locale.ROOT), Fixtures.unique("e") + "@example.com");

        assertThatThrownBy(() -> users.insert(twin))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USERNAME_EXISTS));
        assertThat(users.findById(twin.id())).isEmpty();
    }

    @Test
    void refusesATakenEmailWhateverItsCase() {
        User user = fixtures.storedUser();
        User twin = withNames(fixtures.newUser(), Fixtures.unique("name-"), user.email().toUpperCase(Locale.ROOT));

        assertThatThrownBy(() -> users.insert(twin))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EMAIL_EXISTS));
    }

    @Test
    void reportsTheUsernameWhenBothAreTaken() {
        User user = fixtures.storedUser();
        User twin = withNames(fixtures.newUser(), user.username(), user.email());

        assertThatThrownBy(() -> users.insert(twin))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USERNAME_EXISTS));
    }

    @Test
    void updatesEveryField() {
        User user = fixtures.storedUser();
        User changed = new User(user.id(), Fixtures.unique("new") + "@example.com", Fixtures.unique("renamed-"),
                "new-hash", false, true, user.createdAt(), Fixtures.now());

        users.update(changed);

        assertThat(users.findById(user.id())).contains(changed);
    }

    @Test
    void refusesToUpdateToAnEmailAnotherUserHas() {
        User other = fixtures.storedUser();
        User user = fixtures.storedUser();

        assertThatThrownBy(() -> users.update(withNames(user, user.username(), other.email())))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EMAIL_EXISTS));
        assertThat(users.findById(user.id())).contains(user);
    }

    private static User withNames(User user, String username, String email) {
        return new User(user.id(), email, username, user.passwordHash(), user.active(), user.superuser(),
                user.createdAt(), user.updatedAt());
    }
}
