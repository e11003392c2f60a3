package io.ainstruct.application.document;

import io.ainstruct.application.fakes.TestWorld;
import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.access.Permission;
import io.ainstruct.domain.access.Scope;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.Chunk;
import io.ainstruct.domain.document.ContentHash;
import io.ainstruct.domain.document.Document;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.document.DocumentSummary;
import io.ainstruct.domain.document.DocumentType;
import io.ainstruct.domain.document.Page;
import io.ainstruct.domain.error.Conflict;
import io.ainstruct.domain.error.DomainException;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.error.Forbidden;
import io.ainstruct.domain.error.NotFound;
import io.ainstruct.domain.error.TooLarge;
import io.ainstruct.domain.search.OutboxEvent;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static io.ainstruct.application.fakes.DomainAssertions.assertInvalid;
import static io.ainstruct.application.fakes.DomainAssertions.assertRefused;
import static io.ainstruct.application.fakes.TestWorld.token;
import static io.ainstruct.application.fakes.TestWorld.withScopes;
import static org.assertj.core.api.Assertions.assertThat;

class DocumentServiceTest {
    /** Two sections of 16 words each: more than one chunk of 20 tokens. */
    static final String TWO_SECTIONS = """
            # Cats
            Cats purr and sleep all day long in warm sunny places around the quiet house.
            # Dogs
            Dogs bark loudly at the mailman every single morning without fail, rain or shine.
            """;

    private final TestWorld world = new TestWorld();
    private final DocumentService service = world.documentService;

    private final Caller.Person alice = world.signUp("alice");
    private final Caller.Person bob = world.signUp("bob");
    private final CollectionId aliceDefault = world.defaultCollection(alice);
    private final CollectionId aliceNotes = world.createCollection(alice, "notes");
    private final CollectionId bobDefault = world.defaultCollection(bob);

    private static NewDocument newDocument(CollectionId collection, String title, String content) {
        return new NewDocument(collection, title, content, null, null);
    }

    private static DocumentChanges changes() {
        return new DocumentChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static DocumentChanges newTitle(String title) {
        return new DocumentChanges(Optional.of(title), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static DocumentChanges newContent(String content) {
        return new DocumentChanges(Optional.empty(), Optional.of(content), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static DocumentChanges moveTo(CollectionId target) {
        return new DocumentChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(target));
    }

    private DocumentId stored(Caller caller, CollectionId collection, String title, String content) {
        return world.store(caller, collection, title, content).document().id();
    }

    private Document current(DocumentId id) {
        return world.documents.findById(id).orElseThrow();
    }

    @Nested
    class Store {

        @Test
        void stores_the_document_with_its_chunks_and_queues_it_for_indexing() {
            StoredDocument stored = service.store(alice, new NewDocument(aliceNotes, "Pets", TWO_SECTIONS,
                    DocumentType.TEXT, Map.of("source", "test")));

            Document document = stored.document();
            assertThat(stored.created()).isTrue();
            assertThat(document.collectionId()).isEqualTo(aliceNotes);
            assertThat(document.title()).isEqualTo("Pets");
            assertThat(document.content()).isEqualTo(TWO_SECTIONS);
            assertThat(document.contentHash()).isEqualTo(ContentHash.of(TWO_SECTIONS));
            assertThat(document.type()).isEqualTo(DocumentType.TEXT);
            assertThat(document.metadata()).containsEntry("source", "test");
            assertThat(document.createdAt()).isEqualTo(world.clock.instant());
            assertThat(world.documents.findById(document.id())).contains(document);

            var chunks = world.documents.chunksOf(document.id());
            assertThat(chunks).hasSizeGreaterThan(1);
            assertThat(chunks).extracting(Chunk::index).isEqualTo(IntStream.range(0, chunks.size()).boxed().toList());
            assertThat(chunks).allSatisfy(chunk -> {
                assertThat(chunk.documentId()).isEqualTo(document.id());
                assertThat(chunk.tokenCount()).isBetween(1, 20).isEqualTo(world.tokenizer.count(chunk.content()));
                assertThat(chunk.embedding()).isEqualTo(world.embedder.embedPassages(List.of(chunk.content())).get(0));
            });
            assertThat(stored.chunkCount()).isEqualTo(chunks.size());
            assertThat(stored.tokenCount()).isEqualTo(chunks.stream().mapToInt(Chunk::tokenCount).sum());

            assertThat(world.outbox.pending()).singleElement()
                    .extracting(OutboxEvent::kind, OutboxEvent::subject)
                    .containsExactly(OutboxEvent.Kind.SYNC_DOCUMENT, document.id().value());
        }

        @Test
        void defaults_to_markdown_without_metadata() {
            Document document = service.store(alice, newDocument(aliceDefault, "t", "some text")).document();

            assertThat(document.type()).isEqualTo(DocumentType.MARKDOWN);
            assertThat(document.metadata()).isEmpty();
        }

        @Test
        void identical_content_in_one_collection_returns_the_existing_document() {
            StoredDocument first = world.store(alice, aliceNotes, "first", "the same words");
            world.clock.advance(Duration.ofMinutes(1));

            StoredDocument second = world.store(alice, aliceNotes, "second title", "the same words");

            assertThat(second.created()).isFalse();
            assertThat(second.document()).isEqualTo(first.document());
            assertThat(second.chunkCount()).isEqualTo(first.chunkCount());
            assertThat(world.documents.count()).isEqualTo(1);
            assertThat(world.outbox.pending()).hasSize(1);
        }

        @Test
        void identical_content_in_two_collections_makes_two_documents() {
            DocumentId inNotes = stored(alice, aliceNotes, "a", "the same words");
            StoredDocument inDefault = world.store(alice, aliceDefault, "a", "the same words");

            assertThat(inDefault.created()).isTrue();
            assertThat(inDefault.document().id()).isNotEqualTo(inNotes);
            assertThat(world.documents.count()).isEqualTo(2);
        }

        @Test
        void content_differing_only_in_whitespace_is_not_identical() {
            stored(alice, aliceNotes, "a", "the same words");

            assertThat(world.store(alice, aliceNotes, "a", "the same words\n").created()).isTrue();
        }

        @Test
        void refuses_content_over_the_size_limit_in_utf8_bytes() {
            TestWorld small = new TestWorld(100);
            Caller.Person carol = small.signUp("carol");
            CollectionId collection = small.defaultCollection(carol);

            small.store(carol, collection, "fits", "a".repeat(100));
            small.store(carol, collection, "fits too", "é".repeat(50));
            assertRefused(() -> small.store(carol, collection, "too big", "a".repeat(101)), TooLarge.class,
                    ErrorCode.DOCUMENT_TOO_LARGE);
            assertRefused(() -> small.store(carol, collection, "too big", "é".repeat(51)), TooLarge.class,
                    ErrorCode.DOCUMENT_TOO_LARGE);
            assertThat(small.documents.count()).isEqualTo(2);
        }

        @Test
        void refuses_blank_content_or_title() {
            assertInvalid(() -> newDocument(aliceDefault, "t", null), "content");
            assertInvalid(() -> newDocument(aliceDefault, "t", ""), "content");
            assertInvalid(() -> newDocument(aliceDefault, "t", " \n\t "), "content");
            assertInvalid(() -> newDocument(aliceDefault, null, "text"), "title");
            assertInvalid(() -> newDocument(aliceDefault, "  ", "text"), "title");
            assertInvalid(() -> newDocument(aliceDefault, "t".repeat(501), "text"), "title");
            newDocument(aliceDefault, "t".repeat(500), "text");
        }

        @Test
        void into_another_users_collection_is_not_found_and_stores_nothing() {
            assertRefused(() -> world.store(alice, bobDefault, "t", "text"), NotFound.class, ErrorCode.COLLECTION_NOT_FOUND);
            assertRefused(() -> world.store(alice, CollectionId.random(), "t", "text"), NotFound.class,
                    ErrorCode.COLLECTION_NOT_FOUND);
            assertThat(world.documents.count()).isZero();
            assertThat(world.outbox.pending()).isEmpty();
        }

        @Test
        void needs_the_write_scope() {
            assertRefused(() -> world.store(withScopes(alice, Scope.READ), aliceDefault, "t", "text"), Forbidden.class,
                    ErrorCode.INSUFFICIENT_SCOPE);
        }

        @Test
        void a_read_write_collection_token_stores_in_its_collection_only() {
            Caller cat = token(alice, aliceNotes, Permission.READ_WRITE);

            assertThat(world.store(cat, aliceNotes, "t", "text").created()).isTrue();
            assertRefused(() -> world.store(cat, aliceDefault, "t", "text"), NotFound.class, ErrorCode.COLLECTION_NOT_FOUND);
        }

        @Test
        void a_read_only_collection_token_cannot_store() {
            Caller cat = token(alice, aliceNotes, Permission.READ);

            assertRefused(() -> world.store(cat, aliceNotes, "t", "text"), Forbidden.class, ErrorCode.FORBIDDEN);
            assertThat(world.documents.count()).isZero();
        }
    }

    @Nested
    class Get {

        @Test
        void gives_the_document_with_its_content_and_counts() {
            StoredDocument stored = world.store(alice, aliceNotes, "Pets", TWO_SECTIONS);

            StoredDocument got = service.get(alice, stored.document().id());

            assertThat(got.document()).isEqualTo(stored.document());
            assertThat(got.chunkCount()).isEqualTo(stored.chunkCount());
            assertThat(got.tokenCount()).isEqualTo(stored.tokenCount());
            assertThat(got.created()).isFalse();
        }

        @Test
        void another_users_or_an_unknown_document_is_not_found() {
            DocumentId bobs = stored(bob, bobDefault, "t", "bob's text");

            assertRefused(() -> service.get(alice, bobs), NotFound.class, ErrorCode.DOCUMENT_NOT_FOUND);
            assertRefused(() -> service.get(alice, DocumentId.random()), NotFound.class, ErrorCode.DOCUMENT_NOT_FOUND);
        }

        @Test
        void a_read_only_collection_token_reads_its_collection() {
            DocumentId id = stored(alice, aliceNotes, "t", "text");

            assertThat(service.get(token(alice, aliceNotes, Permission.READ), id).document().id()).isEqualTo(id);
        }

        @Test
        void a_collection_token_does_not_see_the_owners_other_collections() {
            DocumentId inDefault = stored(alice, aliceDefault, "t", "text");

            assertRefused(() -> service.get(token(alice, aliceNotes, Permission.READ_WRITE), inDefault), NotFound.class,
                    ErrorCode.DOCUMENT_NOT_FOUND);
        }

        @Test
        void a_collection_token_naming_a_foreign_collection_does_not_see_it() {
            DocumentId bobs = stored(bob, bobDefault, "t", "bob's text");
            // A token row pointing at bob's collection but created by alice: ownership is still checked.
            Caller forged = token(alice, bobDefault, Permission.READ_WRITE);

            assertRefused(() -> service.get(forged, bobs), NotFound.class, ErrorCode.DOCUMENT_NOT_FOUND);
        }
    }

    @Nested
    class ListDocuments {

        @Test
        void lists_newest_first_with_paging() {
            DocumentId a = stored(alice, aliceNotes, "a", "text a");
            world.clock.advance(Duration.ofSeconds(1));
            DocumentId b = stored(alice, aliceNotes, "b", "text b");
            world.clock.advance(Duration.ofSeconds(1));
            DocumentId c = stored(alice, aliceNotes, "c", "text c");

            Page<DocumentSummary> first = service.list(alice, Optional.of(aliceNotes), 2, 0);
            Page<DocumentSummary> second = service.list(alice, Optional.of(aliceNotes), 2, 2);

            assertThat(first.items()).extracting(DocumentSummary::id).containsExactly(c, b);
            assertThat(first.total()).isEqualTo(3);
            assertThat(first.limit()).isEqualTo(2);
            assertThat(first.offset()).isZero();
            assertThat(second.items()).extracting(DocumentSummary::id).containsExactly(a);
            assertThat(second.total()).isEqualTo(3);
            assertThat(service.list(alice, Optional.of(aliceNotes), 2, 10).items()).isEmpty();
        }

        @Test
        void summaries_carry_counts_but_not_content() {
            StoredDocument stored = world.store(alice, aliceNotes, "Pets", TWO_SECTIONS);

            DocumentSummary summary = service.list(alice, Optional.of(aliceNotes), null, null).items().get(0);

            assertThat(summary.title()).isEqualTo("Pets");
            assertThat(summary.chunkCount()).isEqualTo(stored.chunkCount());
            assertThat(summary.tokenCount()).isEqualTo(stored.tokenCount());
        }

        @Test
        void defaults_to_50_from_the_start() {
            Page<DocumentSummary> page = service.list(alice, Optional.empty(), null, null);

            assertThat(page.limit()).isEqualTo(DocumentService.DEFAULT_PAGE_SIZE).isEqualTo(50);
            assertThat(page.offset()).isZero();
        }

        @Test
        void validates_limit_and_offset() {
            assertInvalid(() -> service.list(alice, Optional.empty(), 0, 0), "limit");
            assertInvalid(() -> service.list(alice, Optional.empty(), -1, 0), "limit");
            assertInvalid(() -> service.list(alice, Optional.empty(), 501, 0), "limit");
            assertInvalid(() -> service.list(alice, Optional.empty(), 10, -1), "offset");
            assertThat(service.list(alice, Optional.empty(), 1, 0).limit()).isEqualTo(1);
            assertThat(service.list(alice, Optional.empty(), 500, 0).limit()).isEqualTo(500);
        }

        @Test
        void without_a_collection_covers_all_the_callers_collections_and_no_one_elses() {
            DocumentId inNotes = stored(alice, aliceNotes, "n", "notes text");
            DocumentId inDefault = stored(alice, aliceDefault, "d", "default text");
            stored(bob, bobDefault, "b", "bob's text");

            Page<DocumentSummary> page = service.list(alice, Optional.empty(), null, null);

            assertThat(page.items()).extracting(DocumentSummary::id).containsExactlyInAnyOrder(inNotes, inDefault);
            assertThat(page.total()).isEqualTo(2);
        }

        @Test
        void another_users_collection_is_not_found() {
            stored(bob, bobDefault, "b", "bob's text");

            assertRefused(() -> service.list(alice, Optional.of(bobDefault), null, null), NotFound.class,
                    ErrorCode.COLLECTION_NOT_FOUND);
        }

        @Test
        void a_collection_token_lists_its_collection_only() {
            DocumentId inNotes = stored(alice, aliceNotes, "n", "notes text");
            stored(alice, aliceDefault, "d", "default text");
            Caller cat = token(alice, aliceNotes, Permission.READ);

            assertThat(service.list(cat, Optional.empty(), null, null).items())
                    .extracting(DocumentSummary::id).containsExactly(inNotes);
            assertThat(service.list(cat, Optional.of(aliceNotes), null, null).items())
                    .extracting(DocumentSummary::id).containsExactly(inNotes);
            assertRefused(() -> service.list(cat, Optional.of(aliceDefault), null, null), NotFound.class,
                    ErrorCode.COLLECTION_NOT_FOUND);
        }

        @Test
        void needs_the_read_scope() {
            assertRefused(() -> service.list(withScopes(alice, Scope.WRITE), Optional.empty(), null, null),
                    Forbidden.class, ErrorCode.INSUFFICIENT_SCOPE);
        }
    }

    @Nested
    class Update {

        @Test
        void a_new_title_keeps_the_chunks_and_is_queued_for_indexing() {
            DocumentId id = stored(alice, aliceNotes, "old", TWO_SECTIONS);
            var chunksBefore = world.documents.chunksOf(id);
            int embedded = world.embedder.textsEmbedded();
            world.clock.advance(Duration.ofMinutes(1));

            StoredDocument updated = service.update(alice, id, newTitle("new"));

            assertThat(updated.document().title()).isEqualTo("new");
            assertThat(updated.document().content()).isEqualTo(TWO_SECTIONS);
            assertThat(updated.document().updatedAt()).isEqualTo(world.clock.instant());
            assertThat(updated.document().createdAt()).isBefore(world.clock.instant());
            assertThat(current(id)).isEqualTo(updated.document());
            assertThat(world.documents.chunksOf(id)).isEqualTo(chunksBefore);
            assertThat(world.embedder.textsEmbedded()).isEqualTo(embedded);
            assertThat(world.outbox.pending()).extracting(OutboxEvent::subject).containsExactly(id.value(), id.value());
        }

        @Test
        void new_content_is_re_chunked() {
            DocumentId id = stored(alice, aliceNotes, "t", "short text");
            assertThat(world.documents.chunksOf(id)).hasSize(1);

            StoredDocument updated = service.update(alice, id, newContent(TWO_SECTIONS));

            var chunks = world.documents.chunksOf(id);
            assertThat(chunks).hasSizeGreaterThan(1);
            assertThat(chunks).allSatisfy(c -> assertThat(c.documentId()).isEqualTo(id));
            assertThat(updated.chunkCount()).isEqualTo(chunks.size());
            assertThat(updated.tokenCount()).isEqualTo(chunks.stream().mapToInt(Chunk::tokenCount).sum());
            assertThat(current(id).content()).isEqualTo(TWO_SECTIONS);
            assertThat(current(id).contentHash()).isEqualTo(ContentHash.of(TWO_SECTIONS));
        }

        @Test
        void the_same_content_again_is_not_re_chunked() {
            DocumentId id = stored(alice, aliceNotes, "t", TWO_SECTIONS);
            var chunksBefore = world.documents.chunksOf(id);
            int embedded = world.embedder.textsEmbedded();

            service.update(alice, id, new DocumentChanges(Optional.of("t2"), Optional.of(TWO_SECTIONS), Optional.empty(),
                    Optional.empty(), Optional.empty()));

            assertThat(world.documents.chunksOf(id)).isEqualTo(chunksBefore);
            assertThat(world.embedder.textsEmbedded()).isEqualTo(embedded);
        }

        @Test
        void changes_type_and_metadata_and_leaves_absent_fields_alone() {
            DocumentId id = world.store(alice, aliceNotes, "t", "text", DocumentType.MARKDOWN, Map.of("k", "v"))
                    .document().id();

            service.update(alice, id, new DocumentChanges(Optional.empty(), Optional.empty(), Optional.of(DocumentType.HTML),
                    Optional.of(Map.of("k", "w")), Optional.empty()));
            Document afterFirst = current(id);
            service.update(alice, id, changes());

            assertThat(afterFirst.type()).isEqualTo(DocumentType.HTML);
            assertThat(afterFirst.metadata()).isEqualTo(Map.of("k", "w"));
            assertThat(afterFirst.title()).isEqualTo("t");
            assertThat(current(id).type()).isEqualTo(DocumentType.HTML);
            assertThat(current(id).metadata()).isEqualTo(Map.of("k", "w"));
        }

        @Test
        void content_identical_to_another_document_of_the_collection_is_a_conflict() {
            stored(alice, aliceNotes, "one", "first words");
            DocumentId second = stored(alice, aliceNotes, "two", "second words");

            assertRefused(() -> service.update(alice, second, newContent("first words")), Conflict.class,
                    ErrorCode.DUPLICATE_CONTENT);
            assertThat(current(second).content()).isEqualTo("second words");
            assertThat(world.documents.chunksOf(second)).singleElement()
                    .extracting(Chunk::content).isEqualTo("second words");
        }

        @Test
        void refuses_invalid_changes() {
            DocumentId id = stored(alice, aliceNotes, "t", "text");

            assertInvalid(() -> newTitle(" "), "title");
            assertInvalid(() -> newTitle("t".repeat(501)), "title");
            assertInvalid(() -> newContent(""), "content");
            assertThat(current(id).title()).isEqualTo("t");
        }

        @Test
        void refuses_content_over_the_size_limit() {
            TestWorld small = new TestWorld(100);
            Caller.Person carol = small.signUp("carol");
            DocumentId id = small.store(carol, small.defaultCollection(carol), "t", "text").document().id();

            assertRefused(() -> small.documentService.update(carol, id, newContent("a".repeat(101))), TooLarge.class,
                    ErrorCode.DOCUMENT_TOO_LARGE);
            assertThat(small.documents.findById(id).orElseThrow().content()).isEqualTo("text");
        }

        @Test
        void moves_the_document_to_another_own_collection() {
            DocumentId id = stored(alice, aliceDefault, "t", "text");
            var chunksBefore = world.documents.chunksOf(id);

            StoredDocument moved = service.update(alice, id, moveTo(aliceNotes));

            assertThat(moved.document().collectionId()).isEqualTo(aliceNotes);
            assertThat(service.list(alice, Optional.of(aliceNotes), null, null).items())
                    .extracting(DocumentSummary::id).containsExactly(id);
            assertThat(service.list(alice, Optional.of(aliceDefault), null, null).items()).isEmpty();
            assertThat(world.documents.chunksOf(id)).isEqualTo(chunksBefore);
            assertThat(world.outbox.pending()).last().extracting(OutboxEvent::subject).isEqualTo(id.value());
        }

        @Test
        void moving_into_a_collection_that_holds_the_same_content_is_a_conflict() {
            DocumentId id = stored(alice, aliceDefault, "t", "same words");
            stored(alice, aliceNotes, "t", "same words");

            assertRefused(() -> service.update(alice, id, moveTo(aliceNotes)), Conflict.class, ErrorCode.DUPLICATE_CONTENT);
            assertThat(current(id).collectionId()).isEqualTo(aliceDefault);
        }

        @Test
        void moving_to_another_users_collection_is_not_found_and_changes_nothing() {
            DocumentId id = stored(alice, aliceDefault, "t", "text");
            Document before = current(id);
            long events = world.outbox.backlog();
            DocumentChanges titleAndMove = new DocumentChanges(Optional.of("stolen"), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.of(bobDefault));

            assertRefused(() -> service.update(alice, id, titleAndMove), NotFound.class, ErrorCode.COLLECTION_NOT_FOUND);
            assertRefused(() -> service.update(alice, id, moveTo(CollectionId.random())), NotFound.class,
                    ErrorCode.COLLECTION_NOT_FOUND);

            assertThat(current(id)).isEqualTo(before);
            assertThat(world.outbox.backlog()).isEqualTo(events);
            assertThat(service.list(bob, Optional.empty(), null, null).items()).isEmpty();
        }

        @Test
        void a_read_write_collection_token_cannot_move_a_document_out_of_its_collection() {
            DocumentId id = stored(alice, aliceNotes, "t", "text");
            Caller cat = token(alice, aliceNotes, Permission.READ_WRITE);

            assertThat(service.update(cat, id, newTitle("renamed")).document().title()).isEqualTo("renamed");
            assertRefused(() -> service.update(cat, id, moveTo(aliceDefault)), NotFound.class,
                    ErrorCode.COLLECTION_NOT_FOUND);
            assertThat(current(id).collectionId()).isEqualTo(aliceNotes);
        }

        @Test
        void another_users_document_is_not_found() {
            DocumentId bobs = stored(bob, bobDefault, "t", "bob's text");

            assertRefused(() -> service.update(alice, bobs, newTitle("mine")), NotFound.class, ErrorCode.DOCUMENT_NOT_FOUND);
            assertRefused(() -> service.update(alice, DocumentId.random(), newTitle("mine")), NotFound.class,
                    ErrorCode.DOCUMENT_NOT_FOUND);
            assertThat(current(bobs).title()).isEqualTo("t");
        }

        @Test
        void a_read_only_collection_token_cannot_update() {
            DocumentId id = stored(alice, aliceNotes, "t", "text");

            assertRefused(() -> service.update(token(alice, aliceNotes, Permission.READ), id, newTitle("x")),
                    Forbidden.class, ErrorCode.FORBIDDEN);
            assertThat(current(id).title()).isEqualTo("t");
        }

        @Test
        void a_collection_token_cannot_reach_a_document_of_another_collection() {
            DocumentId inDefault = stored(alice, aliceDefault, "t", "text");

            assertRefused(() -> service.update(token(alice, aliceNotes, Permission.READ_WRITE), inDefault, newTitle("x")),
                    NotFound.class, ErrorCode.DOCUMENT_NOT_FOUND);
        }

        @Test
        void chunks_always_match_the_content_even_when_another_request_changed_it_meanwhile() {
            DocumentId id = stored(alice, aliceNotes, "t", "original words");
            // While this update works between its read and its write, another request replaces the content.
            world.uow.beforeNextWriteTransaction(() -> service.update(alice, id, newContent("intervening words")));

            service.update(alice, id, new DocumentChanges(Optional.of("t2"), Optional.of("original words"),
                    Optional.empty(), Optional.empty(), Optional.empty()));

            assertThat(current(id).content()).isEqualTo("original words");
            assertThat(world.documents.chunksOf(id)).extracting(Chunk::content).containsExactly("original words");
        }
    }

    @Nested
    class Delete {

        @Test
        void removes_the_document_with_its_chunks_and_queues_the_index_change() {
            DocumentId id = stored(alice, aliceNotes, "t", TWO_SECTIONS);

            service.delete(alice, id);

            assertThat(world.documents.findById(id)).isEmpty();
            assertThat(world.documents.chunksOf(id)).isEmpty();
            assertThat(world.outbox.pending()).last()
                    .extracting(OutboxEvent::kind, OutboxEvent::subject)
                    .containsExactly(OutboxEvent.Kind.SYNC_DOCUMENT, id.value());
            assertRefused(() -> service.get(alice, id), NotFound.class, ErrorCode.DOCUMENT_NOT_FOUND);
        }

        @Test
        void another_users_or_an_unknown_document_is_not_found() {
            DocumentId bobs = stored(bob, bobDefault, "t", "bob's text");

            assertRefused(() -> service.delete(alice, bobs), NotFound.class, ErrorCode.DOCUMENT_NOT_FOUND);
            assertRefused(() -> service.delete(alice, DocumentId.random()), NotFound.class, ErrorCode.DOCUMENT_NOT_FOUND);
            assertThat(world.documents.findById(bobs)).isPresent();
        }

        @Test
        void a_read_only_collection_token_cannot_delete() {
            DocumentId id = stored(alice, aliceNotes, "t", "text");

            assertRefused(() -> service.delete(token(alice, aliceNotes, Permission.READ), id), Forbidden.class,
                    ErrorCode.FORBIDDEN);
            assertThat(world.documents.findById(id)).isPresent();
        }

        @Test
        void a_read_write_collection_token_deletes_in_its_collection_only() {
            DocumentId inNotes = stored(alice, aliceNotes, "n", "notes text");
            DocumentId inDefault = stored(alice, aliceDefault, "d", "default text");
            Caller cat = token(alice, aliceNotes, Permission.READ_WRITE);

            assertRefused(() -> service.delete(cat, inDefault), NotFound.class, ErrorCode.DOCUMENT_NOT_FOUND);
            service.delete(cat, inNotes);

            assertThat(world.documents.findById(inNotes)).isEmpty();
            assertThat(world.documents.findById(inDefault)).isPresent();
        }

        @Test
        void needs_the_write_scope() {
            DocumentId id = stored(alice, aliceNotes, "t", "text");

            assertRefused(() -> service.delete(withScopes(alice, Scope.READ), id), Forbidden.class,
                    ErrorCode.INSUFFICIENT_SCOPE);
        }

        @Test
        void a_caller_without_the_write_scope_cannot_tell_whether_another_users_document_exists() {
            DocumentId bobs = stored(bob, bobDefault, "t", "bob's text");
            Caller readOnly = withScopes(alice, Scope.READ);

            // Whatever the answer, it must be the same for bob's document as for one that does not exist.
            assertThat(refusal(() -> service.delete(readOnly, bobs)))
                    .isEqualTo(refusal(() -> service.delete(readOnly, DocumentId.random())));
        }

        private ErrorCode refusal(Runnable call) {
            try {
                call.run();
            } catch (DomainException e) {
                return e.code();
            }
            throw new AssertionError("expected a refusal");
        }
    }
}
