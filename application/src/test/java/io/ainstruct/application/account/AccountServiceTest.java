package io.ainstruct.application.account;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ainstruct.domain.collection.CollectionId;

import io.ainstruct.domain.access.Permission;

import io.ainstruct.application.fakes.FakeAccessTokens;
import io.ainstruct.application.fakes.FakePasswordHasher;
import io.ainstruct.application.fakes.TestWorld;
import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.collection.Collection;
import io.ainstruct.domain.collection.CollectionSummary;
import io.ainstruct.domain.error.Conflict;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.error.Forbidden;
import io.ainstruct.domain.error.InvalidInput;
import io.ainstruct.domain.error.RateLimited;
import io.ainstruct.domain.access.Scope;
import io.ainstruct.domain.error.Unauthenticated;
import io.ainstruct.domain.session.Secrets;
import io.ainstruct.domain.usage.EntryPoint;
import io.ainstruct.domain.user.User;
import io.ainstruct.domain.user.UserId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Set;

import static io.ainstruct.application.fakes.DomainAssertions.assertInvalid;
import static io.ainstruct.application.fakes.DomainAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

class AccountServiceTest {
    private static final String PASSWORD = TestWorld.PASSWORD;
    private static final String CLIENT = TestWorld.CLIENT_ADDRESS;

    private final TestWorld world = new TestWorld();
    private final AccountService accounts = world.accounts;

    private User register(String username, String email) {
        return accounts.register(new Registration(username, email, PASSWORD), CLIENT);
    }

    @Nested
    class EnsureMember {

        @Test
        void registers_a_new_member_once_with_a_default_collection_and_finds_them_afterwards() {
            User bob = accounts.ensureMember("bob", "Bob@example.com");

            assertThat(accounts.ensureMember("bob", "other@example.com")).isEqualTo(bob);
            assertThat(bob.email()).isEqualTo("bob@example.com");
            assertThat(world.collections.listByOwner(bob.id(), world.clock.instant()))
                    .extracting(s -> s.collection().name()).containsExactly(Collection.DEFAULT_NAME);
        }

        @Test
        void refuses_a_name_registration_would_refuse() {
            assertInvalid(() -> accounts.ensureMember("no spaces", "x@example.com"), "username");
            assertInvalid(() -> accounts.ensureMember("carol", "not-an-address"), "email");
        }
    }

    @Nested
    class Register {

        @Test
        void creates_an_active_ordinary_user_with_a_default_collection() {
            User alice = register("alice", "alice@example.com");

            assertThat(world.users.findById(alice.id())).contains(alice);
            assertThat(alice.active()).isTrue();
            assertThat(alice.superuser()).isFalse();
            assertThat(world.collections.listByOwner(alice.id(), world.clock.instant()))
                    .extracting(s -> s.collection().name())
                    .containsExactly(Collection.DEFAULT_NAME);
        }

        @Test
        void stores_a_hash_never_the_password() {
            User alice = register("alice", "alice@example.com");

            assertThat(alice.passwordHash()).isNotEqualTo(PASSWORD).isEqualTo(world.hasher.hash(PASSWORD));
        }

        @Test
        void keeps_the_email_in_lower_case() {
            User alice = register("alice", "  Alice@Example.COM ");

            assertThat(alice.email()).isEqualTo("alice@example.com");
        }

        @Test
        void refuses_a_username_taken_in_any_case() {
            register("alice", "alice@example.com");

            assertRefused(() -> register("ALICE", "other@example.com"), Conflict.class, ErrorCode.USERNAME_EXISTS);
        }

        @Test
        void refuses_an_email_taken_in_any_case() {
            register("alice", "alice@example.com");

            assertRefused(() -> register("bob", "ALICE@example.com"), Conflict.class, ErrorCode.EMAIL_EXISTS);
        }

        @Test
        void a_refused_registration_leaves_no_trace() {
            register("alice", "alice@example.com");

            assertRefused(() -> register("bob", "alice@example.com"), Conflict.class, ErrorCode.EMAIL_EXISTS);

            assertThat(world.users.count()).isEqualTo(1);
            assertThat(world.collections.count()).isEqualTo(1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "ab", "has space", "semi;colon", "slash/", "at@sign"})
        void refuses_a_bad_username(String username) {
            assertInvalid(() -> new Registration(username, "x@example.com", PASSWORD), "username");
        }

        @Test
        void refuses_a_username_over_100_characters() {
            assertInvalid(() -> new Registration("a".repeat(101), "x@example.com", PASSWORD), "username");
        }

        @Test
        void accepts_usernames_of_3_and_100_characters_with_letters_digits_and_punctuation() {
            new Registration("abc", "x@example.com", PASSWORD);
            new Registration("a".repeat(100), "x@example.com", PASSWORD);
            new Registration("Zoë_o.k-42", "x@example.com", PASSWORD);
        }

        @Test
        void refuses_a_missing_username() {
            assertInvalid(() -> new Registration(null, "x@example.com", PASSWORD), "username");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "plain", "no-at.example.com", "a@b", "two@@example.com", "sp ace@example.com"})
        void refuses_a_bad_email(String email) {
            assertInvalid(() -> new Registration("alice", email, PASSWORD), "email");
        }

        @Test
        void refuses_a_missing_or_too_long_email() {
            assertInvalid(() -> new Registration("alice", null, PASSWORD), "email");
            assertInvalid(() -> new Registration("alice", "a".repeat(310) + "@example.com", PASSWORD), "email");
        }

        @Test
        void refuses_a_password_shorter_than_8_characters() {
            assertInvalid(() -> new Registration("alice", "alice@example.com", "1234567"), "password");
            new Registration("alice", "alice@example.com", "12345678");
        }

        @Test
        void refuses_a_missing_or_blank_password() {
            assertInvalid(() -> new Registration("alice", "alice@example.com", null), "password");
            assertInvalid(() -> new Registration("alice", "alice@example.com", "         "), "password");
        }

        @Test
        void refuses_a_password_over_72_bytes_even_when_under_72_characters() {
            new Registration("alice", "alice@example.com", "a".repeat(72));
            assertInvalid(() -> new Registration("alice", "alice@example.com", "a".repeat(73)), "password");
            // 37 two-byte characters: 74 bytes.
            assertInvalid(() -> new Registration("alice", "alice@example.com", "é".repeat(37)), "password");
        }
    }

    @Nested
    class Login {

        @Test
        void by_username_gives_a_working_session() {
            User alice = register("alice", "alice@example.com");

            Session session = accounts.login("alice", PASSWORD, CLIENT);

            assertThat(session.accessTokenLifetime()).isEqualTo(FakeAccessTokens.LIFETIME);
            assertThat(session.refreshToken()).startsWith("rt_");
            Caller caller = world.authenticator.authenticate(session.accessToken(), EntryPoint.REST);
            assertThat(caller.userId()).isEqualTo(alice.id());
        }

        @Test
        void by_username_or_email_in_any_case() {
            User alice = register("alice", "alice@example.com");

            for (String login : new String[]{"ALICE", "Alice@Example.com", "  alice  "}) {
                Session session = accounts.login(login, PASSWORD, CLIENT);
                assertThat(world.authenticator.authenticate(session.accessToken(), EntryPoint.REST).userId()).isEqualTo(alice.id());
            }
        }

        @Test
        void stores_only_the_digest_of_the_refresh_token() {
            register("alice", "alice@example.com");

            Session session = accounts.login("alice", PASSWORD, CLIENT);

            assertThat(world.refreshTokens.storedHashes())
                    .contains(Secrets.digest(session.refreshToken()))
                    .doesNotContain(session.refreshToken());
        }

        @Test
        void wrong_password_and_unknown_user_get_the_same_answer() {
            register("alice", "alice@example.com");

            assertRefused(() -> accounts.login("alice", "wrong password", CLIENT), Unauthenticated.class, ErrorCode.INVALID_CREDENTIALS);
            assertRefused(() -> accounts.login("nobody", PASSWORD, CLIENT), Unauthenticated.class, ErrorCode.INVALID_CREDENTIALS);
        }

        @Test
        void missing_login_or_password_is_a_validation_error() {
            assertInvalid(() -> accounts.login(null, PASSWORD, CLIENT), "username");
            assertInvalid(() -> accounts.login("  ", PASSWORD, CLIENT), "username");
            assertRefused(() -> accounts.login("alice", "", CLIENT), io.ainstruct.domain.error.InvalidInput.class,
                    ErrorCode.VALIDATION_ERROR);
        }

        @Test
        void a_disabled_account_is_refused_as_disabled() {
            User alice = register("alice", "alice@example.com");
            world.disable(alice.id());

            assertRefused(() -> accounts.login("alice", PASSWORD, CLIENT), Forbidden.class, ErrorCode.ACCOUNT_DISABLED);
        }

        @Test
        void a_disabled_account_with_a_wrong_password_reveals_nothing() {
            User alice = register("alice", "alice@example.com");
            world.disable(alice.id());

            assertRefused(() -> accounts.login("alice", "wrong password", CLIENT), Unauthenticated.class,
                    ErrorCode.INVALID_CREDENTIALS);
        }

        @Test
        void rehashes_a_legacy_hash() {
            UserId id = importedUser("legacy", FakePasswordHasher.LEGACY + PASSWORD);

            accounts.login("legacy", PASSWORD, CLIENT);

            assertThat(world.user(id).passwordHash()).isEqualTo(FakePasswordHasher.CURRENT + PASSWORD);
            accounts.login("legacy", PASSWORD, CLIENT);
        }

        @Test
        void leaves_a_current_hash_alone() {
            User alice = register("alice", "alice@example.com");

            accounts.login("alice", PASSWORD, CLIENT);

            assertThat(world.user(alice.id())).isEqualTo(alice);
        }

        @Test
        void gives_a_user_without_a_default_collection_one() {
            UserId id = importedUser("imported", FakePasswordHasher.CURRENT + PASSWORD);
            assertThat(world.collections.listByOwner(id, world.clock.instant())).isEmpty();

            accounts.login("imported", PASSWORD, CLIENT);
            accounts.login("imported", PASSWORD, CLIENT);

            assertThat(world.collections.listByOwner(id, world.clock.instant()))
                    .extracting(CollectionSummary::collection).extracting(Collection::name)
                    .containsExactly(Collection.DEFAULT_NAME);
        }

        /** A user as an import from the Python service leaves it: no collection yet. */
        private UserId importedUser(String username, String hash) {
            var now = world.clock.instant();
            User user = new User(UserId.random(), username + "@example.com", username, hash, true, false, now, now);
            world.uow.run(() -> world.users.insert(user));
            return user.id();
        }
    }

    @Nested
    class PasswordChange {
        private static final String NEW_PASSWORD = "a new passphrase";

        @Test
        void ends_every_login_and_hands_back_the_one_that_carries_on() {
            User alice = register("alice", "alice@example.com");
            Session here = accounts.login("alice", PASSWORD, CLIENT);
            Session elsewhere = accounts.login("alice", PASSWORD, CLIENT);
            Caller caller = world.authenticator.authenticate(here.accessToken(), EntryPoint.REST);

            Session carriesOn = accounts.changePassword(caller, PASSWORD, NEW_PASSWORD);

            for (Session old : new Session[] {here, elsewhere}) {
                assertRefused(() -> world.authenticator.authenticate(old.accessToken(), EntryPoint.REST),
                        Unauthenticated.class, ErrorCode.INVALID_TOKEN);
                assertRefused(() -> accounts.refresh(old.refreshToken()), Unauthenticated.class, ErrorCode.INVALID_REFRESH_TOKEN);
            }
            assertThat(world.authenticator.authenticate(carriesOn.accessToken(), EntryPoint.REST).userId()).isEqualTo(alice.id());
            accounts.refresh(carriesOn.refreshToken());
            assertRefused(() -> accounts.login("alice", PASSWORD, CLIENT), Unauthenticated.class, ErrorCode.INVALID_CREDENTIALS);
            accounts.login("alice", NEW_PASSWORD, CLIENT);
        }

        @Test
        void a_wrong_current_password_or_a_bad_new_one_changes_nothing() {
            register("alice", "alice@example.com");
            Session session = accounts.login("alice", PASSWORD, CLIENT);
            Caller caller = world.authenticator.authenticate(session.accessToken(), EntryPoint.REST);

            assertRefused(() -> accounts.changePassword(caller, "not the password", NEW_PASSWORD),
                    Unauthenticated.class, ErrorCode.INVALID_CREDENTIALS);
            assertRefused(() -> accounts.changePassword(caller, null, NEW_PASSWORD), Unauthenticated.class, ErrorCode.INVALID_CREDENTIALS);
            assertInvalid(() -> accounts.changePassword(caller, PASSWORD, "short"), "new_password");
            assertInvalid(() -> accounts.changePassword(caller, PASSWORD, "é".repeat(40)), "new_password");

            assertThat(world.authenticator.authenticate(session.accessToken(), EntryPoint.REST).userId()).isEqualTo(caller.userId());
            accounts.login("alice", PASSWORD, CLIENT);
        }

        @Test
        void a_collection_token_or_a_read_only_token_cannot_change_it() {
            User alice = register("alice", "alice@example.com");
            Caller readOnly = new Caller.Person(alice.id(), Set.of(Scope.READ), false);
            Caller cat = new Caller.CollectionToken(alice.id(), CollectionId.random(), Permission.READ_WRITE);

            assertRefused(() -> accounts.changePassword(readOnly, PASSWORD, NEW_PASSWORD), Forbidden.class, ErrorCode.INSUFFICIENT_SCOPE);
            assertRefused(() -> accounts.changePassword(cat, PASSWORD, NEW_PASSWORD), Forbidden.class, ErrorCode.FORBIDDEN);
            accounts.login("alice", PASSWORD, CLIENT);
        }

        @Test
        void guessing_the_current_password_is_rate_limited() {
            register("alice", "alice@example.com");
            Caller caller = world.authenticator.authenticate(accounts.login("alice", PASSWORD, CLIENT).accessToken(), EntryPoint.REST);
            for (int i = 0; i < TestWorld.LOGIN_LIMIT; i++) {
                assertRefused(() -> accounts.changePassword(caller, "guess", NEW_PASSWORD), Unauthenticated.class,
                        ErrorCode.INVALID_CREDENTIALS);
            }
            assertRefused(() -> accounts.changePassword(caller, PASSWORD, NEW_PASSWORD), RateLimited.class, ErrorCode.RATE_LIMITED);
        }
    }

    @Nested
    class Refresh {

        @Test
        void rotates_both_tokens() {
            User alice = register("alice", "alice@example.com");
            Session first = accounts.login("alice", PASSWORD, CLIENT);

            Session second = accounts.refresh(first.refreshToken());

            assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
            assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
            assertThat(world.authenticator.authenticate(second.accessToken(), EntryPoint.REST).userId()).isEqualTo(alice.id());
        }

        @Test
        void a_used_refresh_token_is_refused_and_ends_its_whole_login() {
            register("alice", "alice@example.com");
            Session first = accounts.login("alice", PASSWORD, CLIENT);
            Session otherDevice = accounts.login("alice", PASSWORD, CLIENT);
            Session second = accounts.refresh(first.refreshToken());

            assertRefused(() -> accounts.refresh(first.refreshToken()), Unauthenticated.class, ErrorCode.INVALID_REFRESH_TOKEN);
            // Whoever refreshed first may be the thief: the chain the reuse belongs to ends for both.
            assertRefused(() -> accounts.refresh(second.refreshToken()), Unauthenticated.class, ErrorCode.INVALID_REFRESH_TOKEN);
            accounts.refresh(otherDevice.refreshToken());
        }

        @Test
        void logout_ends_the_login_of_its_refresh_token_and_no_other() {
            register("alice", "alice@example.com");
            Session first = accounts.login("alice", PASSWORD, CLIENT);
            Session otherDevice = accounts.login("alice", PASSWORD, CLIENT);
            Session refreshed = accounts.refresh(first.refreshToken());

            accounts.logout(first.refreshToken());
            accounts.logout("rt_never-issued");

            assertRefused(() -> accounts.refresh(refreshed.refreshToken()), Unauthenticated.class, ErrorCode.INVALID_REFRESH_TOKEN);
            accounts.refresh(otherDevice.refreshToken());
            assertRefused(() -> accounts.logout("not a refresh token"), InvalidInput.class, ErrorCode.VALIDATION_ERROR);
        }

        @Test
        void an_expired_refresh_token_is_refused() {
            register("alice", "alice@example.com");
            Session session = accounts.login("alice", PASSWORD, CLIENT);

            world.clock.advance(Duration.ofDays(7));

            assertRefused(() -> accounts.refresh(session.refreshToken()), Unauthenticated.class,
                    ErrorCode.INVALID_REFRESH_TOKEN);
        }

        @Test
        void a_refresh_token_works_until_its_seventh_day_ends() {
            register("alice", "alice@example.com");
            Session session = accounts.login("alice", PASSWORD, CLIENT);

            world.clock.advance(Duration.ofDays(7).minusSeconds(1));

            accounts.refresh(session.refreshToken());
        }

        @Test
        void a_disabled_user_cannot_refresh() {
            User alice = register("alice", "alice@example.com");
            Session session = accounts.login("alice", PASSWORD, CLIENT);
            world.disable(alice.id());

            assertRefused(() -> accounts.refresh(session.refreshToken()), Forbidden.class, ErrorCode.ACCOUNT_DISABLED);
        }

        @Test
        void garbage_is_refused() {
            for (String garbage : new String[]{null, "", "garbage", "rt_garbage", Secrets.generate("rt_")}) {
                assertRefused(() -> accounts.refresh(garbage), Unauthenticated.class, ErrorCode.INVALID_REFRESH_TOKEN);
            }
        }

        @Test
        void an_access_token_is_not_a_refresh_token() {
            register("alice", "alice@example.com");
            Session session = accounts.login("alice", PASSWORD, CLIENT);

            assertRefused(() -> accounts.refresh(session.accessToken()), Unauthenticated.class,
                    ErrorCode.INVALID_REFRESH_TOKEN);
        }
    }

    @Test
    void profile_is_the_callers_own_user() {
        User alice = register("alice", "alice@example.com");

        User profile = accounts.profile(new Caller.Person(alice.id(), Set.of(Scope.READ), false));

        assertThat(profile).isEqualTo(alice);
    }

    @Test
    void a_collection_token_has_no_profile() {
        User alice = register("alice", "alice@example.com");
        Caller token = new Caller.CollectionToken(alice.id(), CollectionId.random(), Permission.READ);

        assertThatThrownBy(() -> accounts.profile(token)).isInstanceOf(Forbidden.class);
    }

    @Nested
    class RateLimits {
        private static final String OTHER_CLIENT = "198.51.100.200";

        @Test
        void login_allows_10_attempts_a_minute_per_client_address() {
            register("alice", "alice@example.com");
            for (int i = 0; i < TestWorld.LOGIN_LIMIT; i++) {
                assertRefused(() -> accounts.login("alice", "wrong password", CLIENT), Unauthenticated.class,
                        ErrorCode.INVALID_CREDENTIALS);
            }

            RateLimited refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                    () -> accounts.login("alice", PASSWORD, CLIENT), RateLimited.class);

            assertThat(refused).isNotNull();
            assertThat(refused.code()).isEqualTo(ErrorCode.RATE_LIMITED);
            assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(TestWorld.LOGIN_WINDOW);
            accounts.login("alice", PASSWORD, OTHER_CLIENT);

            world.clock.advance(TestWorld.LOGIN_WINDOW);

            accounts.login("alice", PASSWORD, CLIENT);
        }

        @Test
        void register_allows_5_a_hour_per_client_address() {
            for (int i = 0; i < TestWorld.REGISTRATION_LIMIT; i++) {
                register("user" + i, "user" + i + "@example.com");
            }

            assertRefused(() -> register("late", "late@example.com"), RateLimited.class, ErrorCode.RATE_LIMITED);

            assertThat(world.users.findByLogin("late")).isEmpty();
            accounts.register(new Registration("other", "other@example.com", PASSWORD), OTHER_CLIENT);

            world.clock.advance(Duration.ofMinutes(59));
            assertRefused(() -> register("late", "late@example.com"), RateLimited.class, ErrorCode.RATE_LIMITED);

            world.clock.advance(Duration.ofMinutes(1));
            register("late", "late@example.com");
        }

        @Test
        void refused_registrations_count_too() {
            register("alice", "alice@example.com");
            for (int i = 1; i < TestWorld.REGISTRATION_LIMIT; i++) {
                assertRefused(() -> register("alice", "alice@example.com"), Conflict.class, ErrorCode.USERNAME_EXISTS);
            }

            assertRefused(() -> register("bob", "bob@example.com"), RateLimited.class, ErrorCode.RATE_LIMITED);
        }
    }

    @Nested
    class EnsureSuperuser {
        private final Registration root = new Registration("root", "root@example.com", "operator secret");

        @Test
        void creates_a_superuser_who_can_log_in_with_the_given_password() {
            User created = accounts.ensureSuperuser(root);

            assertThat(created.superuser()).isTrue();
            assertThat(created.active()).isTrue();
            assertThat(world.user(created.id()).superuser()).isTrue();
            Session session = accounts.login("root", "operator secret", CLIENT);
            Caller.Person person = (Caller.Person) world.authenticator.authenticate(session.accessToken(), EntryPoint.REST);
            assertThat(person.userId()).isEqualTo(created.id());
            assertThat(person.scopes()).contains(Scope.ADMIN);
            assertThat(world.collections.findByOwnerAndName(created.id(), Collection.DEFAULT_NAME)).isPresent();
        }

        @Test
        void is_idempotent_for_an_existing_superuser() {
            User first = accounts.ensureSuperuser(root);

            User second = accounts.ensureSuperuser(root);

            assertThat(second.id()).isEqualTo(first.id());
            assertThat(second.superuser()).isTrue();
            assertThat(world.users.count()).isEqualTo(1);
            assertThat(world.collections.count()).isEqualTo(1);
        }

        @Test
        void refuses_to_take_over_an_ordinary_user_of_that_name() {
            User alice = register("alice", "alice@example.com");

            assertRefused(() -> accounts.ensureSuperuser(new Registration("alice", "root@example.com", "operator secret")),
                    Conflict.class, ErrorCode.USERNAME_EXISTS);

            assertThat(world.user(alice.id())).isEqualTo(alice);
            assertThat(world.users.count()).isEqualTo(1);
            assertRefused(() -> accounts.login("alice", "operator secret", CLIENT), Unauthenticated.class,
                    ErrorCode.INVALID_CREDENTIALS);
        }

        @Test
        void refuses_an_ordinary_user_holding_that_email() {
            User alice = register("alice", "root@example.com");

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.ensureSuperuser(root))
                    .isInstanceOf(Conflict.class);

            assertThat(world.user(alice.id()).superuser()).isFalse();
        }

        @Test
        void is_not_rate_limited() {
            for (int i = 0; i < TestWorld.REGISTRATION_LIMIT; i++) {
                register("user" + i, "user" + i + "@example.com");
            }

            assertThat(accounts.ensureSuperuser(root).superuser()).isTrue();
        }
    }
}
