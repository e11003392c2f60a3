package io.ainstruct.adapter.mcp.tools;

import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.access.Scope;

import java.util.function.Predicate;

/** Which callers see a tool in tools/list: those whose token could use it. */
final class Visibility {
    private Visibility() {
    }

    static final Predicate<Caller> READ_DOCUMENTS = caller -> caller instanceof Caller.CollectionToken
            || caller instanceof Caller.Person person && person.has(Scope.READ);

    static final Predicate<Caller> WRITE_DOCUMENTS = caller ->
            caller instanceof Caller.CollectionToken token && token.permission().allowsWrite()
                    || caller instanceof Caller.Person person && person.has(Scope.WRITE);

    static final Predicate<Caller> PERSON_READ = caller -> caller instanceof Caller.Person person && person.has(Scope.READ);

    static final Predicate<Caller> PERSON_WRITE = caller -> caller instanceof Caller.Person person && person.has(Scope.WRITE);

    static final Predicate<Caller> ADMIN = caller -> caller instanceof Caller.Person person && person.superuser()
            && person.has(Scope.ADMIN);
}
