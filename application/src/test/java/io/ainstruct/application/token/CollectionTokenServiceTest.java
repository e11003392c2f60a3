package io.ainstruct.application.token;

import io.ainstruct.application.fakes.TestWorld;
import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.access.CollectionAccessToken;
import io.ainstruct.domain.access.NamedCollectionToken;
import io.ainstruct.domain.access.Permission;
import io.ainstruct.domain.access.Scope;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.error.Conflict;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.error.Forbidden;
import io.ainstruct.domain.error.NotFound;
import io.ainstruct.domain.error.Unauthenticated;
import io.ainstruct.domain.session.Secrets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static io.ainstruct.application.fakes.DomainAssertions.assertRefused;
import static io.ainstruct.application.fakes.TestWorld.token;
import static io.ainstruct.application.fakes.TestWorld.withScopes;
import static org.assertj.core.api.Assertions.assertThat;

class CollectionTokenServiceTest {
    private final TestWorld world = new TestWorld();
    private final CollectionTokenService service = world.collectionTokenService;

    private final Caller.Person alice = world.signUp("alice");
    private final Caller.Person bob = world.signUp("bob");
    private final CollectionId aliceDefault = world.defaultCollection(alice);
    private final CollectionId aliceNotes = world.createCollection(alice, "notes");
    private final CollectionId bobDefault = world.defaultCollection(bob);

    private IssuedSecret<NamedCollectionToken> create(Caller caller, CollectionId collection, Permission permission) {
        return service.create(caller, collection, TokenRequest.of("agent", null), permission);
    }

    private void assertWorks(String secret) {
        assertThat(world.authenticate(secret)).isInstanceOf(Caller.CollectionToken.class);
    }

    private void assertDead(String secret) {
        assertRefused(() -> world.authenticate(secret), Unauthenticated.class, ErrorCode.INVALID_TOKEN);
    }

    @Nested
    class Create {

        @Test
        void on_an_own_collection_hands_out_a_cat_live_secret_stored_only_as_its_digest() {
            IssuedSecret<NamedCollectionToken> issued = create(alice, aliceNotes, null);

            assertThat(issued.secret()).startsWith("cat_live_");
            assertThat(issued.secret().substring("cat_live_".length())).hasSizeGreaterThanOrEqualTo(43)
                    .matches("[A-Za-z0-9_-]+");
            CollectionAccessToken token = issued.token().token();
            assertThat(token.tokenHash()).isEqualTo(Secrets.digest(issued.secret()));
            assertThat(world.collectionTokens.storedHashes()).contains(Secrets.digest(issued.secret()))
                    .doesNotContain(issued.secret());
        }

        @Test
        void reads_by_default_for_90_days_and_names_its_collection() {
            NamedCollectionToken named = create(alice, aliceNotes, null).token();

            assertThat(named.collectionName()).isEqualTo("notes");
            CollectionAccessToken token = named.token();
            assertThat(token.permission()).isEqualTo(Permission.READ);
            assertThat(token.collectionId()).isEqualTo(aliceNotes);
            assertThat(token.createdBy()).isEqualTo(alice.userId());
            assertThat(token.label()).isEqualTo("agent");
            assertThat(token.active()).isTrue();
            assertThat(token.expiresAt()).isEqualTo(world.clock.instant().plus(Duration.ofDays(90)));
        }

        @Test
        void keeps_a_read_write_permission() {
            assertThat(create(alice, aliceNotes, Permission.READ_WRITE).token().token().permission())
                    .isEqualTo(Permission.READ_WRITE);
        }

        @Test
        void takes_a_shorter_lifetime() {
            NamedCollectionToken named = service.create(alice, aliceNotes, TokenRequest.of("short", 7), null).token();

            assertThat(named.token().expiresAt()).isEqualTo(world.clock.instant().plus(Duration.ofDays(7)));
        }

        @Test
        void on_someone_elses_collection_is_not_found_and_stores_nothing() {
            assertRefused(() -> create(alice, bobDefault, null), NotFound.class, ErrorCode.COLLECTION_NOT_FOUND);
            assertRefused(() -> create(alice, CollectionId.random(), null), NotFound.class, ErrorCode.COLLECTION_NOT_FOUND);

            assertThat(world.collectionTokens.storedHashes()).isEmpty();
        }

        @Test
        void needs_the_tokens_scope() {
            assertRefused(() -> create(withScopes(alice, Scope.READ, Scope.WRITE), aliceNotes, null), Forbidden.class,
                    ErrorCode.INSUFFICIENT_SCOPE);
        }

        @Test
        void a_collection_token_cannot_create_collection_tokens() {
            Caller cat = world.authenticate(create(alice, aliceNotes, Permission.READ_WRITE).secret());

            assertRefused(() -> create(cat, aliceNotes, null), Forbidden.class, ErrorCode.FORBIDDEN);
            assertRefused(() -> create(token(alice, aliceNotes, Permission.READ_WRITE), aliceNotes, null), Forbidden.class,
                    ErrorCode.FORBIDDEN);
            assertThat(service.list(alice, Optional.empty())).hasSize(1);
        }

        @Test
        void an_active_token_keeps_its_collection_from_being_deleted_until_revoked() {
            UUID id = create(alice, aliceNotes, null).token().token().id();

            assertRefused(() -> world.collectionService.delete(alice, aliceNotes), Conflict.class,
                    ErrorCode.COLLECTION_HAS_ACTIVE_CATS);

            service.revoke(alice, id);
            world.collectionService.delete(alice, aliceNotes);
        }
    }

    @Nested
    class ListTokens {

        @Test
        void lists_the_tokens_on_the_callers_collections_with_their_names_newest_first() {
            UUID onDefault = create(alice, aliceDefault, null).token().token().id();
            world.clock.advance(Duration.ofMinutes(1));
            UUID onNotes = create(alice, aliceNotes, Permission.READ_WRITE).token().token().id();
            create(bob, bobDefault, null);

            assertThat(service.list(alice, Optional.empty()))
                    .extracting(n -> n.token().id(), NamedCollectionToken::collectionName)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(onNotes, "notes"),
                            org.assertj.core.groups.Tuple.tuple(onDefault, "default"));
        }

        @Test
        void filters_by_collection() {
            create(alice, aliceDefault, null);
            UUID onNotes = create(alice, aliceNotes, null).token().token().id();

            assertThat(service.list(alice, Optional.of(aliceNotes))).extracting(n -> n.token().id()).containsExactly(onNotes);
        }

        @Test
        void never_lists_another_users_tokens() {
            create(bob, bobDefault, null);

            assertThat(service.list(alice, Optional.empty())).isEmpty();
            assertRefused(() -> service.list(alice, Optional.of(bobDefault)), NotFound.class, ErrorCode.COLLECTION_NOT_FOUND);
        }

        @Test
        void includes_revoked_tokens() {
            UUID id = create(alice, aliceNotes, null).token().token().id();
            service.revoke(alice, id);

            assertThat(service.list(alice, Optional.empty())).extracting(n -> n.token().active()).containsExactly(false);
        }

        @Test
        void a_collection_token_cannot_list() {
            assertRefused(() -> service.list(token(alice, aliceNotes, Permission.READ_WRITE), Optional.empty()),
                    Forbidden.class, ErrorCode.FORBIDDEN);
        }
    }

    @Nested
    class Revoke {

        @Test
        void stops_the_token_at_once() {
            IssuedSecret<NamedCollectionToken> issued = create(alice, aliceNotes, null);
            assertWorks(issued.secret());

            service.revoke(alice, issued.token().token().id());

            assertDead(issued.secret());
        }

        @Test
        void another_users_token_is_not_found_and_keeps_working() {
            IssuedSecret<NamedCollectionToken> bobs = create(bob, bobDefault, null);

            assertRefused(() -> service.revoke(alice, bobs.token().token().id()), NotFound.class, ErrorCode.CAT_NOT_FOUND);
            assertRefused(() -> service.revoke(alice, UUID.randomUUID()), NotFound.class, ErrorCode.CAT_NOT_FOUND);

            assertWorks(bobs.secret());
        }

        @Test
        void a_collection_token_cannot_revoke_even_itself() {
            IssuedSecret<NamedCollectionToken> issued = create(alice, aliceNotes, Permission.READ_WRITE);
            Caller cat = world.authenticate(issued.secret());

            assertRefused(() -> service.revoke(cat, issued.token().token().id()), Forbidden.class, ErrorCode.FORBIDDEN);
            assertWorks(issued.secret());
        }
    }

    @Nested
    class Rotate {

        @Test
        void issues_a_new_secret_and_the_old_one_stops_working() {
            IssuedSecret<NamedCollectionToken> original = create(alice, aliceNotes, Permission.READ_WRITE);

            IssuedSecret<NamedCollectionToken> rotated = service.rotate(alice, original.token().token().id(), TokenRotation.SECRET_ONLY);

            assertThat(rotated.secret()).startsWith("cat_live_").isNotEqualTo(original.secret());
            assertThat(rotated.token().collectionName()).isEqualTo("notes");
            assertThat(rotated.token().token().id()).isEqualTo(original.token().token().id());
            assertThat(rotated.token().token().permission()).isEqualTo(Permission.READ_WRITE);
            assertThat(world.collectionTokens.storedHashes())
                    .contains(Secrets.digest(rotated.secret()))
                    .doesNotContain(Secrets.digest(original.secret()));
            assertDead(original.secret());
            assertWorks(rotated.secret());
        }

        @Test
        void a_revoked_token_cannot_be_rotated() {
            UUID id = create(alice, aliceNotes, null).token().token().id();
            service.revoke(alice, id);

            assertRefused(() -> service.rotate(alice, id, TokenRotation.SECRET_ONLY), Conflict.class, ErrorCode.TOKEN_REVOKED);
        }

        @Test
        void another_users_token_is_not_found_and_keeps_its_secret() {
            IssuedSecret<NamedCollectionToken> bobs = create(bob, bobDefault, null);

            assertRefused(() -> service.rotate(alice, bobs.token().token().id(), TokenRotation.SECRET_ONLY), NotFound.class, ErrorCode.CAT_NOT_FOUND);

            assertWorks(bobs.secret());
        }

        @Test
        void a_collection_token_cannot_rotate() {
            UUID id = create(alice, aliceNotes, null).token().token().id();

            assertRefused(() -> service.rotate(token(alice, aliceNotes, Permission.READ_WRITE), id, TokenRotation.SECRET_ONLY), Forbidden.class,
                    ErrorCode.FORBIDDEN);
        }
    }
}
