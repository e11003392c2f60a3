package io.ainstruct.application.fakes;

import io.ainstruct.application.access.Authenticator;
import io.ainstruct.application.access.CollectionAccess;
import io.ainstruct.application.access.RateLimiter;
import io.ainstruct.application.account.AccountService;
import io.ainstruct.application.account.Registration;
import io.ainstruct.application.admin.AdminService;
import io.ainstruct.application.collection.CollectionService;
import io.ainstruct.application.document.DocumentService;
import io.ainstruct.application.document.NewDocument;
import io.ainstruct.application.document.StoredDocument;
import io.ainstruct.application.indexing.IndexingRelay;
import io.ainstruct.application.search.HybridSettings;
import io.ainstruct.application.search.SearchService;
import io.ainstruct.application.token.CollectionTokenService;
import io.ainstruct.application.token.IssuedSecret;
import io.ainstruct.application.token.PersonalTokenService;
import io.ainstruct.application.token.TokenRequest;
import io.ainstruct.application.usage.ActivityRecorder;
import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.access.NamedCollectionToken;
import io.ainstruct.domain.access.PersonalAccessToken;
import io.ainstruct.domain.access.Permission;
import io.ainstruct.domain.access.Scope;
import io.ainstruct.domain.chunking.ChunkingPolicy;
import io.ainstruct.domain.chunking.MarkdownChunker;
import io.ainstruct.domain.collection.Collection;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.DocumentType;
import io.ainstruct.domain.usage.EntryPoint;
import io.ainstruct.domain.user.User;
import io.ainstruct.domain.user.UserId;

import java.time.Duration;
import java.util.Map;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/** Every use case wired to in-memory fakes, with shortcuts for the set-up the tests share. */
public final class TestWorld {
    public static final String PASSWORD = "correct horse";
    public static final long DEFAULT_MAX_CONTENT_BYTES = 10L * 1024 * 1024;
    /** Small chunks, so that a few lines of text already make several. */
    public static final ChunkingPolicy SMALL_CHUNKS = new ChunkingPolicy(20, 5);

    /** The contract's defaults: login 10 a minute, register 5 an hour, per client address. */
    public static final int LOGIN_LIMIT = 10;
    public static final Duration LOGIN_WINDOW = Duration.ofMinutes(1);
    public static final int REGISTRATION_LIMIT = 5;
    public static final Duration REGISTRATION_WINDOW = Duration.ofHours(1);
    public static final String CLIENT_ADDRESS = "203.0.113.7";

    public final TestClock clock = new TestClock();
    public final FakeUnitOfWork uow = new FakeUnitOfWork();
    public final FakeDocuments documents = new FakeDocuments(uow);
    public final FakeCollections collections = new FakeCollections(uow, documents);
    public final FakePersonalTokens personalTokens = new FakePersonalTokens(uow);
    public final FakeCollectionTokens collectionTokens = new FakeCollectionTokens(uow, collections);
    public final FakeUsage usage = new FakeUsage(uow);
    public final FakeRefreshTokens refreshTokens = new FakeRefreshTokens(uow);
    public final FakeUsers users = new FakeUsers(uow, collections, personalTokens, collectionTokens, usage, refreshTokens);
    public final FakeOutbox outbox = new FakeOutbox(uow, clock);
    public final FakeVectorIndex index = new FakeVectorIndex(FakeEmbedder.DIMENSION);
    public final FakeEmbedder embedder = new FakeEmbedder();
    public final WhitespaceTokenizer tokenizer = new WhitespaceTokenizer();
    public final FakePasswordHasher hasher = new FakePasswordHasher();
    public final FakeAccessTokens accessTokens = new FakeAccessTokens();
    public final FakePassageReader passages = new FakePassageReader(documents, collections);
    public final FakeKeywordIndex keywords = new FakeKeywordIndex(documents);

    public final CollectionAccess access = new CollectionAccess(collections);
    public final ActivityRecorder activity = new ActivityRecorder(usage, personalTokens, collectionTokens, uow);
    public final Authenticator authenticator = new Authenticator(accessTokens, users, personalTokens, collectionTokens,
            collections, activity, clock);
    public final RateLimiter loginLimiter = new RateLimiter("login", LOGIN_LIMIT, LOGIN_WINDOW, clock);
    public final RateLimiter registrationLimiter = new RateLimiter("registration", REGISTRATION_LIMIT, REGISTRATION_WINDOW,
            clock);
    public final AccountService accounts = new AccountService(users, collections, refreshTokens, hasher, accessTokens, uow,
            clock, Duration.ofDays(7), loginLimiter, registrationLimiter);
    public final PersonalTokenService personalTokenService = new PersonalTokenService(personalTokens, uow, clock);
    public final CollectionTokenService collectionTokenService = new CollectionTokenService(collectionTokens, collections,
            access, uow, clock);
    public final AdminService adminService = new AdminService(users, hasher, collections, outbox, refreshTokens, usage, uow, clock);
    public final CollectionService collectionService = new CollectionService(collections, access, outbox, uow, clock);
    public final DocumentService documentService;
    public final SearchService searchService = new SearchService(access, embedder, index, keywords, passages, tokenizer,
            uow, HybridSettings.DEFAULTS, Optional.empty());
    public final IndexingRelay relay = new IndexingRelay(outbox, documents, index, uow, clock,
            IndexingRelay.DEFAULT_MAX_BACKOFF);

    public TestWorld() {
        this(DEFAULT_MAX_CONTENT_BYTES);
    }

    public TestWorld(long maxContentBytes) {
        uow.enlist(users, documents, collections, refreshTokens, outbox, personalTokens, collectionTokens, usage);
        collections.countTokensIn(collectionTokens);
        documentService = new DocumentService(documents, access, outbox, new MarkdownChunker(tokenizer, SMALL_CHUNKS),
                embedder, uow, clock, maxContentBytes);
    }

    private int clients;

    /**
     * Registers {@code username} and signs in through the authenticator, as a REST client would; each from an address
     * of its own, so that set-ups never meet the rate limits.
     */
    public Caller.Person signUp(String username) {
        String address = "198.51.100." + ++clients;
        accounts.register(new Registration(username, username + "@example.com", PASSWORD), address);
        String accessToken = accounts.login(username, PASSWORD, address).accessToken();
        return (Caller.Person) authenticator.authenticate(accessToken, EntryPoint.REST);
    }

    /** Signs up {@code username}, makes them a superuser and signs in again: a session with every scope. */
    public Caller.Person signUpSuperuser(String username) {
        UserId id = signUp(username).userId();
        makeSuperuser(id);
        return (Caller.Person) authenticate(sessionOf(id));
    }

    /** A fresh session (JWT) access token of {@code user}. */
    public String sessionOf(UserId user) {
        return accessTokens.issue(user, users.findById(user).orElseThrow().credentialStamp(), clock.instant()).value();
    }

    public Caller authenticate(String bearerToken) {
        return authenticator.authenticate(bearerToken, EntryPoint.REST);
    }

    /** A personal access token of {@code caller}, 90 days, with {@code scopes} (read and write when none are named). */
    public IssuedSecret<PersonalAccessToken> pat(Caller caller, Scope... scopes) {
        return personalTokenService.create(caller, TokenRequest.of("test token", null),
                scopes.length == 0 ? null : EnumSet.copyOf(List.of(scopes)));
    }

    /** A collection access token on {@code collection} of {@code caller}, 90 days. */
    public IssuedSecret<NamedCollectionToken> cat(Caller caller, CollectionId collection, Permission permission) {
        return collectionTokenService.create(caller, collection, TokenRequest.of("test token", null), permission);
    }

    public static Caller.Person withScopes(Caller caller, Scope... scopes) {
        return new Caller.Person(caller.userId(), Set.of(scopes), false);
    }

    public static Caller.CollectionToken token(Caller owner, CollectionId collection, Permission permission) {
        return new Caller.CollectionToken(owner.userId(), collection, permission);
    }

    public CollectionId defaultCollection(Caller caller) {
        return collections.findByOwnerAndName(caller.userId(), Collection.DEFAULT_NAME).orElseThrow().id();
    }

    public CollectionId createCollection(Caller caller, String name) {
        return collectionService.create(caller, name).collection().id();
    }

    public StoredDocument store(Caller caller, CollectionId collection, String title, String content) {
        return documentService.store(caller, new NewDocument(collection, title, content, DocumentType.MARKDOWN, Map.of()));
    }

    public StoredDocument store(Caller caller, CollectionId collection, String title, String content, DocumentType type,
                                Map<String, Object> metadata) {
        return documentService.store(caller, new NewDocument(collection, title, content, type, metadata));
    }

    public User user(UserId id) {
        return users.findById(id).orElseThrow();
    }

    public void disable(UserId id) {
        User u = user(id);
        uow.run(() -> users.update(new User(u.id(), u.email(), u.username(), u.passwordHash(), false, u.superuser(),
                u.createdAt(), clock.instant())));
    }

    public void makeSuperuser(UserId id) {
        setSuperuser(id, true);
    }

    public void demote(UserId id) {
        setSuperuser(id, false);
    }

    public void enable(UserId id) {
        User u = user(id);
        uow.run(() -> users.update(new User(u.id(), u.email(), u.username(), u.passwordHash(), true, u.superuser(),
                u.createdAt(), clock.instant())));
    }

    private void setSuperuser(UserId id, boolean superuser) {
        User u = user(id);
        uow.run(() -> users.update(new User(u.id(), u.email(), u.username(), u.passwordHash(), u.active(), superuser,
                u.createdAt(), clock.instant())));
    }
}
