package io.ainstruct.application.token;

import io.ainstruct.application.fakes.TestWorld;
import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.access.Permission;
import io.ainstruct.domain.access.PersonalAccessToken;
import io.ainstruct.domain.access.Scope;
import io.ainstruct.domain.error.Conflict;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.error.Forbidden;
import io.ainstruct.domain.error.InvalidInput;
import io.ainstruct.domain.error.NotFound;
import io.ainstruct.domain.error.Unauthenticated;
import io.ainstruct.domain.session.Secrets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import static io.ainstruct.application.fakes.DomainAssertions.assertInvalid;
import static io.ainstruct.application.fakes.DomainAssertions.assertRefused;
import static io.ainstruct.application.fakes.TestWorld.token;
import static io.ainstruct.application.fakes.TestWorld.withScopes;
import static org.assertj.core.api.Assertions.assertThat;

class PersonalTokenServiceTest {
    private final TestWorld world = new TestWorld();
    private final PersonalTokenService service = world.personalTokenService;

    private final Caller.Person alice = world.signUp("alice");
    private final Caller.Person bob = world.signUp("bob");

    private IssuedSecret<PersonalAccessToken> create(Caller caller, String label, Integer days, Set<Scope> scopes) {
        return service.create(caller, TokenRequest.of(label, days), scopes);
    }

    private void assertWorks(String secret) {
        assertThat(world.authenticate(secret)).isInstanceOf(Caller.Person.class);
    }

    private void assertDead(String secret) {
        assertRefused(() -> world.authenticate(secret), Unauthenticated.class, ErrorCode.INVALID_TOKEN);
    }

    @Nested
    class Create {

        @Test
        void hands_out_a_pat_live_secret_of_at_least_43_url_safe_characters_after_the_prefix() {
            String secret = create(alice, "laptop", null, null).secret();

            assertThat(secret).startsWith("pat_live_");
            String random = secret.substring("pat_live_".length());
            assertThat(random.length()).isGreaterThanOrEqualTo(43);
            assertThat(random).matches("[A-Za-z0-9_-]+");
        }

        @Test
        void every_secret_is_new() {
            assertThat(create(alice, "one", null, null).secret()).isNotEqualTo(create(alice, "two", null, null).secret());
        }

        @Test
        void stores_only_the_sha_256_of_the_secret() {
            IssuedSecret<PersonalAccessToken> issued = create(alice, "laptop", null, null);

            assertThat(issued.token().tokenHash()).isEqualTo(Secrets.digest(issued.secret())).hasSize(64);
            assertThat(world.personalTokens.findById(issued.token().id()).orElseThrow().tokenHash())
                    .isEqualTo(Secrets.digest(issued.secret()));
            assertThat(world.personalTokens.storedHashes())
                    .contains(Secrets.digest(issued.secret()))
                    .noneMatch(hash -> hash.contains(issued.secret().substring("pat_live_".length())));
        }

        @Test
        void defaults_to_read_and_write_for_90_days() {
            PersonalAccessToken token = create(alice, "laptop", null, null).token();

            assertThat(token.scopes()).containsExactlyInAnyOrder(Scope.READ, Scope.WRITE);
            assertThat(token.expiresAt()).isEqualTo(world.clock.instant().plus(Duration.ofDays(90)));
            assertThat(token.userId()).isEqualTo(alice.userId());
            assertThat(token.label()).isEqualTo("laptop");
            assertThat(token.active()).isTrue();
            assertThat(token.lastUsedAt()).isNull();
            assertThat(token.createdAt()).isEqualTo(world.clock.instant());
        }

        @Test
        void keeps_the_scopes_asked_for() {
            assertThat(create(alice, "reader", null, EnumSet.of(Scope.READ)).token().scopes()).containsExactly(Scope.READ);
        }

        @Test
        void lives_from_1_to_365_days() {
            assertThat(create(alice, "short", 1, null).token().expiresAt())
                    .isEqualTo(world.clock.instant().plus(Duration.ofDays(1)));
            assertThat(create(alice, "long", 365, null).token().expiresAt())
                    .isEqualTo(world.clock.instant().plus(Duration.ofDays(365)));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, 366, Integer.MAX_VALUE})
        void refuses_a_lifetime_outside_1_to_365_days(int days) {
            assertInvalid(() -> TokenRequest.of("laptop", days), "expires_in_days");
            assertRefused(() -> TokenRequest.of("laptop", days), InvalidInput.class, ErrorCode.VALIDATION_ERROR);
        }

        @Test
        void takes_a_label_of_1_to_100_characters_without_surrounding_blanks() {
            assertThat(create(alice, "x", null, null).token().label()).isEqualTo("x");
            assertThat(create(alice, "l".repeat(100), null, null).token().label()).hasSize(100);
            assertThat(create(alice, "  laptop  ", null, null).token().label()).isEqualTo("laptop");
        }

        @Test
        void refuses_a_missing_blank_or_too_long_label() {
            assertInvalid(() -> TokenRequest.of(null, null), "label");
            assertInvalid(() -> TokenRequest.of("", null), "label");
            assertInvalid(() -> TokenRequest.of("   ", null), "label");
            assertInvalid(() -> TokenRequest.of("l".repeat(101), null), "label");
        }

        @Test
        void refuses_an_empty_set_of_scopes() {
            assertInvalid(() -> create(alice, "none", null, Set.of()), "scopes");
            assertThat(service.list(alice)).isEmpty();
        }

        @Test
        void an_ordinary_user_cannot_create_an_admin_token() {
            assertRefused(() -> create(alice, "admin", null, EnumSet.of(Scope.ADMIN)), Forbidden.class,
                    ErrorCode.INSUFFICIENT_SCOPE);
            assertRefused(() -> create(alice, "all", null, Scope.all()), Forbidden.class, ErrorCode.INSUFFICIENT_SCOPE);
            assertThat(service.list(alice)).isEmpty();
        }

        @Test
        void a_superusers_session_can_create_an_admin_token() {
            Caller.Person root = world.signUpSuperuser("root");

            assertThat(create(root, "admin", null, Scope.all()).token().scopes()).containsExactlyInAnyOrder(Scope.values());
        }

        @Test
        void a_token_cannot_create_a_token_with_more_scopes_than_itself() {
            Caller.Person root = world.signUpSuperuser("root");
            Caller viaReadWriteToken = world.authenticate(create(root, "rw", null, EnumSet.of(Scope.READ, Scope.WRITE, Scope.TOKENS)).secret());

            assertRefused(() -> create(viaReadWriteToken, "escalate", null, EnumSet.of(Scope.ADMIN)), Forbidden.class,
                    ErrorCode.INSUFFICIENT_SCOPE);
            assertThat(create(viaReadWriteToken, "same", null, EnumSet.of(Scope.READ)).token().scopes())
                    .containsExactly(Scope.READ);
        }

        @Test
        void needs_the_tokens_scope_which_a_write_token_lacks() {
            Caller readWrite = world.authenticate(create(alice, "writer", null, EnumSet.of(Scope.READ, Scope.WRITE)).secret());

            assertRefused(() -> create(readWrite, "more", null, EnumSet.of(Scope.READ)), Forbidden.class,
                    ErrorCode.INSUFFICIENT_SCOPE);
        }

        @Test
        void the_new_token_authenticates_as_its_creator() {
            String secret = create(alice, "laptop", null, null).secret();

            assertThat(world.authenticate(secret).userId()).isEqualTo(alice.userId());
        }
    }

    @Nested
    class ListTokens {

        @Test
        void lists_the_callers_own_tokens_newest_first_revoked_ones_included() {
            PersonalAccessToken first = create(alice, "first", null, null).token();
            world.clock.advance(Duration.ofMinutes(1));
            PersonalAccessToken second = create(alice, "second", null, null).token();
            create(bob, "bobs", null, null);
            service.revoke(alice, first.id());

            assertThat(service.list(alice)).extracting(PersonalAccessToken::id).containsExactly(second.id(), first.id());
            assertThat(service.list(alice)).extracting(PersonalAccessToken::active).containsExactly(true, false);
            assertThat(service.list(bob)).extracting(PersonalAccessToken::label).containsExactly("bobs");
        }

        @Test
        void never_shows_a_secret() {
            String secret = create(alice, "laptop", null, null).secret();

            assertThat(service.list(alice).toString()).doesNotContain(secret.substring("pat_live_".length()));
        }

        @Test
        void a_read_only_token_may_list() {
            Caller readOnly = world.authenticate(create(alice, "reader", null, EnumSet.of(Scope.READ)).secret());

            assertThat(service.list(readOnly)).extracting(PersonalAccessToken::label).containsExactly("reader");
        }
    }

    @Nested
    class Revoke {

        @Test
        void stops_the_token_at_once() {
            IssuedSecret<PersonalAccessToken> issued = create(alice, "laptop", null, null);
            assertWorks(issued.secret());

            service.revoke(alice, issued.token().id());

            assertDead(issued.secret());
            assertThat(world.personalTokens.findById(issued.token().id()).orElseThrow().active()).isFalse();
        }

        @Test
        void another_users_token_is_not_found_and_keeps_working() {
            IssuedSecret<PersonalAccessToken> bobs = create(bob, "bobs", null, null);

            assertRefused(() -> service.revoke(alice, bobs.token().id()), NotFound.class, ErrorCode.PAT_NOT_FOUND);

            assertWorks(bobs.secret());
        }

        @Test
        void an_unknown_token_is_not_found() {
            assertRefused(() -> service.revoke(alice, UUID.randomUUID()), NotFound.class, ErrorCode.PAT_NOT_FOUND);
        }

        @Test
        void needs_the_tokens_scope() {
            UUID id = create(alice, "laptop", null, null).token().id();

            assertRefused(() -> service.revoke(withScopes(alice, Scope.READ, Scope.WRITE), id), Forbidden.class,
                    ErrorCode.INSUFFICIENT_SCOPE);
        }
    }

    @Nested
    class Rotate {

        @Test
        void issues_a_new_secret_and_the_old_one_stops_working() {
            IssuedSecret<PersonalAccessToken> original = create(alice, "laptop", 30, EnumSet.of(Scope.READ));

            IssuedSecret<PersonalAccessToken> rotated = service.rotate(alice, original.token().id(), TokenRotation.SECRET_ONLY);

            assertThat(rotated.secret()).startsWith("pat_live_").isNotEqualTo(original.secret());
            assertThat(rotated.token().id()).isEqualTo(original.token().id());
            assertThat(rotated.token().tokenHash()).isEqualTo(Secrets.digest(rotated.secret()));
            assertThat(world.personalTokens.storedHashes())
                    .contains(Secrets.digest(rotated.secret()))
                    .doesNotContain(Secrets.digest(original.secret()));
            assertDead(original.secret());
            assertWorks(rotated.secret());
        }

        @Test
        void keeps_label_scopes_and_expiry() {
            PersonalAccessToken original = create(alice, "laptop", 30, EnumSet.of(Scope.READ)).token();

            PersonalAccessToken rotated = service.rotate(alice, original.id(), TokenRotation.SECRET_ONLY).token();

            assertThat(rotated.label()).isEqualTo("laptop");
            assertThat(rotated.scopes()).containsExactly(Scope.READ);
            assertThat(rotated.expiresAt()).isEqualTo(original.expiresAt());
        }

        @Test
        void a_revoked_token_cannot_be_rotated() {
            IssuedSecret<PersonalAccessToken> issued = create(alice, "laptop", null, null);
            service.revoke(alice, issued.token().id());

            assertRefused(() -> service.rotate(alice, issued.token().id(), TokenRotation.SECRET_ONLY), Conflict.class, ErrorCode.TOKEN_REVOKED);

            assertThat(world.personalTokens.storedHashes()).contains(Secrets.digest(issued.secret()));
            assertDead(issued.secret());
        }

        @Test
        void another_users_token_is_not_found_and_keeps_its_secret() {
            IssuedSecret<PersonalAccessToken> bobs = create(bob, "bobs", null, null);

            assertRefused(() -> service.rotate(alice, bobs.token().id(), TokenRotation.SECRET_ONLY), NotFound.class, ErrorCode.PAT_NOT_FOUND);

            assertWorks(bobs.secret());
        }
    }

    @Test
    void a_collection_token_cannot_manage_personal_tokens() {
        UUID id = create(alice, "laptop", null, null).token().id();
        Caller cat = token(alice, world.defaultCollection(alice), Permission.READ_WRITE);

        assertRefused(() -> create(cat, "from a cat", null, null), Forbidden.class, ErrorCode.FORBIDDEN);
        assertRefused(() -> service.list(cat), Forbidden.class, ErrorCode.FORBIDDEN);
        assertRefused(() -> service.revoke(cat, id), Forbidden.class, ErrorCode.FORBIDDEN);
        assertRefused(() -> service.rotate(cat, id, TokenRotation.SECRET_ONLY), Forbidden.class, ErrorCode.FORBIDDEN);
        assertThat(service.list(alice)).hasSize(1).allMatch(PersonalAccessToken::active);
    }

    @Test
    void a_real_collection_token_cannot_create_a_personal_token() {
        Caller cat = world.authenticate(world.cat(alice, world.defaultCollection(alice), Permission.READ_WRITE).secret());

        assertRefused(() -> create(cat, "from a cat", null, null), Forbidden.class, ErrorCode.FORBIDDEN);
    }
}
