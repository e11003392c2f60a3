package io.ainstruct.application.admin;

import io.ainstruct.domain.search.OutboxEvent;

import io.ainstruct.application.account.Session;
import io.ainstruct.application.fakes.TestWorld;
import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.access.Permission;
import io.ainstruct.domain.access.Scope;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.Page;
import io.ainstruct.domain.error.Conflict;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.error.Forbidden;
import io.ainstruct.domain.error.InvalidInput;
import io.ainstruct.domain.error.NotFound;
import io.ainstruct.domain.error.Unauthenticated;
import io.ainstruct.domain.usage.EntryPoint;
import io.ainstruct.domain.user.User;
import io.ainstruct.domain.user.UserId;
import io.ainstruct.domain.user.UserStats;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static io.ainstruct.application.fakes.DomainAssertions.assertInvalid;
import static io.ainstruct.application.fakes.DomainAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

class AdminServiceTest {
    private static final String CLIENT = TestWorld.CLIENT_ADDRESS;

    private final TestWorld world = new TestWorld();
    private final AdminService admin = world.adminService;

    private final Caller.Person root = world.signUpSuperuser("root");
    private final Caller.Person alice = world.signUp("alice");
    private final Caller.Person bob = world.signUp("bob");

    private static UserChanges changes(String email, String username, Boolean active, Boolean superuser) {
        return new UserChanges(Optional.ofNullable(email), Optional.ofNullable(username), Optional.ofNullable(active),
                Optional.ofNullable(superuser), Optional.empty());
    }

    private static UserChanges activeFlag(boolean active) {
        return changes(null, null, active, null);
    }

    /** Every admin operation, run as {@code caller} against {@code target}. */
    private List<ThrowingCallable> everyOperation(Caller caller, UserId target) {
        return List.of(
                () -> admin.list(caller, null, null),
                () -> admin.search(caller, "a"),
                () -> admin.get(caller, target),
                () -> admin.update(caller, target, activeFlag(true)),
                () -> admin.promote(caller, target),
                () -> admin.delete(caller, target),
                () -> admin.monthlyUsage(caller, target, null),
                () -> admin.usageHistory(caller, target, null));
    }

    @Nested
    class WhoMayAdminister {

        @Test
        void an_ordinary_person_may_not() {
            everyOperation(alice, bob.userId()).forEach(op -> assertRefused(op, Forbidden.class, ErrorCode.FORBIDDEN));
            assertThat(world.user(bob.userId()).superuser()).isFalse();
            assertThat(world.users.findById(bob.userId())).isPresent();
        }

        @Test
        void a_superusers_session_may() {
            assertThat(admin.list(root, null, null).total()).isEqualTo(3);
        }

        @Test
        void a_personal_token_with_the_admin_scope_may() {
            Caller viaToken = world.authenticate(world.pat(root, Scope.READ, Scope.WRITE, Scope.ADMIN).secret());

            assertThat(admin.get(viaToken, alice.userId()).user().username()).isEqualTo("alice");
        }

        @Test
        void a_superusers_token_without_the_admin_scope_may_not() {
            Caller viaToken = world.authenticate(world.pat(root, Scope.READ, Scope.WRITE).secret());

            assertRefused(() -> admin.list(viaToken, null, null), Forbidden.class, ErrorCode.INSUFFICIENT_SCOPE);
        }

        @Test
        void a_demoted_administrators_admin_token_may_not() {
            String token = world.pat(root, Scope.READ, Scope.WRITE, Scope.ADMIN).secret();

            world.demote(root.userId());

            Caller viaToken = world.authenticate(token);
            assertRefused(() -> admin.list(viaToken, null, null), Forbidden.class, ErrorCode.FORBIDDEN);
        }

        @Test
        void a_collection_token_may_not_even_a_superusers() {
            CollectionId rootDefault = world.defaultCollection(root);
            Caller cat = world.authenticate(world.cat(root, rootDefault, Permission.READ_WRITE).secret());

            everyOperation(cat, alice.userId()).forEach(op -> assertRefused(op, Forbidden.class, ErrorCode.FORBIDDEN));
        }
    }

    @Nested
    class ListAndSearch {

        @Test
        void lists_users_by_username_with_paging() {
            Page<User> page = admin.list(root, null, null);

            assertThat(page.items()).extracting(User::username).containsExactly("alice", "bob", "root");
            assertThat(page.total()).isEqualTo(3);
            assertThat(page.limit()).isEqualTo(50);
            assertThat(page.offset()).isZero();

            Page<User> second = admin.list(root, 1, 1);
            assertThat(second.items()).extracting(User::username).containsExactly("bob");
            assertThat(second.total()).isEqualTo(3);

            assertThat(admin.list(root, 500, 3).items()).isEmpty();
        }

        @Test
        void refuses_a_page_size_outside_1_to_500_and_a_negative_offset() {
            assertInvalid(() -> admin.list(root, 0, null), "limit");
            assertInvalid(() -> admin.list(root, 501, null), "limit");
            assertInvalid(() -> admin.list(root, -1, null), "limit");
            assertInvalid(() -> admin.list(root, null, -1), "offset");
        }

        @Test
        void searches_usernames_and_emails_regardless_of_case() {
            assertThat(admin.search(root, "ALI")).extracting(User::username).containsExactly("alice");
            assertThat(admin.search(root, "bob@EXAMPLE")).extracting(User::username).containsExactly("bob");
            assertThat(admin.search(root, "example.com")).extracting(User::username).containsExactly("alice", "bob", "root");
            assertThat(admin.search(root, "nobody")).isEmpty();
        }

        @Test
        void refuses_an_empty_search() {
            assertInvalid(() -> admin.search(root, null), "query");
            assertInvalid(() -> admin.search(root, ""), "query");
            assertInvalid(() -> admin.search(root, "   "), "query");
        }
    }

    @Nested
    class Get {

        @Test
        void shows_the_user_with_counts_of_collections_and_tokens() {
            world.createCollection(alice, "notes");
            world.pat(alice);
            world.personalTokenService.revoke(alice, world.pat(alice).token().id());
            world.cat(alice, world.defaultCollection(alice), null);
            world.pat(bob);

            UserStats stats = admin.get(root, alice.userId());

            assertThat(stats.user()).isEqualTo(world.user(alice.userId()));
            assertThat(stats.collectionCount()).isEqualTo(2);
            assertThat(stats.patCount()).isEqualTo(2);
            assertThat(stats.catCount()).isEqualTo(1);
        }

        @Test
        void an_unknown_user_is_not_found() {
            assertRefused(() -> admin.get(root, UserId.random()), NotFound.class, ErrorCode.USER_NOT_FOUND);
        }
    }

    @Nested
    class Update {

        @Test
        void a_password_reset_ends_every_login_of_the_user_and_the_new_password_works() {
            Session session = world.accounts.login("alice", TestWorld.PASSWORD, CLIENT);
            String pat = world.pat(alice).secret();

            admin.update(root, alice.userId(), new UserChanges(Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.of("reset by the admin")));

            assertRefused(() -> world.authenticate(session.accessToken()), Unauthenticated.class, ErrorCode.INVALID_TOKEN);
            assertRefused(() -> world.accounts.refresh(session.refreshToken()), Unauthenticated.class, ErrorCode.INVALID_REFRESH_TOKEN);
            assertRefused(() -> world.accounts.login("alice", TestWorld.PASSWORD, CLIENT), Unauthenticated.class,
                    ErrorCode.INVALID_CREDENTIALS);
            world.accounts.login("alice", "reset by the admin", CLIENT);
            // A PAT is a credential of its own, revoked on its own.
            assertThat(world.authenticate(pat).userId()).isEqualTo(alice.userId());
            assertInvalid(() -> new UserChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of("short")), "password");
        }

        @Test
        void deactivating_a_user_ends_their_sessions_and_tokens() {
            Session session = world.accounts.login("alice", TestWorld.PASSWORD, CLIENT);
            String pat = world.pat(alice).secret();

            UserStats updated = admin.update(root, alice.userId(), activeFlag(false));

            assertThat(updated.user().active()).isFalse();
            assertRefused(() -> world.authenticate(session.accessToken()), Unauthenticated.class, ErrorCode.INVALID_TOKEN);
            assertRefused(() -> world.authenticate(pat), Unauthenticated.class, ErrorCode.INVALID_TOKEN);

            // Reactivated, the refresh tokens issued before stay revoked; the tokens work again.
            admin.update(root, alice.userId(), activeFlag(true));
            assertRefused(() -> world.accounts.refresh(session.refreshToken()), Unauthenticated.class,
                    ErrorCode.INVALID_REFRESH_TOKEN);
            assertThat(world.authenticate(pat).userId()).isEqualTo(alice.userId());
            world.accounts.login("alice", TestWorld.PASSWORD, CLIENT);
        }

        @Test
        void a_deactivated_user_cannot_refresh() {
            Session session = world.accounts.login("alice", TestWorld.PASSWORD, CLIENT);

            admin.update(root, alice.userId(), activeFlag(false));

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> world.accounts.refresh(session.refreshToken()))
                    .isInstanceOfAny(Unauthenticated.class, Forbidden.class);
        }

        @Test
        void changes_email_and_username_and_leaves_the_rest() {
            User before = world.user(alice.userId());
            world.clock.advance(Duration.ofMinutes(1));

            User after = admin.update(root, alice.userId(), changes("  Alice.New@Example.COM ", "alicia", null, null)).user();

            assertThat(after.email()).isEqualTo("alice.new@example.com");
            assertThat(after.username()).isEqualTo("alicia");
            assertThat(after.active()).isTrue();
            assertThat(after.superuser()).isFalse();
            assertThat(after.passwordHash()).isEqualTo(before.passwordHash());
            assertThat(after.createdAt()).isEqualTo(before.createdAt());
            assertThat(after.updatedAt()).isEqualTo(world.clock.instant());
            assertThat(world.user(alice.userId())).isEqualTo(after);
            assertThat(world.accounts.login("alicia", TestWorld.PASSWORD, CLIENT)).isNotNull();
        }

        @Test
        void an_empty_change_changes_nothing_that_matters() {
            User before = world.user(alice.userId());

            User after = admin.update(root, alice.userId(), changes(null, null, null, null)).user();

            assertThat(after.email()).isEqualTo(before.email());
            assertThat(after.username()).isEqualTo(before.username());
            assertThat(after.active()).isEqualTo(before.active());
            assertThat(after.superuser()).isEqualTo(before.superuser());
        }

        @Test
        void a_taken_email_or_username_is_a_conflict_and_changes_nothing() {
            User before = world.user(alice.userId());

            assertRefused(() -> admin.update(root, alice.userId(), changes("BOB@example.com", null, null, null)),
                    Conflict.class, ErrorCode.EMAIL_EXISTS);
            assertRefused(() -> admin.update(root, alice.userId(), changes(null, "Bob", null, null)),
                    Conflict.class, ErrorCode.USERNAME_EXISTS);

            assertThat(world.user(alice.userId())).isEqualTo(before);
        }

        @Test
        void refuses_a_blank_or_overlong_username_or_email() {
            assertInvalid(() -> changes(null, "ab", null, null), "username");
            assertInvalid(() -> changes("a".repeat(321), null, null, null), "email");
        }

        @Test
        void promoting_gives_the_admin_scope_and_demoting_takes_it_away() {
            UserStats promoted = admin.promote(root, alice.userId());

            assertThat(promoted.user().superuser()).isTrue();
            Caller.Person asAdmin = (Caller.Person) world.authenticate(world.sessionOf(alice.userId()));
            assertThat(asAdmin.scopes()).contains(Scope.ADMIN);
            admin.list(asAdmin, null, null);

            admin.update(root, alice.userId(), changes(null, null, null, false));

            Caller.Person demoted = (Caller.Person) world.authenticate(world.sessionOf(alice.userId()));
            assertThat(demoted.scopes()).doesNotContain(Scope.ADMIN);
        }

        @Test
        void an_administrator_cannot_deactivate_or_demote_themselves() {
            assertRefused(() -> admin.update(root, root.userId(), activeFlag(false)), InvalidInput.class,
                    ErrorCode.CANNOT_DEACTIVATE_SELF);
            assertRefused(() -> admin.update(root, root.userId(), changes(null, null, null, false)), InvalidInput.class,
                    ErrorCode.CANNOT_DEACTIVATE_SELF);

            User self = world.user(root.userId());
            assertThat(self.active()).isTrue();
            assertThat(self.superuser()).isTrue();
        }

        @Test
        void an_administrator_may_change_their_own_email() {
            assertThat(admin.update(root, root.userId(), changes("boss@example.com", null, true, true)).user().email())
                    .isEqualTo("boss@example.com");
        }

        @Test
        void an_unknown_user_is_not_found() {
            assertRefused(() -> admin.update(root, UserId.random(), activeFlag(false)), NotFound.class,
                    ErrorCode.USER_NOT_FOUND);
            assertRefused(() -> admin.promote(root, UserId.random()), NotFound.class, ErrorCode.USER_NOT_FOUND);
        }
    }

    @Nested
    class Delete {

        @Test
        void removes_the_user_with_everything_they_own() {
            CollectionId notes = world.createCollection(bob, "notes");
            world.store(bob, notes, "doc", "some words");
            String pat = world.pat(bob).secret();
            String cat = world.cat(bob, notes, null).secret();
            int usersBefore = world.users.count();

            admin.delete(root, bob.userId());

            assertRefused(() -> admin.get(root, bob.userId()), NotFound.class, ErrorCode.USER_NOT_FOUND);
            assertThat(world.users.count()).isEqualTo(usersBefore - 1);
            assertThat(world.collections.findById(notes)).isEmpty();
            assertRefused(() -> world.authenticate(pat), Unauthenticated.class, ErrorCode.INVALID_TOKEN);
            assertRefused(() -> world.authenticate(cat), Unauthenticated.class, ErrorCode.INVALID_TOKEN);
            assertRefused(() -> world.accounts.login("bob", TestWorld.PASSWORD, CLIENT), Unauthenticated.class,
                    ErrorCode.INVALID_CREDENTIALS);
            assertThat(world.users.findById(alice.userId())).isPresent();
        }

        @Test
        void tells_the_vector_index_to_drop_every_collection_of_the_user() {
            CollectionId notes = world.createCollection(bob, "notes");

            admin.delete(root, bob.userId());

            assertThat(world.outbox.claimDueInTransaction())
                    .filteredOn(event -> event.kind() == OutboxEvent.Kind.DROP_COLLECTION)
                    .extracting(OutboxEvent::subject)
                    .contains(notes.value());
        }

        @Test
        void an_administrator_cannot_delete_themselves() {
            assertRefused(() -> admin.delete(root, root.userId()), InvalidInput.class, ErrorCode.CANNOT_DELETE_SELF);

            assertThat(world.users.findById(root.userId())).isPresent();
        }

        @Test
        void an_unknown_user_is_not_found() {
            assertRefused(() -> admin.delete(root, UserId.random()), NotFound.class, ErrorCode.USER_NOT_FOUND);
        }
    }

    @Nested
    class Usage {
        private final YearMonth thisMonth = YearMonth.of(2026, 1);

        @Test
        void this_months_counts_have_every_entry_point_with_zeros_for_the_missing() {
            world.usage.seed(alice.userId(), thisMonth, EntryPoint.REST, 5);
            world.usage.seed(alice.userId(), thisMonth.minusMonths(1), EntryPoint.MCP, 7);

            MonthlyUsage usage = admin.monthlyUsage(root, alice.userId(), null);

            assertThat(usage.month()).isEqualTo(thisMonth);
            assertThat(usage.requests()).containsExactlyInAnyOrderEntriesOf(Map.of(EntryPoint.REST, 5L, EntryPoint.MCP, 0L));
            assertThat(usage.total()).isEqualTo(5);
        }

        @Test
        void a_user_without_requests_this_month_has_zeros() {
            world.usage.seed(bob.userId(), thisMonth.minusMonths(2), EntryPoint.REST, 9);

            MonthlyUsage usage = admin.monthlyUsage(root, bob.userId(), null);

            assertThat(usage.month()).isEqualTo(thisMonth);
            assertThat(usage.requests()).containsExactlyInAnyOrderEntriesOf(Map.of(EntryPoint.REST, 0L, EntryPoint.MCP, 0L));
        }

        @Test
        void counts_what_the_authenticator_recorded() {
            String pat = world.pat(alice).secret();
            world.activity.flush();
            long rest = admin.monthlyUsage(root, alice.userId(), null).requests().get(EntryPoint.REST);

            world.authenticator.authenticate(pat, EntryPoint.MCP);
            world.authenticator.authenticate(pat, EntryPoint.MCP);
            world.authenticator.authenticate(pat, EntryPoint.REST);
            world.activity.flush();

            MonthlyUsage usage = admin.monthlyUsage(root, alice.userId(), null);
            assertThat(usage.requests().get(EntryPoint.MCP)).isEqualTo(2);
            assertThat(usage.requests().get(EntryPoint.REST)).isEqualTo(rest + 1);
        }

        @Test
        void the_history_is_newest_month_first_with_every_entry_point() {
            world.usage.seed(alice.userId(), YearMonth.of(2025, 11), EntryPoint.MCP, 2);
            world.usage.seed(alice.userId(), YearMonth.of(2026, 1), EntryPoint.REST, 5);
            world.usage.seed(alice.userId(), YearMonth.of(2025, 12), EntryPoint.REST, 1);
            world.usage.seed(alice.userId(), YearMonth.of(2025, 12), EntryPoint.MCP, 3);
            world.usage.seed(bob.userId(), YearMonth.of(2025, 10), EntryPoint.MCP, 8);

            List<MonthlyUsage> history = admin.usageHistory(root, alice.userId(), null);

            assertThat(history).extracting(MonthlyUsage::month)
                    .containsExactly(YearMonth.of(2026, 1), YearMonth.of(2025, 12), YearMonth.of(2025, 11));
            assertThat(history).extracting(MonthlyUsage::requests).containsExactly(
                    Map.of(EntryPoint.REST, 5L, EntryPoint.MCP, 0L),
                    Map.of(EntryPoint.REST, 1L, EntryPoint.MCP, 3L),
                    Map.of(EntryPoint.REST, 0L, EntryPoint.MCP, 2L));
            assertThat(history).extracting(MonthlyUsage::total).containsExactly(5L, 4L, 2L);
        }

        @Test
        void a_user_without_any_requests_has_an_empty_history() {
            assertThat(admin.usageHistory(root, bob.userId(), null)).isEmpty();
        }

        @Test
        void an_unknown_user_is_not_found() {
            for (Function<UserId, Object> op : List.<Function<UserId, Object>>of(
                    id -> admin.monthlyUsage(root, id, null), id -> admin.usageHistory(root, id, null))) {
                assertRefused(() -> op.apply(UserId.random()), NotFound.class, ErrorCode.USER_NOT_FOUND);
            }
        }
    }
}
