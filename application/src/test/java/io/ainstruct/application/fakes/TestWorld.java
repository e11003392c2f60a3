package io.ainstruct.application.fakes;

import io.ainstruct.application.access.Authenticator;
import io.ainstruct.application.access.CollectionAccess;
import io.ainstruct.application.account.AccountService;
import io.ainstruct.application.account.Registration;
import io.ainstruct.application.collection.CollectionService;
import io.ainstruct.application.document.DocumentService;
import io.ainstruct.application.document.NewDocument;
import io.ainstruct.application.document.StoredDocument;
import io.ainstruct.application.indexing.IndexingRelay;
import io.ainstruct.application.search.SearchService;
import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.access.Permission;
import io.ainstruct.domain.access.Scope;
import io.ainstruct.domain.chunking.ChunkingPolicy;
import io.ainstruct.domain.chunking.MarkdownChunker;
import io.ainstruct.domain.collection.Collection;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.DocumentType;
import io.ainstruct.domain.user.User;
import io.ainstruct.domain.user.UserId;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** Every use case wired to in-memory fakes, with shortcuts for the set-up the tests share. */
public final class TestWorld {
    public static final String PASSWORD = "correct horse";
    public static final long DEFAULT_MAX_CONTENT_BYTES = 10L * 1024 * 1024;
    /** Small chunks, so that a few lines of text already make several. */
    public static final ChunkingPolicy SMALL_CHUNKS = new ChunkingPolicy(20, 5);

    public final TestClock clock = new TestClock();
    public final FakeUnitOfWork uow = new FakeUnitOfWork();
    public final FakeUsers users = new FakeUsers(uow);
    public final FakeDocuments documents = new FakeDocuments(uow);
    public final FakeCollections collections = new FakeCollections(uow, documents);
    public final FakeRefreshTokens refreshTokens = new FakeRefreshTokens(uow);
    public final FakeOutbox outbox = new FakeOutbox(uow, clock);
    public final FakeVectorIndex index = new FakeVectorIndex(FakeEmbedder.DIMENSION);
    public final FakeEmbedder embedder = new FakeEmbedder();
    public final WhitespaceTokenizer tokenizer = new WhitespaceTokenizer();
    public final FakePasswordHasher hasher = new FakePasswordHasher();
    public final FakeAccessTokens accessTokens = new FakeAccessTokens();
    public final FakePassageReader passages = new FakePassageReader(documents, collections);

    public final CollectionAccess access = new CollectionAccess(collections, clock);
    public final Authenticator authenticator = new Authenticator(accessTokens, users, clock);
    public final AccountService accounts = new AccountService(users, collections, refreshTokens, hasher, accessTokens, uow,
            clock, Duration.ofDays(7));
    public final CollectionService collectionService = new CollectionService(collections, access, outbox, uow, clock);
    public final DocumentService documentService;
    public final SearchService searchService = new SearchService(access, embedder, index, passages, tokenizer, uow);
    public final IndexingRelay relay = new IndexingRelay(outbox, documents, index, uow, clock);

    public TestWorld() {
        this(DEFAULT_MAX_CONTENT_BYTES);
    }

    public TestWorld(long maxContentBytes) {
        uow.enlist(users, documents, collections, refreshTokens, outbox);
        documentService = new DocumentService(documents, access, outbox, new MarkdownChunker(tokenizer, SMALL_CHUNKS),
                embedder, uow, clock, maxContentBytes);
    }

    /** Registers {@code username} and signs in through the authenticator, as a REST client would. */
    public Caller.Person signUp(String username) {
        accounts.register(new Registration(username, username + "@example.com", PASSWORD));
        String accessToken = accounts.login(username, PASSWORD).accessToken();
        return (Caller.Person) authenticator.authenticate(accessToken);
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
        User u = user(id);
        uow.run(() -> users.update(new User(u.id(), u.email(), u.username(), u.passwordHash(), u.active(), true,
                u.createdAt(), clock.instant())));
    }
}
