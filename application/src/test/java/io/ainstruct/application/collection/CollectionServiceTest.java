package io.ainstruct.application.collection;

import io.ainstruct.application.fakes.TestWorld;
import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.access.Permission;
import io.ainstruct.domain.access.Scope;
import io.ainstruct.domain.collection.Collection;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.collection.CollectionSummary;
import io.ainstruct.domain.error.Conflict;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.error.Forbidden;
import io.ainstruct.domain.error.NotFound;
import io.ainstruct.domain.search.OutboxEvent;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static io.ainstruct.application.fakes.DomainAssertions.assertInvalid;
import static io.ainstruct.application.fakes.DomainAssertions.assertRefused;
import static io.ainstruct.application.fakes.TestWorld.token;
import static io.ainstruct.application.fakes.TestWorld.withScopes;
import static org.assertj.core.api.Assertions.assertThat;

class CollectionServiceTest {
    private final TestWorld world = new TestWorld();
    private final CollectionService service = world.collectionService;

    private final Caller.Person alice = world.signUp("alice");
    private final Caller.Person bob = world.signUp("bob");

    @Nested
    class Create {

        @Test
        void creates_an_empty_collection_owned_by_the_caller() {
            CollectionSummary created = service.create(alice, "notes");

            assertThat(created.collection().name()).isEqualTo("notes");
            assertThat(created.collection().ownerId()).isEqualTo(alice.userId());
            assertThat(created.collection().createdAt()).isEqualTo(world.clock.instant());
            assertThat(created.documentCount()).isZero();
            assertThat(created.activeTokenCount()).isZero();
            assertThat(world.collections.findById(created.collection().id())).contains(created.collection());
        }

        @Test
        void trims_the_name() {
            assertThat(service.create(alice, "  notes \n").collection().name()).isEqualTo("notes");
        }

        @Test
        void accepts_a_name_of_100_characters() {
            assertThat(service.create(alice, "n".repeat(100)).collection().name()).hasSize(100);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "\t\n"})
        void refuses_an_empty_or_blank_name(String name) {
            assertInvalid(() -> service.create(alice, name), "name");
        }

        @Test
        void refuses_a_missing_name_or_one_over_100_characters() {
            assertInvalid(() -> service.create(alice, null), "name");
            assertInvalid(() -> service.create(alice, "n".repeat(101)), "name");
        }

        @Test
        void refuses_a_name_the_owner_already_uses() {
            service.create(alice, "notes");

            assertRefused(() -> service.create(alice, "notes"), Conflict.class, ErrorCode.COLLECTION_EXISTS);
            assertRefused(() -> service.create(alice, Collection.DEFAULT_NAME), Conflict.class, ErrorCode.COLLECTION_EXISTS);
        }

        @Test
        void two_owners_may_use_the_same_name() {
            service.create(alice, "notes");

            assertThat(service.create(bob, "notes").collection().ownerId()).isEqualTo(bob.userId());
        }

        @Test
        void needs_the_write_scope() {
            assertRefused(() -> service.create(withScopes(alice, Scope.READ), "notes"), Forbidden.class,
                    ErrorCode.INSUFFICIENT_SCOPE);
        }

        @Test
        void is_not_for_collection_tokens() {
            Caller cat = token(alice, world.defaultCollection(alice), Permission.READ_WRITE);

            assertRefused(() -> service.create(cat, "notes"), Forbidden.class, ErrorCode.FORBIDDEN);
        }
    }

    @Nested
    class ListAndGet {

        @Test
        void lists_the_callers_collections_by_name_with_their_counts() {
            CollectionId notes = world.createCollection(alice, "notes");
            world.createCollection(alice, "archive");
            world.createCollection(bob, "bobs");
            world.store(alice, notes, "one", "first text");
            world.store(alice, notes, "two", "second text");
            world.collections.setActiveTokenCount(notes, 3);

            var listed = service.list(alice);

            assertThat(listed).extracting(s -> s.collection().name()).containsExactly("archive", "default", "notes");
            CollectionSummary notesSummary = listed.get(2);
            assertThat(notesSummary.documentCount()).isEqualTo(2);
            assertThat(notesSummary.activeTokenCount()).isEqualTo(3);
        }

        @Test
        void gets_one_with_its_counts() {
            CollectionId notes = world.createCollection(alice, "notes");
            world.store(alice, notes, "one", "first text");

            CollectionSummary got = service.get(alice, notes);

            assertThat(got.collection().name()).isEqualTo("notes");
            assertThat(got.documentCount()).isEqualTo(1);
        }

        @Test
        void another_users_collection_is_not_found_never_forbidden() {
            CollectionId bobs = world.createCollection(bob, "bobs");

            assertRefused(() -> service.get(alice, bobs), NotFound.class, ErrorCode.COLLECTION_NOT_FOUND);
        }

        @Test
        void an_unknown_collection_is_not_found() {
            assertRefused(() -> service.get(alice, CollectionId.random()), NotFound.class, ErrorCode.COLLECTION_NOT_FOUND);
        }

        @Test
        void need_the_read_scope() {
            Caller writeOnly = withScopes(alice, Scope.WRITE);

            assertRefused(() -> service.list(writeOnly), Forbidden.class, ErrorCode.INSUFFICIENT_SCOPE);
            assertRefused(() -> service.get(writeOnly, world.defaultCollection(alice)), Forbidden.class,
                    ErrorCode.INSUFFICIENT_SCOPE);
        }

        @Test
        void are_not_for_collection_tokens() {
            CollectionId own = world.defaultCollection(alice);
            Caller cat = token(alice, own, Permission.READ_WRITE);

            assertRefused(() -> service.list(cat), Forbidden.class, ErrorCode.FORBIDDEN);
            assertRefused(() -> service.get(cat, own), Forbidden.class, ErrorCode.FORBIDDEN);
        }
    }

    @Nested
    class Rename {

        @Test
        void renames_and_stamps_the_update() {
            CollectionId notes = world.createCollection(alice, "notes");
            world.clock.advance(Duration.ofMinutes(5));

            CollectionSummary renamed = service.rename(alice, notes, " journal ");

            assertThat(renamed.collection().name()).isEqualTo("journal");
            assertThat(renamed.collection().updatedAt()).isEqualTo(world.clock.instant());
            assertThat(renamed.collection().createdAt()).isBefore(world.clock.instant());
            assertThat(world.collections.findById(notes).orElseThrow().name()).isEqualTo("journal");
        }

        @Test
        void to_its_own_name_is_harmless() {
            CollectionId notes = world.createCollection(alice, "notes");

            assertThat(service.rename(alice, notes, "notes").collection().name()).isEqualTo("notes");
        }

        @Test
        void refuses_a_name_the_owner_already_uses() {
            CollectionId notes = world.createCollection(alice, "notes");

            assertRefused(() -> service.rename(alice, notes, Collection.DEFAULT_NAME), Conflict.class,
                    ErrorCode.COLLECTION_EXISTS);
            assertThat(world.collections.findById(notes).orElseThrow().name()).isEqualTo("notes");
        }

        @Test
        void refuses_an_invalid_name() {
            CollectionId notes = world.createCollection(alice, "notes");

            assertInvalid(() -> service.rename(alice, notes, " "), "name");
            assertInvalid(() -> service.rename(alice, notes, "n".repeat(101)), "name");
        }

        @Test
        void another_users_collection_is_not_found() {
            CollectionId bobs = world.createCollection(bob, "bobs");

            assertRefused(() -> service.rename(alice, bobs, "mine"), NotFound.class, ErrorCode.COLLECTION_NOT_FOUND);
            assertThat(world.collections.findById(bobs).orElseThrow().name()).isEqualTo("bobs");
        }

        @Test
        void needs_the_write_scope_and_a_person() {
            CollectionId notes = world.createCollection(alice, "notes");

            assertRefused(() -> service.rename(withScopes(alice, Scope.READ), notes, "x"), Forbidden.class,
                    ErrorCode.INSUFFICIENT_SCOPE);
            assertRefused(() -> service.rename(token(alice, notes, Permission.READ_WRITE), notes, "x"), Forbidden.class,
                    ErrorCode.FORBIDDEN);
        }
    }

    @Nested
    class Delete {

        @Test
        void removes_the_collection_with_its_documents_and_tells_the_index() {
            CollectionId notes = world.createCollection(alice, "notes");
            world.store(alice, notes, "one", "first text");
            world.store(alice, world.defaultCollection(alice), "kept", "kept text");

            service.delete(alice, notes);

            assertThat(world.collections.findById(notes)).isEmpty();
            assertThat(world.documents.count()).isEqualTo(1);
            assertThat(world.outbox.pending()).last()
                    .extracting(OutboxEvent::kind, OutboxEvent::subject)
                    .containsExactly(OutboxEvent.Kind.DROP_COLLECTION, notes.value());
        }

        @Test
        void is_refused_while_active_access_tokens_reach_it() {
            CollectionId notes = world.createCollection(alice, "notes");
            world.collections.setActiveTokenCount(notes, 1);
            long eventsBefore = world.outbox.backlog();

            assertRefused(() -> service.delete(alice, notes), Conflict.class, ErrorCode.COLLECTION_HAS_ACTIVE_CATS);

            assertThat(world.collections.findById(notes)).isPresent();
            assertThat(world.outbox.backlog()).isEqualTo(eventsBefore);
        }

        @Test
        void another_users_collection_is_not_found_and_survives() {
            CollectionId bobs = world.createCollection(bob, "bobs");

            assertRefused(() -> service.delete(alice, bobs), NotFound.class, ErrorCode.COLLECTION_NOT_FOUND);
            assertThat(world.collections.findById(bobs)).isPresent();
        }

        @Test
        void needs_the_write_scope_and_a_person() {
            CollectionId notes = world.createCollection(alice, "notes");

            assertRefused(() -> service.delete(withScopes(alice, Scope.READ), notes), Forbidden.class,
                    ErrorCode.INSUFFICIENT_SCOPE);
            assertRefused(() -> service.delete(token(alice, notes, Permission.READ_WRITE), notes), Forbidden.class,
                    ErrorCode.FORBIDDEN);
            assertThat(world.collections.findById(notes)).isPresent();
        }
    }
}
