package io.ainstruct.library;

import io.ainstruct.application.account.AccountService;
import io.ainstruct.application.collection.CollectionService;
import io.ainstruct.application.document.DocumentService;
import io.ainstruct.application.search.SearchService;
import io.ainstruct.application.token.CollectionTokenService;
import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.access.Scope;
import io.ainstruct.domain.port.IndexingOutbox;
import io.ainstruct.domain.user.User;
import io.micronaut.context.ApplicationContext;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Document memory inside your own process: the same use cases, rules and storage the ainstruct server runs behind
 * REST and MCP, without an HTTP server, a port or a framework in your code.
 *
 * <h2>Open, use, close</h2>
 * <pre>{@code
 * try (AinstructMemory memory = AinstructMemory.open(MemorySettings.inDirectory(Path.of("memory")).build())) {
 *     Caller alice = memory.person("alice", "alice@example.org");          // your user, vouched for by your app
 *     CollectionId notes = memory.collections().defaultCollectionOf(alice);
 *     memory.documents().store(alice, new NewDocument(notes, "Sourdough", "# Sourdough\n\nFeed the starter daily.",
 *             DocumentType.MARKDOWN, Map.of("topic", "baking")));
 *     memory.awaitIndexed(Duration.ofSeconds(10));                        // vectors are indexed in the background
 *     SearchResult result = memory.search().search(alice, SearchRequest.of("how often to feed a starter",
 *             Optional.of(notes), 5, null, Optional.empty(), Map.of("topic", "baking"), Optional.empty(), "hybrid"));
 *     result.hits().forEach(hit -> System.out.println(hit.score() + " " + hit.passage().title()));
 * }
 * }</pre>
 * {@link #open} starts everything (the embedded PostgreSQL when the settings name a directory, the schema migrations,
 * the embedding model, the vector index and its background indexer) and returns once the memory is ready; {@link
 * #close} stops it all. Data outlives the memory: opening the same settings again finds it. Open one memory per
 * database and share it: every method may be called from many threads at once.
 *
 * <h2>Who is asking</h2>
 * Every use case takes a {@link Caller}, and decides what it may do exactly as the server does for a REST request.
 * Your application authenticates its users its own way and then builds their caller:
 * <ul>
 *   <li>{@link #person(String, String, Scope...)} finds or creates the account and returns a caller with the scopes you
 *       name (all but {@code ADMIN}'s meaning for non-superusers: {@code READ}, {@code WRITE}, {@code TOKENS});</li>
 *   <li>{@code new Caller.CollectionToken(owner, collection, Permission.READ)} acts as a collection access token would:
 *       on one collection, read or read-write, never on collections or tokens.</li>
 * </ul>
 * Someone else's object is not found ({@code NotFound}), a missing scope is {@code Forbidden}.
 *
 * <h2>Errors</h2>
 * Every failure you can act on is a subtype of {@link io.ainstruct.domain.error.DomainException} carrying an {@link
 * io.ainstruct.domain.error.ErrorCode}, the same codes the REST error envelope carries: {@code InvalidInput} for bad
 * input (with the field), {@code NotFound}, {@code Forbidden}, {@code Conflict}, {@code TooLarge}, and {@code
 * Unavailable} when the database is out of reach (retry). Settings the memory cannot start with are an {@code
 * InvalidInput} from {@link #open}; a start that fails for another reason is an {@code Unavailable}. Nothing of the
 * framework inside leaks out.
 */
public final class AinstructMemory implements AutoCloseable {
    private static final Duration INDEX_POLL = Duration.ofMillis(20);

    private final MemoryRuntime runtime;
    private final ApplicationContext context;

    private AinstructMemory(MemoryRuntime runtime) {
        this.runtime = runtime;
        this.context = runtime.context();
    }

    /**
     * Starts a memory on {@code settings}; blocks until it is ready (seconds: the database, the migrations and the
     * embedding model start).
     *
     * @throws io.ainstruct.domain.error.InvalidInput settings it cannot start with (field {@code settings})
     * @throws io.ainstruct.domain.error.Unavailable  the database or the vector index could not be reached
     */
    public static AinstructMemory open(MemorySettings settings) {
        if (settings == null) {
            throw new io.ainstruct.domain.error.InvalidInput("settings", "is required");
        }
        return new AinstructMemory(MemoryRuntime.start(settings));
    }

    /** Store, get, list, update (title, content, type, metadata, collection) and delete documents. */
    public DocumentService documents() {
        return context.getBean(DocumentService.class);
    }

    /**
     * Hybrid, semantic and keyword search with every filter REST has: collection, document type, metadata equality,
     * minimum score, result and token budgets. Build requests with {@code SearchRequest.of(...)}, which checks them.
     */
    public SearchService search() {
        return context.getBean(SearchService.class);
    }

    /** Create, list, get, rename and delete collections; the default collection of a caller. */
    public CollectionService collections() {
        return context.getBean(CollectionService.class);
    }

    /**
     * Create, list, rotate and revoke collection access tokens: secrets that give a client of a running server (or a
     * {@code Caller.CollectionToken} here) one collection, read or read-write.
     */
    public CollectionTokenService collectionTokens() {
        return context.getBean(CollectionTokenService.class);
    }

    /**
     * The caller for one of your users: the account named {@code username} if it exists, else a new one with a
     * default collection (and a random password, so it cannot log in to a server until an administrator sets one).
     *
     * @param scopes what the caller may do; none given means {@code READ}, {@code WRITE} and {@code TOKENS}
     * @throws io.ainstruct.domain.error.InvalidInput a username or e-mail address registration would refuse
     * @throws io.ainstruct.domain.error.Forbidden    the account exists and is deactivated
     */
    public Caller.Person person(String username, String email, Scope... scopes) {
        User user = context.getBean(AccountService.class).ensureMember(username, email);
        Set<Scope> granted = scopes == null || scopes.length == 0
                ? EnumSet.of(Scope.READ, Scope.WRITE, Scope.TOKENS) : EnumSet.copyOf(List.of(scopes));
        return new Caller.Person(user.id(), granted, user.superuser(), Optional.empty());
    }

    /**
     * Waits until every stored change has reached the vector index, at most {@code timeout}. Changes are indexed in
     * the background, usually milliseconds after they are stored; call this where your next search must see them.
     *
     * @return false if changes were still waiting when the time ran out
     */
    public boolean awaitIndexed(Duration timeout) {
        IndexingOutbox outbox = context.getBean(IndexingOutbox.class);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (outbox.backlog() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(INDEX_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Stops the background indexer, the connections and the embedded PostgreSQL, if this memory started one. */
    @Override
    public void close() {
        runtime.close();
    }
}
