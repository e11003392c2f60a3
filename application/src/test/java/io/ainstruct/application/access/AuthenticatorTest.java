package io.ainstruct.application.access;

import io.ainstruct.application.fakes.FakeAccessTokens;
import io.ainstruct.application.fakes.TestWorld;
import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.access.Scope;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.error.Unauthenticated;
import io.ainstruct.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.ainstruct.application.fakes.DomainAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

class AuthenticatorTest {
    private final TestWorld world = new TestWorld();
    private final Authenticator authenticator = world.authenticator;

    private final UserId alice = world.signUp("alice").userId();

    private String accessTokenOf(UserId user) {
        return world.accessTokens.issue(user, world.clock.instant()).value();
    }

    @Test
    void an_ordinary_user_reads_and_writes_but_does_not_administer() {
        Caller caller = authenticator.authenticate(accessTokenOf(alice));

        assertThat(caller).isInstanceOf(Caller.Person.class);
        Caller.Person person = (Caller.Person) caller;
        assertThat(person.userId()).isEqualTo(alice);
        assertThat(person.superuser()).isFalse();
        assertThat(person.scopes()).containsExactlyInAnyOrder(Scope.READ, Scope.WRITE);
    }

    @Test
    void a_superuser_has_every_scope() {
        world.makeSuperuser(alice);

        Caller.Person person = (Caller.Person) authenticator.authenticate(accessTokenOf(alice));

        assertThat(person.superuser()).isTrue();
        assertThat(person.scopes()).containsExactlyInAnyOrder(Scope.values());
    }

    @Test
    void tolerates_whitespace_around_the_token() {
        assertThat(authenticator.authenticate("  " + accessTokenOf(alice) + " ").userId()).isEqualTo(alice);
    }

    @Test
    void no_token_means_not_authenticated() {
        assertRefused(() -> authenticator.authenticate(null), Unauthenticated.class, ErrorCode.NOT_AUTHENTICATED);
        assertRefused(() -> authenticator.authenticate(""), Unauthenticated.class, ErrorCode.NOT_AUTHENTICATED);
        assertRefused(() -> authenticator.authenticate("   "), Unauthenticated.class, ErrorCode.NOT_AUTHENTICATED);
    }

    @Test
    void a_forged_token_is_invalid() {
        assertRefused(() -> authenticator.authenticate("jwt-" + alice + "-999"), Unauthenticated.class, ErrorCode.INVALID_TOKEN);
        assertRefused(() -> authenticator.authenticate("garbage"), Unauthenticated.class, ErrorCode.INVALID_TOKEN);
    }

    @Test
    void an_expired_token_is_invalid() {
        String token = accessTokenOf(alice);

        world.clock.advance(FakeAccessTokens.LIFETIME);

        assertRefused(() -> authenticator.authenticate(token), Unauthenticated.class, ErrorCode.INVALID_TOKEN);
    }

    @Test
    void a_token_works_until_it_expires() {
        String token = accessTokenOf(alice);

        world.clock.advance(FakeAccessTokens.LIFETIME.minus(Duration.ofSeconds(1)));

        assertThat(authenticator.authenticate(token).userId()).isEqualTo(alice);
    }

    @Test
    void a_deactivated_users_token_stops_working_at_once() {
        String token = accessTokenOf(alice);
        world.disable(alice);

        assertRefused(() -> authenticator.authenticate(token), Unauthenticated.class, ErrorCode.INVALID_TOKEN);
    }

    @Test
    void a_token_of_a_user_that_no_longer_exists_is_invalid() {
        String token = accessTokenOf(UserId.random());

        assertRefused(() -> authenticator.authenticate(token), Unauthenticated.class, ErrorCode.INVALID_TOKEN);
    }
}
