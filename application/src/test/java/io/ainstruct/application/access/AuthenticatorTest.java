package io.ainstruct.application.access;

import io.ainstruct.application.token.TokenRotation;
import io.ainstruct.application.fakes.FakeAccessTokens;
import io.ainstruct.application.fakes.TestWorld;
import io.ainstruct.application.token.IssuedSecret;
import io.ainstruct.application.token.TokenRequest;
import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.access.NamedCollectionToken;
import io.ainstruct.domain.access.Permission;
import io.ainstruct.domain.access.PersonalAccessToken;
import io.ainstruct.domain.access.Scope;
import io.ainstruct.domain.collection.Collection;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.error.Unauthenticated;
import io.ainstruct.domain.session.Secrets;
import io.ainstruct.domain.usage.EntryPoint;
import io.ainstruct.domain.user.UserId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import static io.ainstruct.application.fakes.DomainAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

class AuthenticatorTest {
    private final TestWorld world = new TestWorld();
    private final Authenticator authenticator = world.authenticator;

    private final UserId alice = world.signUp("alice").userId();

    @Test
    void an_ordinary_user_reads_and_writes_but_does_not_administer() {
        Caller caller = authenticator.authenticate(world.sessionOf(alice), EntryPoint.REST);

        assertThat(caller).isInstanceOf(Caller.Person.class);
        Caller.Person person = (Caller.Person) caller;
        assertThat(person.userId()).isEqualTo(alice);
        assertThat(person.superuser()).isFalse();
        assertThat(person.scopes()).containsExactlyInAnyOrder(Scope.READ, Scope.WRITE, Scope.TOKENS);
    }

    @Test
    void a_superuser_has_every_scope() {
        world.makeSuperuser(alice);

        Caller.Person person = (Caller.Person) authenticator.authenticate(world.sessionOf(alice), EntryPoint.REST);

        assertThat(person.superuser()).isTrue();
        assertThat(person.scopes()).containsExactlyInAnyOrder(Scope.values());
    }

    @Test
    void tolerates_whitespace_around_the_token() {
        assertThat(authenticator.authenticate("  " + world.sessionOf(alice) + " ", EntryPoint.REST).userId()).isEqualTo(alice);
    }

    @Test
    void no_token_means_not_authenticated() {
        assertRefused(() -> authenticator.authenticate(null, EntryPoint.REST), Unauthenticated.class, ErrorCode.NOT_AUTHENTICATED);
        assertRefused(() -> authenticator.authenticate("", EntryPoint.REST), Unauthenticated.class, ErrorCode.NOT_AUTHENTICATED);
        assertRefused(() -> authenticator.authenticate("   ", EntryPoint.REST), Unauthenticated.class, ErrorCode.NOT_AUTHENTICATED);
    }

    @Test
    void a_forged_token_is_invalid() {
        assertRefused(() -> authenticator.authenticate("jwt-" + alice + "-999", EntryPoint.REST), Unauthenticated.class, ErrorCode.INVALID_TOKEN);
        assertRefused(() -> authenticator.authenticate("garbage", EntryPoint.REST), Unauthenticated.class, ErrorCode.INVALID_TOKEN);
    }

    @Test
    void an_expired_token_is_invalid() {
        String token = world.sessionOf(alice);

        world.clock.advance(FakeAccessTokens.LIFETIME);

        assertRefused(() -> authenticator.authenticate(token, EntryPoint.REST), Unauthenticated.class, ErrorCode.INVALID_TOKEN);
    }

    @Test
    void a_token_works_until_it_expires() {
        String token = world.sessionOf(alice);

        world.clock.advance(FakeAccessTokens.LIFETIME.minus(Duration.ofSeconds(1)));

        assertThat(authenticator.authenticate(token, EntryPoint.REST).userId()).isEqualTo(alice);
    }

    @Test
    void a_deactivated_users_token_stops_working_at_once() {
        String token = world.sessionOf(alice);
        world.disable(alice);

        assertRefused(() -> authenticator.authenticate(token, EntryPoint.REST), Unauthenticated.class, ErrorCode.INVALID_TOKEN);
    }

    @Test
    void a_token_of_a_user_that_no_longer_exists_is_invalid() {
        String token = world.accessTokens.issue(UserId.random(), "0123456789abcdef", world.clock.instant()).value();

        assertRefused(() -> authenticator.authenticate(token, EntryPoint.REST), Unauthenticated.class, ErrorCode.INVALID_TOKEN);
    }

    private IssuedSecret<PersonalAccessToken> pat(UserId user, Set<Scope> scopes, Integer days) {
        Caller.Person session = (Caller.Person) authenticator.authenticate(world.sessionOf(user), EntryPoint.REST);
        return world.personalTokenService.create(session, TokenRequest.of("test", days), scopes);
    }

    private IssuedSecret<NamedCollectionToken> cat(UserId user, CollectionId collection, Permission permission, Integer days) {
        Caller session = authenticator.authenticate(world.sessionOf(user), EntryPoint.REST);
        return world.collectionTokenService.create(session, collection, TokenRequest.of("test", days), permission);
    }

    private void assertInvalid(String token, EntryPoint via) {
        assertRefused(() -> authenticator.authenticate(token, via), Unauthenticated.class, ErrorCode.INVALID_TOKEN);
    }

    @Nested
    class PersonalAccessTokens {

        @Test
        void a_valid_token_is_its_user_with_exactly_its_scopes() {
            String token = pat(alice, EnumSet.of(Scope.READ), null).secret();

            Caller caller = authenticator.authenticate(token, EntryPoint.REST);

            assertThat(caller).isInstanceOf(Caller.Person.class);
            Caller.Person person = (Caller.Person) caller;
            assertThat(person.userId()).isEqualTo(alice);
            assertThat(person.superuser()).isFalse();
            assertThat(person.scopes()).containsExactly(Scope.READ);
        }

        @Test
        void a_default_token_reads_and_writes() {
            Caller.Person person = (Caller.Person) authenticator.authenticate(pat(alice, null, null).secret(), EntryPoint.REST);

            assertThat(person.scopes()).containsExactlyInAnyOrder(Scope.READ, Scope.WRITE);
        }

        @Test
        void works_through_both_entry_points() {
            String token = pat(alice, null, null).secret();

            assertThat(authenticator.authenticate(token, EntryPoint.REST).userId()).isEqualTo(alice);
            assertThat(authenticator.authenticate(token, EntryPoint.MCP).userId()).isEqualTo(alice);
        }

        @Test
        void works_until_it_expires_and_not_after() {
            String token = pat(alice, null, 1).secret();

            world.clock.advance(Duration.ofDays(1).minusSeconds(1));
            assertThat(authenticator.authenticate(token, EntryPoint.REST).userId()).isEqualTo(alice);

            world.clock.advance(Duration.ofSeconds(1));
            assertInvalid(token, EntryPoint.REST);
            assertInvalid(token, EntryPoint.MCP);
        }

        @Test
        void a_default_token_expires_after_90_days() {
            String token = pat(alice, null, null).secret();

            world.clock.advance(Duration.ofDays(90));

            assertInvalid(token, EntryPoint.REST);
        }

        @Test
        void a_revoked_token_is_invalid() {
            IssuedSecret<PersonalAccessToken> issued = pat(alice, null, null);
            world.personalTokenService.revoke(new Caller.Person(alice, Scope.all(), false), issued.token().id());

            assertInvalid(issued.secret(), EntryPoint.REST);
            assertInvalid(issued.secret(), EntryPoint.MCP);
        }

        @Test
        void a_rotated_away_secret_is_invalid() {
            IssuedSecret<PersonalAccessToken> issued = pat(alice, null, null);
            String fresh = world.personalTokenService.rotate(new Caller.Person(alice, Scope.all(), false), issued.token().id(), TokenRotation.SECRET_ONLY)
                    .secret();

            assertInvalid(issued.secret(), EntryPoint.REST);
            assertThat(authenticator.authenticate(fresh, EntryPoint.REST).userId()).isEqualTo(alice);
        }

        @Test
        void an_unknown_token_is_invalid() {
            assertInvalid(Secrets.generate("pat_live_"), EntryPoint.REST);
            assertInvalid(Secrets.generate("pat_live_"), EntryPoint.MCP);
            assertInvalid("pat_live_", EntryPoint.REST);
        }

        @Test
        void the_token_of_a_deactivated_user_is_invalid() {
            String token = pat(alice, null, null).secret();

            world.disable(alice);

            assertInvalid(token, EntryPoint.REST);
            assertInvalid(token, EntryPoint.MCP);
        }

        @Test
        void the_admin_scope_lapses_when_the_user_is_no_longer_a_superuser() {
            world.makeSuperuser(alice);
            String token = pat(alice, Scope.all(), null).secret();
            assertThat(((Caller.Person) authenticator.authenticate(token, EntryPoint.REST)).scopes())
                    .containsExactlyInAnyOrder(Scope.values());

            world.demote(alice);

            Caller.Person person = (Caller.Person) authenticator.authenticate(token, EntryPoint.REST);
            assertThat(person.superuser()).isFalse();
            assertThat(person.scopes()).containsExactlyInAnyOrder(Scope.READ, Scope.WRITE, Scope.TOKENS);
        }

        @Test
        void a_superusers_read_only_token_only_reads() {
            world.makeSuperuser(alice);
            String token = pat(alice, EnumSet.of(Scope.READ), null).secret();

            Caller.Person person = (Caller.Person) authenticator.authenticate(token, EntryPoint.REST);

            assertThat(person.superuser()).isTrue();
            assertThat(person.scopes()).containsExactly(Scope.READ);
        }
    }

    @Nested
    class CollectionAccessTokens {
        private final CollectionId notes = world.createCollection(new Caller.Person(alice, Scope.all(), false), "notes");

        @Test
        void a_valid_token_reaches_its_collection_with_its_permission_for_its_creator() {
            String reader = cat(alice, notes, null, null).secret();
            String writer = cat(alice, notes, Permission.READ_WRITE, null).secret();

            assertThat(authenticator.authenticate(reader, EntryPoint.MCP))
                    .isEqualTo(new Caller.CollectionToken(alice, notes, Permission.READ));
            assertThat(authenticator.authenticate(writer, EntryPoint.REST))
                    .isEqualTo(new Caller.CollectionToken(alice, notes, Permission.READ_WRITE));
        }

        @Test
        void an_expired_token_is_invalid() {
            String token = cat(alice, notes, null, 2).secret();

            world.clock.advance(Duration.ofDays(2).minusSeconds(1));
            assertThat(authenticator.authenticate(token, EntryPoint.MCP).userId()).isEqualTo(alice);

            world.clock.advance(Duration.ofSeconds(1));
            assertInvalid(token, EntryPoint.MCP);
        }

        @Test
        void a_revoked_token_is_invalid() {
            IssuedSecret<NamedCollectionToken> issued = cat(alice, notes, null, null);
            world.collectionTokenService.revoke(new Caller.Person(alice, Scope.all(), false), issued.token().token().id());

            assertInvalid(issued.secret(), EntryPoint.MCP);
            assertInvalid(issued.secret(), EntryPoint.REST);
        }

        @Test
        void a_rotated_away_secret_is_invalid() {
            IssuedSecret<NamedCollectionToken> issued = cat(alice, notes, null, null);
            String fresh = world.collectionTokenService.rotate(new Caller.Person(alice, Scope.all(), false),
                    issued.token().token().id(), TokenRotation.SECRET_ONLY).secret();

            assertInvalid(issued.secret(), EntryPoint.MCP);
            assertThat(authenticator.authenticate(fresh, EntryPoint.MCP).userId()).isEqualTo(alice);
        }

        @Test
        void an_unknown_token_is_invalid() {
            assertInvalid(Secrets.generate("cat_live_"), EntryPoint.MCP);
            assertInvalid("cat_live_", EntryPoint.REST);
        }

        @Test
        void the_token_of_a_deactivated_creator_is_invalid() {
            String token = cat(alice, notes, Permission.READ_WRITE, null).secret();

            world.disable(alice);

            assertInvalid(token, EntryPoint.MCP);
            assertInvalid(token, EntryPoint.REST);
        }

        @Test
        void a_token_whose_collection_is_gone_is_invalid() {
            String token = cat(alice, notes, null, null).secret();

            world.uow.run(() -> world.collections.delete(notes));

            assertInvalid(token, EntryPoint.MCP);
        }

        @Test
        void a_token_whose_collection_changed_hands_is_invalid() {
            String token = cat(alice, notes, null, null).secret();
            UserId bob = world.signUp("bob").userId();
            Collection collection = world.collections.findById(notes).orElseThrow();

            world.uow.run(() -> world.collections.update(new Collection(collection.id(), bob, collection.name(),
                    collection.createdAt(), world.clock.instant())));

            assertInvalid(token, EntryPoint.MCP);
        }
    }

    @Nested
    class McpEntryPoint {

        @Test
        void refuses_a_session_token_and_names_the_tokens_it_takes() {
            String session = world.sessionOf(alice);

            assertThat(authenticator.authenticate(session, EntryPoint.REST).userId()).isEqualTo(alice);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> authenticator.authenticate(session, EntryPoint.MCP))
                    .isInstanceOf(Unauthenticated.class)
                    .satisfies(e -> assertThat(((Unauthenticated) e).code()).isEqualTo(ErrorCode.INVALID_TOKEN))
                    .hasMessageContaining("personal")
                    .hasMessageContaining("collection")
                    .hasMessageContaining("access token");
        }

        @Test
        void refuses_garbage_as_an_invalid_token() {
            assertInvalid("garbage", EntryPoint.MCP);
        }

        @Test
        void still_asks_for_a_token_when_none_is_sent() {
            assertRefused(() -> authenticator.authenticate(" ", EntryPoint.MCP), Unauthenticated.class,
                    ErrorCode.NOT_AUTHENTICATED);
        }
    }

    @Nested
    class Activity {
        private final YearMonth month = YearMonth.of(2026, 1);
        private final CollectionId defaultCollection = world.defaultCollection(new Caller.Person(alice, Set.of(), false));

        private long counted(UserId user, EntryPoint source) {
            return world.usage.count(user, month, source);
        }

        @Test
        void every_successful_authentication_is_counted_by_user_month_and_entry_point() {
            IssuedSecret<PersonalAccessToken> pat = pat(alice, null, null);
            IssuedSecret<NamedCollectionToken> cat = cat(alice, defaultCollection, null, null);
            world.activity.flush();
            long rest = counted(alice, EntryPoint.REST);
            long mcp = counted(alice, EntryPoint.MCP);

            authenticator.authenticate(world.sessionOf(alice), EntryPoint.REST);
            authenticator.authenticate(pat.secret(), EntryPoint.REST);
            authenticator.authenticate(pat.secret(), EntryPoint.MCP);
            authenticator.authenticate(pat.secret(), EntryPoint.MCP);
            authenticator.authenticate(cat.secret(), EntryPoint.MCP);
            world.activity.flush();

            assertThat(counted(alice, EntryPoint.REST)).isEqualTo(rest + 2);
            assertThat(counted(alice, EntryPoint.MCP)).isEqualTo(mcp + 3);
        }

        @Test
        void a_refused_authentication_is_not_counted() {
            String session = world.sessionOf(alice);
            world.activity.flush();
            long before = world.usage.total();

            assertInvalid(session, EntryPoint.MCP);
            assertInvalid(Secrets.generate("pat_live_"), EntryPoint.REST);
            world.activity.flush();

            assertThat(world.usage.total()).isEqualTo(before);
        }

        @Test
        void a_personal_tokens_last_use_is_recorded() {
            IssuedSecret<PersonalAccessToken> pat = pat(alice, null, null);
            UUID id = pat.token().id();

            authenticator.authenticate(pat.secret(), EntryPoint.MCP);
            assertThat(world.personalTokens.findById(id).orElseThrow().lastUsedAt()).isNull();
            world.activity.flush();
            Instant first = world.clock.instant();
            assertThat(world.personalTokens.findById(id).orElseThrow().lastUsedAt()).isEqualTo(first);

            world.clock.advance(Duration.ofHours(1));
            authenticator.authenticate(pat.secret(), EntryPoint.REST);
            world.activity.flush();

            assertThat(world.personalTokens.findById(id).orElseThrow().lastUsedAt()).isEqualTo(first.plus(Duration.ofHours(1)));
        }

        @Test
        void a_collection_tokens_last_use_is_recorded() {
            IssuedSecret<NamedCollectionToken> cat = cat(alice, defaultCollection, null, null);
            UUID id = cat.token().token().id();
            world.clock.advance(Duration.ofMinutes(5));

            authenticator.authenticate(cat.secret(), EntryPoint.MCP);
            world.activity.flush();

            assertThat(world.collectionTokens.findById(id).orElseThrow().lastUsedAt()).isEqualTo(world.clock.instant());
        }
    }
}
