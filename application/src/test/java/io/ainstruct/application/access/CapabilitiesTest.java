package io.ainstruct.application.access;

import io.ainstruct.application.token.TokenRotation;
import io.ainstruct.application.fakes.TestWorld;
import io.ainstruct.application.token.TokenRequest;
import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.access.Permission;
import io.ainstruct.domain.access.Scope;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.error.Forbidden;
import io.ainstruct.domain.user.UserId;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.ainstruct.application.access.Capability.ADMINISTER_USERS;
import static io.ainstruct.application.access.Capability.MANAGE_ACCOUNT;
import static io.ainstruct.application.access.Capability.MANAGE_TOKENS;
import static io.ainstruct.application.access.Capability.READ_ACCOUNT;
import static io.ainstruct.application.access.Capability.READ_DOCUMENTS;
import static io.ainstruct.application.access.Capability.WRITE_DOCUMENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who may do what, as a matrix: personal access tokens (and sessions) by scope, superuser or not, and collection
 * tokens by permission. The second half checks that the use cases refuse exactly where {@link Capabilities} says no.
 */
class CapabilitiesTest {
    private static final String READ_ONLY = "This collection access token is read-only";
    private static final String NOT_FOR_CATS = "A collection access token cannot do this; use a personal access token or log in";
    private static final String ADMINS_ONLY = "Administrators only";

    private final TestWorld world = new TestWorld();
    private final Caller.Person aliceSession = world.signUp("alice");
    private final UserId alice = aliceSession.userId();
    private final UserId root = world.signUpSuperuser("root").userId();

    /** A caller of the matrix and the capabilities it must have, exactly. */
    private record Row(String name, Caller caller, Set<Capability> allowed) {
    }

    private Map<String, Row> matrix() {
        Map<String, Row> rows = new LinkedHashMap<>();
        add(rows, "pat read", person(alice, false, Scope.READ), READ_DOCUMENTS, READ_ACCOUNT);
        add(rows, "pat write", person(alice, false, Scope.WRITE), WRITE_DOCUMENTS, MANAGE_ACCOUNT);
        add(rows, "pat read+write", person(alice, false, Scope.READ, Scope.WRITE),
                READ_DOCUMENTS, WRITE_DOCUMENTS, READ_ACCOUNT, MANAGE_ACCOUNT);
        // Authenticator drops admin from a non-superuser's token; should one reach a use case, it still administers nothing.
        add(rows, "pat read+write+admin, not superuser", person(alice, false, Scope.READ, Scope.WRITE, Scope.ADMIN),
                READ_DOCUMENTS, WRITE_DOCUMENTS, READ_ACCOUNT, MANAGE_ACCOUNT);
        add(rows, "pat none", person(alice, false));
        add(rows, "superuser pat read", person(root, true, Scope.READ), READ_DOCUMENTS, READ_ACCOUNT);
        add(rows, "superuser pat read+write", person(root, true, Scope.READ, Scope.WRITE),
                READ_DOCUMENTS, WRITE_DOCUMENTS, READ_ACCOUNT, MANAGE_ACCOUNT);
        add(rows, "superuser pat admin", person(root, true, Scope.ADMIN), ADMINISTER_USERS);
        add(rows, "session", person(alice, false, Scope.READ, Scope.WRITE, Scope.TOKENS),
                READ_DOCUMENTS, WRITE_DOCUMENTS, READ_ACCOUNT, MANAGE_ACCOUNT, MANAGE_TOKENS);
        add(rows, "pat tokens", person(alice, false, Scope.TOKENS), MANAGE_TOKENS);
        add(rows, "superuser session", person(root, true, Scope.READ, Scope.WRITE, Scope.ADMIN, Scope.TOKENS),
                Capability.values());
        add(rows, "cat read", cat(Permission.READ), READ_DOCUMENTS);
        add(rows, "cat read_write", cat(Permission.READ_WRITE), READ_DOCUMENTS, WRITE_DOCUMENTS);
        return rows;
    }

    @Test
    void eachCallerHasExactlyItsCapabilities() {
        matrix().values().forEach(row -> {
            Capabilities capabilities = Capabilities.of(row.caller());
            for (Capability capability : Capability.values()) {
                assertThat(capabilities.allows(capability)).as(row.name() + " / " + capability)
                        .isEqualTo(row.allowed().contains(capability));
            }
        });
    }

    @Test
    void aPersonLackingAScopeIsToldWhichOne() {
        assertRefusal(() -> Capabilities.of(person(alice, false, Scope.WRITE)).require(READ_DOCUMENTS),
                ErrorCode.INSUFFICIENT_SCOPE, "This token lacks the 'read' scope");
        assertRefusal(() -> Capabilities.of(person(alice, false, Scope.READ)).require(WRITE_DOCUMENTS),
                ErrorCode.INSUFFICIENT_SCOPE, "This token lacks the 'write' scope");
        assertRefusal(() -> Capabilities.of(person(alice, false, Scope.WRITE)).require(READ_ACCOUNT),
                ErrorCode.INSUFFICIENT_SCOPE, "This token lacks the 'read' scope");
        assertRefusal(() -> Capabilities.of(person(alice, false, Scope.READ)).require(MANAGE_ACCOUNT),
                ErrorCode.INSUFFICIENT_SCOPE, "This token lacks the 'write' scope");
        assertRefusal(() -> Capabilities.of(person(alice, false, Scope.READ, Scope.WRITE)).require(MANAGE_TOKENS),
                ErrorCode.INSUFFICIENT_SCOPE, "This token lacks the 'tokens' scope");
        assertRefusal(() -> Capabilities.of(person(root, true, Scope.READ, Scope.WRITE)).require(ADMINISTER_USERS),
                ErrorCode.INSUFFICIENT_SCOPE, "This token lacks the 'admin' scope");
    }

    @Test
    void aNonSuperuserIsToldAdministrationIsForAdministrators() {
        assertRefusal(() -> Capabilities.of(person(alice, false, Scope.READ, Scope.WRITE, Scope.ADMIN)).require(ADMINISTER_USERS),
                ErrorCode.FORBIDDEN, ADMINS_ONLY);
    }

    @Test
    void aCollectionTokenIsToldWhatItCannotDo() {
        assertRefusal(() -> Capabilities.of(cat(Permission.READ)).require(WRITE_DOCUMENTS), ErrorCode.FORBIDDEN, READ_ONLY);
        for (Permission permission : Permission.values()) {
            assertRefusal(() -> Capabilities.of(cat(permission)).require(READ_ACCOUNT), ErrorCode.FORBIDDEN, NOT_FOR_CATS);
            assertRefusal(() -> Capabilities.of(cat(permission)).require(MANAGE_ACCOUNT), ErrorCode.FORBIDDEN, NOT_FOR_CATS);
            assertRefusal(() -> Capabilities.of(cat(permission)).require(MANAGE_TOKENS), ErrorCode.FORBIDDEN, NOT_FOR_CATS);
            assertRefusal(() -> Capabilities.of(cat(permission)).require(ADMINISTER_USERS), ErrorCode.FORBIDDEN, ADMINS_ONLY);
        }
    }

    @Test
    void requireOfPersonLeavesACollectionTokenToItsCollection() {
        assertThatCode(() -> Capabilities.of(cat(Permission.READ)).requireOfPerson(WRITE_DOCUMENTS)).doesNotThrowAnyException();
        assertRefusal(() -> Capabilities.of(person(alice, false, Scope.READ)).requireOfPerson(WRITE_DOCUMENTS),
                ErrorCode.INSUFFICIENT_SCOPE, "This token lacks the 'write' scope");
    }

    @Test
    void aPersonMayGrantOnlyScopesTheyHold() {
        Capabilities readWrite = Capabilities.of(person(alice, false, Scope.READ, Scope.WRITE));
        assertThat(readWrite.mayGrant(Set.of(Scope.READ))).isTrue();
        assertThat(readWrite.mayGrant(Set.of(Scope.READ, Scope.WRITE))).isTrue();
        assertThat(readWrite.mayGrant(Set.of(Scope.ADMIN))).isFalse();
        assertThat(Capabilities.of(person(root, true, Scope.all().toArray(Scope[]::new))).mayGrant(Scope.all())).isTrue();
        assertThat(Capabilities.of(cat(Permission.READ_WRITE)).mayGrant(Set.of(Scope.READ))).isFalse();
    }

    /** The use case behind each capability succeeds where it is allowed and refuses as {@code require} does elsewhere. */
    @ParameterizedTest
    @EnumSource(Capability.class)
    void theUseCasesRefuseExactlyWhereCapabilitiesSayNo(Capability capability) {
        matrix().values().forEach(row -> {
            ThrowingCallable useCase = useCaseNeeding(capability, row.caller());
            if (row.allowed().contains(capability)) {
                assertThatCode(useCase).as(row.name() + " / " + capability).doesNotThrowAnyException();
            } else {
                Forbidden expected = catchForbidden(() -> Capabilities.of(row.caller()).require(capability));
                assertThatThrownBy(useCase).as(row.name() + " / " + capability).isInstanceOfSatisfying(Forbidden.class, e -> {
                    assertThat(e.code()).isEqualTo(expected.code());
                    assertThat(e.getMessage()).isEqualTo(expected.getMessage());
                });
            }
        });
    }

    /** A token's expiry bounds what it hands out: a new token's is cut to it, and rotating a longer-lived token is refused. */
    @Test
    void aTokenNeverHandsOutATokenThatOutlivesIt() {
        Instant threeDays = world.clock.instant().plus(Duration.ofDays(3));
        Caller.Person shortLived = new Caller.Person(alice, Set.of(Scope.READ, Scope.WRITE, Scope.TOKENS), false,
                Optional.of(threeDays));

        var pat = world.personalTokenService.create(shortLived, TokenRequest.of("child", 365), Set.of(Scope.READ));
        var cat = world.collectionTokenService.create(shortLived, world.defaultCollection(aliceSession),
                TokenRequest.of("agent", 365), Permission.READ);
        assertThat(pat.token().expiresAt()).isEqualTo(threeDays);
        assertThat(cat.token().token().expiresAt()).isEqualTo(threeDays);
        assertThat(world.personalTokenService.create(shortLived, TokenRequest.of("sooner", 1), Set.of(Scope.READ))
                .token().expiresAt()).isBefore(threeDays);

        var longLived = world.personalTokenService.create(aliceSession, TokenRequest.of("long", 365), Set.of(Scope.READ));
        var longCat = world.collectionTokenService.create(aliceSession, world.defaultCollection(aliceSession),
                TokenRequest.of("long agent", 365), Permission.READ);
        assertRefusal(() -> world.personalTokenService.rotate(shortLived, longLived.token().id(), TokenRotation.SECRET_ONLY), ErrorCode.FORBIDDEN,
                "This token would hand out a secret that outlives it; rotate that token from a login session");
        assertRefusal(() -> world.collectionTokenService.rotate(shortLived, longCat.token().token().id(), TokenRotation.SECRET_ONLY), ErrorCode.FORBIDDEN,
                "This token would hand out a secret that outlives it; rotate that token from a login session");
        assertThatCode(() -> world.personalTokenService.rotate(shortLived, pat.token().id(), TokenRotation.SECRET_ONLY)).doesNotThrowAnyException();
    }

    private int names;

    private ThrowingCallable useCaseNeeding(Capability capability, Caller caller) {
        return switch (capability) {
            case READ_DOCUMENTS -> () -> world.documentService.list(caller, Optional.empty(), null, null);
            case WRITE_DOCUMENTS -> () -> world.store(caller, world.defaultCollection(caller), "t", "content " + ++names);
            case READ_ACCOUNT -> () -> world.collectionService.list(caller);
            case MANAGE_ACCOUNT -> () -> world.collectionService.create(caller, "c" + ++names);
            case MANAGE_TOKENS -> () -> world.personalTokenService.create(caller, TokenRequest.of("t" + ++names, null),
                    Set.of(Scope.TOKENS));
            case ADMINISTER_USERS -> () -> world.adminService.list(caller, null, null);
        };
    }

    private static Forbidden catchForbidden(ThrowingCallable call) {
        try {
            call.call();
        } catch (Forbidden refused) {
            return refused;
        } catch (Throwable other) {
            throw new AssertionError("expected a Forbidden", other);
        }
        throw new AssertionError("expected a refusal");
    }

    private static void assertRefusal(ThrowingCallable call, ErrorCode code, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Forbidden.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    private static void add(Map<String, Row> rows, String name, Caller caller, Capability... allowed) {
        rows.put(name, new Row(name, caller, allowed.length == 0 ? Set.of() : EnumSet.of(allowed[0], allowed)));
    }

    private static Caller.Person person(UserId user, boolean superuser, Scope... scopes) {
        return new Caller.Person(user, Set.of(scopes), superuser);
    }

    /** A collection token on alice's 'default' collection. */
    private Caller.CollectionToken cat(Permission permission) {
        return new Caller.CollectionToken(alice, world.defaultCollection(aliceSession), permission);
    }
}
