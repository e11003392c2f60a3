package io.ainstruct.application.access;

import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.access.Scope;
import io.ainstruct.domain.collection.Collection;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.error.Forbidden;
import io.ainstruct.domain.error.NotFound;
import io.ainstruct.domain.port.CollectionRepository;

import java.util.Set;

/**
 * Decides which collections a caller reaches. Someone else's collection is reported as not found, never as
 * forbidden, so ids cannot be probed.
 */
public final class CollectionAccess {
    private final CollectionRepository collections;

    public CollectionAccess(CollectionRepository collections) {
        this.collections = collections;
    }

    public Collection readable(Caller caller, CollectionId id) {
        return reachable(caller, id, false);
    }

    public Collection writable(Caller caller, CollectionId id) {
        return reachable(caller, id, true);
    }

    /** Every collection the caller may read. */
    public Set<CollectionId> readableIds(Caller caller) {
        if (caller instanceof Caller.CollectionToken token) {
            return Set.of(token.collectionId());
        }
        requireScope((Caller.Person) caller, Scope.READ);
        return Set.copyOf(collections.idsOwnedBy(caller.userId()));
    }

    /** Managing collections and tokens is for people; a collection token only works inside its collection. */
    public static Caller.Person person(Caller caller, Scope scope) {
        if (caller instanceof Caller.Person person) {
            requireScope(person, scope);
            return person;
        }
        throw new Forbidden(ErrorCode.FORBIDDEN, "A collection access token cannot do this; use a personal access token or log in");
    }

    /** A person's token must carry {@code scope}; a collection token's permission is checked per collection. */
    public static void requireScope(Caller caller, Scope scope) {
        if (caller instanceof Caller.Person person) {
            requireScope(person, scope);
        }
    }

    public static void requireScope(Caller.Person person, Scope scope) {
        if (!person.has(scope)) {
            throw new Forbidden(ErrorCode.INSUFFICIENT_SCOPE, "This token lacks the '" + scope.name().toLowerCase() + "' scope");
        }
    }

    private Collection reachable(Caller caller, CollectionId id, boolean write) {
        if (caller instanceof Caller.CollectionToken token) {
            if (!token.collectionId().equals(id)) {
                throw notFound();
            }
            if (write && !token.permission().allowsWrite()) {
                throw new Forbidden(ErrorCode.FORBIDDEN, "This collection access token is read-only");
            }
        } else {
            requireScope((Caller.Person) caller, write ? Scope.WRITE : Scope.READ);
        }
        Collection collection = collections.findById(id).orElseThrow(CollectionAccess::notFound);
        if (!collection.ownerId().equals(caller.userId())) {
            throw notFound();
        }
        return collection;
    }

    private static NotFound notFound() {
        return new NotFound(ErrorCode.COLLECTION_NOT_FOUND, "Collection not found");
    }
}
