package io.ainstruct.adapter.postgres;

import io.ainstruct.domain.access.CollectionAccessToken;
import io.ainstruct.domain.access.Permission;
import io.ainstruct.domain.access.PersonalAccessToken;
import io.ainstruct.domain.access.Scope;
import io.ainstruct.domain.collection.Collection;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.Chunk;
import io.ainstruct.domain.document.ChunkId;
import io.ainstruct.domain.document.ContentHash;
import io.ainstruct.domain.document.Document;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.document.DocumentType;
import io.ainstruct.domain.port.CollectionAccessTokenRepository;
import io.ainstruct.domain.port.CollectionRepository;
import io.ainstruct.domain.port.DocumentRepository;
import io.ainstruct.domain.port.PersonalAccessTokenRepository;
import io.ainstruct.domain.port.UserRepository;
import io.ainstruct.domain.session.Secrets;
import io.ainstruct.domain.user.User;
import io.ainstruct.domain.user.UserId;
import io.micronaut.context.ApplicationContext;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

/** Builds and stores domain objects with unique names, so tests sharing a database never collide. */
public final class Fixtures {
    private final ApplicationContext context;

    public Fixtures(ApplicationContext context) {
        this.context = context;
    }

    /** PostgreSQL keeps microseconds; values compared after a round trip must not carry more. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    public User newUser() {
        String name = unique("user-");
        return new User(UserId.random(), name + "@example.com", name, "hash-of-" + name, true, false, now(), now());
    }

    public User storedUser() {
        User user = newUser();
        context.getBean(UserRepository.class).insert(user);
        return user;
    }

    public Collection storedCollection() {
        return storedCollection(storedUser().id());
    }

    public Collection storedCollection(UserId owner) {
        Collection collection = new Collection(CollectionId.random(), owner, unique("collection-"), now(), now());
        context.getBean(CollectionRepository.class).insert(collection);
        return collection;
    }

    public static Document newDocument(CollectionId collection, String content) {
        return newDocument(collection, content, now());
    }

    public static Document newDocument(CollectionId collection, String content, Instant createdAt) {
        return new Document(DocumentId.random(), collection, "Title of " + content, content, ContentHash.of(content),
                DocumentType.MARKDOWN, Map.of("source", "test"), createdAt, createdAt);
    }

    public Document storedDocument(CollectionId collection, String content, int chunkCount) {
        Document document = newDocument(collection, content);
        context.getBean(DocumentRepository.class).insertIfAbsent(document, chunks(document.id(), chunkCount));
        return document;
    }

    public static List<Chunk> chunks(DocumentId document, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new Chunk(ChunkId.random(), document, i, "chunk " + i + " of " + document, 10 + i,
                        new float[]{i, 1, 0.5f, -i}))
                .toList();
    }

    /** Active, expiring in 90 days, never used; its hash is that of a fresh secret. */
    public static PersonalAccessToken newPat(UserId user, Set<Scope> scopes, Instant createdAt) {
        return new PersonalAccessToken(UUID.randomUUID(), user, unique("pat-"), Secrets.digest(Secrets.generate("pat_live_")),
                scopes, createdAt.plus(90, ChronoUnit.DAYS), null, true, createdAt);
    }

    public PersonalAccessToken storedPat(UserId user) {
        PersonalAccessToken token = newPat(user, Set.of(Scope.READ), now());
        context.getBean(PersonalAccessTokenRepository.class).insert(token);
        return token;
    }

    /** Active, expiring in 90 days, never used, created by the collection's owner. */
    public static CollectionAccessToken newCat(Collection collection, Permission permission, Instant createdAt) {
        return new CollectionAccessToken(UUID.randomUUID(), collection.id(), collection.ownerId(), unique("cat-"),
                Secrets.digest(Secrets.generate("cat_live_")), permission, createdAt.plus(90, ChronoUnit.DAYS), null,
                true, createdAt);
    }

    public CollectionAccessToken storedCat(Collection collection) {
        CollectionAccessToken token = newCat(collection, Permission.READ, now());
        context.getBean(CollectionAccessTokenRepository.class).insert(token);
        return token;
    }
}
