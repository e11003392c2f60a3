package io.ainstruct.application.account;

import io.ainstruct.application.access.Capabilities;
import io.ainstruct.application.access.Capability;
import io.ainstruct.application.access.RateLimiter;
import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.collection.Collection;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.error.Conflict;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.error.Forbidden;
import io.ainstruct.domain.error.InvalidInput;
import io.ainstruct.domain.error.NotFound;
import io.ainstruct.domain.error.Unauthenticated;
import io.ainstruct.domain.port.AccessTokens;
import io.ainstruct.domain.port.CollectionRepository;
import io.ainstruct.domain.port.PasswordHasher;
import io.ainstruct.domain.port.RefreshTokenRepository;
import io.ainstruct.domain.port.UnitOfWork;
import io.ainstruct.domain.port.UserRepository;
import io.ainstruct.domain.session.IssuedToken;
import io.ainstruct.domain.session.RefreshToken;
import io.ainstruct.domain.session.Secrets;
import io.ainstruct.domain.user.User;
import io.ainstruct.domain.user.UserId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Registration, login, session refresh and the caller's profile. */
public final class AccountService {
    private static final String REFRESH_PREFIX = "rt_";

    private final UserRepository users;
    private final CollectionRepository collections;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordHasher hasher;
    private final AccessTokens accessTokens;
    private final UnitOfWork uow;
    private final Clock clock;
    private final Duration refreshLifetime;
    private final RateLimiter logins;
    private final RateLimiter registrations;
    // Verified when the login names no user, so that a wrong username costs as long as a wrong password.
    private final String decoyHash;

    public AccountService(UserRepository users, CollectionRepository collections, RefreshTokenRepository refreshTokens,
                          PasswordHasher hasher, AccessTokens accessTokens, UnitOfWork uow, Clock clock,
                          Duration refreshLifetime, RateLimiter logins, RateLimiter registrations) {
        this.users = users;
        this.collections = collections;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.accessTokens = accessTokens;
        this.uow = uow;
        this.clock = clock;
        this.refreshLifetime = refreshLifetime;
        this.logins = logins;
        this.registrations = registrations;
        this.decoyHash = hasher.hash(Secrets.generate(""));
    }

    public User register(Registration registration, String clientAddress) {
        registrations.acquire(clientAddress);
        return register(registration);
    }

    private User register(Registration registration) {
        String hash = hasher.hash(registration.password());
        Instant now = clock.instant();
        User user = new User(UserId.random(), registration.email(), registration.username(), hash, true, false, now, now);
        return uow.inTransaction(() -> {
            users.insert(user);
            collections.insert(new Collection(CollectionId.random(), user.id(), Collection.DEFAULT_NAME, now, now));
            return user;
        });
    }

    public Session login(String login, String password, String clientAddress) {
        logins.acquire(clientAddress);
        if (login == null || login.isBlank()) {
            throw new InvalidInput("username", "is required");
        }
        if (password == null || password.isEmpty()) {
            throw new InvalidInput("password", "is required");
        }
        Optional<User> found = users.findByLogin(login.trim());
        boolean matches = hasher.matches(password, found.map(User::passwordHash).orElse(decoyHash));
        if (found.isEmpty() || !matches) {
            throw new Unauthenticated(ErrorCode.INVALID_CREDENTIALS, "Invalid username or password");
        }
        User user = found.get();
        requireActive(user);
        return uow.inTransaction(() -> {
            User current = user;
            if (hasher.needsRehash(user.passwordHash())) {
                current = user.withPasswordHash(hasher.hash(password), clock.instant());
                users.update(current);
            }
            ensureDefaultCollection(user.id());
            return openSession(current, UUID.randomUUID());
        });
    }

    /**
     * A new pair for a refresh token, which is spent. A token offered again means two parties hold it, one of them a
     * thief: the whole family of its login is revoked, so neither chain goes on (the user logs in again).
     */
    public Session refresh(String refreshToken) {
        if (refreshToken == null || !refreshToken.startsWith(REFRESH_PREFIX)) {
            throw invalidRefreshToken();
        }
        String hash = Secrets.digest(refreshToken);
        Optional<Session> refreshed = uow.inTransaction(() -> refreshTokens.consume(hash, clock.instant()).map(spent -> {
            User user = users.findById(spent.userId()).orElseThrow(AccountService::invalidRefreshToken);
            requireActive(user);
            return openSession(user, spent.familyId());
        }));
        // Its own transaction: the refusal that follows must not roll the revocation back.
        return refreshed.orElseThrow(() -> {
            uow.run(() -> refreshTokens.revokeFamily(hash, clock.instant()));
            return invalidRefreshToken();
        });
    }

    /** Ends the login this refresh token belongs to: every token of its family. Unknown tokens end nothing, quietly. */
    public void logout(String refreshToken) {
        if (refreshToken == null || !refreshToken.startsWith(REFRESH_PREFIX)) {
            throw new InvalidInput("refresh_token", "is not a refresh token");
        }
        uow.run(() -> refreshTokens.revokeFamily(Secrets.digest(refreshToken), clock.instant()));
    }

    /**
     * A person's new password, given the current one. Every login of theirs ends: refresh tokens are revoked, and
     * access tokens issued under the old password stop working (they carry its {@link User#credentialStamp}).
     * Answers the session that replaces the caller's.
     */
    public Session changePassword(Caller caller, String currentPassword, String newPassword) {
        Capabilities.of(caller).require(Capability.MANAGE_ACCOUNT);
        Registration.password("new_password", newPassword);
        logins.acquire("password-change:" + caller.userId());
        User user = users.findById(caller.userId())
                .orElseThrow(() -> new NotFound(ErrorCode.USER_NOT_FOUND, "User not found"));
        if (currentPassword == null || !hasher.matches(currentPassword, user.passwordHash())) {
            throw new Unauthenticated(ErrorCode.INVALID_CREDENTIALS, "The current password is wrong");
        }
        String newHash = hasher.hash(newPassword);
        return uow.inTransaction(() -> {
            Instant now = clock.instant();
            User changed = user.withPasswordHash(newHash, now);
            users.update(changed);
            refreshTokens.revokeAll(user.id(), now);
            return openSession(changed, UUID.randomUUID());
        });
    }

    /**
     * Creates the first superuser from operator-supplied credentials (there is no default admin password), or confirms
     * that a superuser of that name exists. Refuses to promote an ordinary account that happens to have the name.
     */
    public User ensureSuperuser(Registration registration) {
        return uow.inTransaction(() -> users.findByLogin(registration.username())
                .or(() -> users.findByLogin(registration.email()))
                .map(existing -> {
                    if (!existing.superuser()) {
                        ErrorCode clash = existing.username().equalsIgnoreCase(registration.username())
                                ? ErrorCode.USERNAME_EXISTS : ErrorCode.EMAIL_EXISTS;
                        throw new Conflict(clash, "User '" + existing.username()
                                + "' exists and is not a superuser; promote them through the admin API instead");
                    }
                    return existing;
                })
                .orElseGet(() -> {
                    User user = register(registration);
                    User admin = new User(user.id(), user.email(), user.username(), user.passwordHash(), true, true,
                            user.createdAt(), user.updatedAt());
                    users.update(admin);
                    return admin;
                }));
    }

    /**
     * The account of a person an embedding application vouches for (it has authenticated them its own way): found by
     * username, else registered with a random password nobody knows, so it cannot log in over REST until an
     * administrator sets one. A deactivated account stays refused. No registration rate limit: the caller is the application itself, in process.
     */
    public User ensureMember(String username, String email) {
        String name = Registration.username(username);
        String address = Registration.email(email);
        User member = uow.inTransaction(() -> users.findByLogin(name)
                .orElseGet(() -> register(new Registration(name, address, Secrets.generate("member-")))));
        requireActive(member);
        return member;
    }

    /** A person's own account; a collection token is not a person and has no profile. */
    public User profile(Caller caller) {
        Capabilities.of(caller).require(Capability.READ_ACCOUNT);
        return users.findById(caller.userId())
                .orElseThrow(() -> new NotFound(ErrorCode.USER_NOT_FOUND, "User not found"));
    }

    private Session openSession(User user, UUID family) {
        Instant now = clock.instant();
        IssuedToken access = accessTokens.issue(user.id(), user.credentialStamp(), now);
        String refresh = Secrets.generate(REFRESH_PREFIX);
        refreshTokens.insert(new RefreshToken(UUID.randomUUID(), family, user.id(), Secrets.digest(refresh),
                now.plus(refreshLifetime), now));
        return new Session(access.value(), refresh, Duration.between(now, access.expiresAt()));
    }

    private void ensureDefaultCollection(UserId userId) {
        if (collections.findByOwnerAndName(userId, Collection.DEFAULT_NAME).isEmpty()) {
            Instant now = clock.instant();
            collections.insert(new Collection(CollectionId.random(), userId, Collection.DEFAULT_NAME, now, now));
        }
    }

    private static void requireActive(User user) {
        if (!user.active()) {
            throw new Forbidden(ErrorCode.ACCOUNT_DISABLED, "This account is disabled");
        }
    }

    private static Unauthenticated invalidRefreshToken() {
        return new Unauthenticated(ErrorCode.INVALID_REFRESH_TOKEN, "The refresh token is invalid, expired or already used");
    }
}
