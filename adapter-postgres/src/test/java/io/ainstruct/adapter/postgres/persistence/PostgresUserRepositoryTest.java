package io.ainstruct.adapter.postgres.persistence;

import io.ainstruct.adapter.postgres.Fixtures;
import io.ainstruct.adapter.postgres.PostgresAdapterTest;
import io.ainstruct.domain.access.CollectionAccessToken;
import io.ainstruct.domain.access.PersonalAccessToken;
import io.ainstruct.domain.collection.Collection;
import io.ainstruct.domain.document.Page;
import io.ainstruct.domain.error.Conflict;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.session.RefreshToken;
import io.ainstruct.domain.session.Secrets;
import io.ainstruct.domain.usage.EntryPoint;
import io.ainstruct.domain.usage.UsageRecord;
import io.ainstruct.domain.user.User;
import io.ainstruct.domain.user.UserId;
import io.ainstruct.domain.user.UserStats;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

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

    @Test
    void refusesToUpdateToAUsernameAnotherUserHasWhateverItsCase() {
        User other = fixtures.storedUser();
        User user = fixtures.storedUser();

        assertThatThrownBy(() -> users.update(withNames(user, other.username().toUpperCase(Locale.ROOT), user.email())))
                .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USERNAME_EXISTS));
        assertThat(users.findById(user.id())).contains(user);
    }

    @Test
    void anUpdateNeverChangesTheCreationTime() {
        User user = fixtures.storedUser();
        User changed = new User(user.id(), user.email(), user.username(), "new-hash", true, false,
                user.createdAt().minus(Duration.ofDays(1)), Fixtures.now());

        users.update(changed);

        assertThat(users.findById(user.id())).hasValueSatisfying(found -> {
            assertThat(found.createdAt()).isEqualTo(user.createdAt());
            assertThat(found.passwordHash()).isEqualTo("new-hash");
            assertThat(found.updatedAt()).isEqualTo(changed.updatedAt());
        });
    }

    @Test
    void listsEveryUserByUsernameIgnoringCaseInPages() {
        String marker = Fixtures.unique("");
        store(named("B-list" + marker));
        store(named("a-list" + marker));
        store(named("c-list" + marker));

        Page<User> all = users.list(10_000, 0);

        assertThat(all.total()).isEqualTo(count("SELECT count(*) FROM users")).isEqualTo(all.items().size());
        assertThat(all.items()).extracting(user -> user.username().toLowerCase(Locale.ROOT)).isSorted();
        assertThat(all.items()).extracting(User::username).containsSubsequence(
                "a-list" + marker, "B-list" + marker, "c-list" + marker);
        List<User> paged = new ArrayList<>();
        for (int offset = 0; offset < all.total(); offset += 2) {
            Page<User> page = users.list(2, offset);
            assertThat(page.total()).isEqualTo(all.total());
            assertThat(page.limit()).isEqualTo(2);
            assertThat(page.offset()).isEqualTo(offset);
            paged.addAll(page.items());
        }
        assertThat(paged).isEqualTo(all.items());
        assertThat(users.list(5, (int) all.total()).items()).isEmpty();
    }

    @Test
    void searchesUsernamesAndEmailsIgnoringCaseByUsername() {
        String marker = Fixtures.unique("q");
        User byUsername = store(named("Zz-" + marker.toUpperCase(Locale.ROOT)));
        User byEmail = store(new User(UserId.random(), "mail-" + marker + "@example.com", Fixtures.unique("aa-"),
                "hash", true, false, Fixtures.now(), Fixtures.now()));
        fixtures.storedUser();

        assertThat(users.search(marker, 50)).containsExactly(byEmail, byUsername);
        assertThat(users.search(marker.toUpperCase(Locale.ROOT), 50)).containsExactly(byEmail, byUsername);
        assertThat(users.search(marker, 1)).containsExactly(byEmail);
        assertThat(users.search("no-such-" + marker, 50)).isEmpty();
    }

    @Test
    void searchTakesWildcardsAndBackslashesLiterally() {
        String marker = Fixtures.unique("w");
        User underscore = store(named("a_b" + marker));
        User letter = store(named("axb" + marker));
        User percent = store(named("50%" + marker));
        User digits = store(named("5000" + marker));
        User backslash = store(named("back\\slash" + marker));
        User plain = store(named("backslash" + marker));

        assertThat(users.search("a_b" + marker, 50)).containsExactly(underscore);
        assertThat(users.search("50%" + marker, 50)).containsExactly(percent);
        assertThat(users.search("k\\s", 50)).containsExactly(backslash);
        assertThat(users.search("back\\", 50)).containsExactly(backslash);
        assertThat(users.search("%", 1000)).allSatisfy(user -> assertThat(user.username() + user.email()).contains("%"));
        assertThat(users.search("_", 1000)).allSatisfy(user -> assertThat(user.username() + user.email()).contains("_"));
        assertThat(users.search(marker, 50)).containsExactlyInAnyOrder(underscore, letter, percent, digits, backslash, plain);
    }

    @Test
    void countsWhatAUserOwnsRevokedTokensIncluded() {
        User user = fixtures.storedUser();
        Collection first = fixtures.storedCollection(user.id());
        Collection second = fixtures.storedCollection(user.id());
        fixtures.storedCollection();
        fixtures.storedPat(user.id());
        PersonalAccessToken revokedPat = fixtures.storedPat(user.id());
        context.getBean(PostgresPersonalAccessTokenRepository.class).update(revokedPat.revoked());
        fixtures.storedCat(first);
        fixtures.storedCat(second);
        CollectionAccessToken revokedCat = fixtures.storedCat(second);
        context.getBean(PostgresCollectionAccessTokenRepository.class).update(revokedCat.revoked());
        fixtures.storedCat(fixtures.storedCollection());

        assertThat(users.stats(user.id())).contains(new UserStats(user, 2, 2, 3));
        User idle = fixtures.storedUser();
        assertThat(users.stats(idle.id())).contains(new UserStats(idle, 0, 0, 0));
        assertThat(users.stats(UserId.random())).isEmpty();
    }

    @Test
    void deletingAUserDeletesEverythingTheyOwnAndNothingElse() {
        User user = fixtures.storedUser();
        User other = fixtures.storedUser();
        for (User owner : List.of(user, other)) {
            Collection collection = fixtures.storedCollection(owner.id());
            fixtures.storedDocument(collection.id(), "content of " + owner.username(), 3);
            fixtures.storedPat(owner.id());
            fixtures.storedCat(collection);
            context.getBean(PostgresUsageRepository.class)
                    .add(List.of(new UsageRecord(owner.id(), YearMonth.of(2026, 11), EntryPoint.MCP, 2)));
            context.getBean(PostgresRefreshTokenRepository.class).insert(new RefreshToken(UUID.randomUUID(), UUID.randomUUID(),
                    owner.id(), Secrets.digest(Secrets.generate("r_")), Fixtures.now().plus(Duration.ofDays(7)),
                    Fixtures.now()));
        }

        users.delete(user.id());

        assertThat(users.findById(user.id())).isEmpty();
        assertThat(ownedRows(user)).containsOnly(0L);
        assertThat(ownedRows(other)).containsExactly(1L, 1L, 3L, 1L, 1L, 1L, 1L);
        assertThat(users.findById(other.id())).contains(other);
    }

    /** Collections, documents, chunks, PATs, CATs, usage records and refresh tokens of the user. */
    private List<Long> ownedRows(User user) {
        UUID id = user.id().value();
        return List.of(
                count("SELECT count(*) FROM collections WHERE user_id = ?", id),
                count("SELECT count(*) FROM documents d JOIN collections c ON c.id = d.collection_id WHERE c.user_id = ?", id),
                count("""
                        SELECT count(*) FROM chunks ch JOIN documents d ON d.id = ch.document_id
                        JOIN collections c ON c.id = d.collection_id WHERE c.user_id = ?""", id),
                count("SELECT count(*) FROM pat_tokens WHERE user_id = ?", id),
                count("SELECT count(*) FROM cats WHERE created_by = ?", id),
                count("SELECT count(*) FROM usage_records WHERE user_id = ?", id),
                count("SELECT count(*) FROM refresh_tokens WHERE user_id = ?", id));
    }

    private User store(User user) {
        users.insert(user);
        return user;
    }

    private static User named(String username) {
        return new User(UserId.random(), Fixtures.unique("m-") + "@example.com", username, "hash", true, false,
                Fixtures.now(), Fixtures.now());
    }

    private static User withNames(User user, String username, String email) {
        return new User(user.id(), email, username, user.passwordHash(), user.active(), user.superuser(),
                user.createdAt(), user.updatedAt());
    }
}
