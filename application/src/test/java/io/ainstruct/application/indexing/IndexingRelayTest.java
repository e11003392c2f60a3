package io.ainstruct.application.indexing;

import io.ainstruct.application.document.DocumentChanges;
import io.ainstruct.application.fakes.FakeOutbox;
import io.ainstruct.application.fakes.TestWorld;
import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.Chunk;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.search.OutboxEvent;
import io.ainstruct.domain.search.VectorPoint;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class IndexingRelayTest {
    static final String TWO_SECTIONS = """
            # Cats
            Cats purr and sleep all day long in warm sunny places around the quiet house.
            # Dogs
            Dogs bark loudly at the mailman every single morning without fail, rain or shine.
            """;

    private final TestWorld world = new TestWorld();
    private final IndexingRelay relay = world.relay;

    private final Caller.Person alice = world.signUp("alice");
    private final CollectionId notes = world.createCollection(alice, "notes");

    private DocumentId stored(String title, String content) {
        return world.store(alice, notes, title, content).document().id();
    }

    @Test
    void after_a_store_the_index_holds_the_documents_chunks() {
        DocumentId id = world.store(alice, notes, "Pets", TWO_SECTIONS, io.ainstruct.domain.document.DocumentType.TEXT,
                Map.of("k", "v")).document().id();
        assertThat(world.index.size()).isZero();

        relay.drain();

        List<Chunk> chunks = world.documents.chunksOf(id);
        assertThat(world.index.pointsOf(id)).extracting(VectorPoint::chunkId)
                .containsExactlyInAnyOrderElementsOf(chunks.stream().map(Chunk::id).toList());
        assertThat(world.index.pointsOf(id)).allSatisfy(point -> {
            assertThat(point.collectionId()).isEqualTo(notes);
            assertThat(point.type()).isEqualTo(io.ainstruct.domain.document.DocumentType.TEXT);
            assertThat(point.metadata()).isEqualTo(Map.of("k", "v"));
        });
        assertThat(world.outbox.backlog()).isZero();
    }

    @Test
    void relay_batch_takes_at_most_the_number_asked() {
        stored("a", "text a");
        stored("b", "text b");
        stored("c", "text c");

        assertThat(relay.relayBatch(2)).isEqualTo(2);
        assertThat(world.outbox.backlog()).isEqualTo(1);
        assertThat(relay.relayBatch(2)).isEqualTo(1);
        assertThat(relay.relayBatch(2)).isZero();
        assertThat(world.index.size()).isEqualTo(3);
    }

    @Test
    void after_a_delete_the_documents_points_are_gone() {
        DocumentId kept = stored("kept", "kept text");
        DocumentId deleted = stored("Pets", TWO_SECTIONS);
        relay.drain();

        world.documentService.delete(alice, deleted);
        relay.drain();

        assertThat(world.index.pointsOf(deleted)).isEmpty();
        assertThat(world.index.pointsOf(kept)).hasSize(1);
    }

    @Test
    void after_new_content_the_index_holds_the_new_chunks_only() {
        DocumentId id = stored("Pets", TWO_SECTIONS);
        relay.drain();

        world.documentService.update(alice, id, new DocumentChanges(Optional.empty(), Optional.of("just one chunk"),
                Optional.empty(), Optional.empty(), Optional.empty()));
        relay.drain();

        Chunk only = world.documents.chunksOf(id).get(0);
        assertThat(world.index.pointsOf(id)).singleElement()
                .extracting(VectorPoint::chunkId).isEqualTo(only.id());
    }

    @Test
    void after_a_move_the_points_carry_the_new_collection() {
        DocumentId id = stored("t", "text");
        relay.drain();
        CollectionId target = world.defaultCollection(alice);

        world.documentService.update(alice, id, new DocumentChanges(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(target)));
        relay.drain();

        assertThat(world.index.pointsOf(id)).singleElement().extracting(VectorPoint::collectionId).isEqualTo(target);
    }

    @Test
    void after_a_collection_delete_its_points_are_gone() {
        stored("a", "text a");
        stored("Pets", TWO_SECTIONS);
        world.store(alice, world.defaultCollection(alice), "elsewhere", "elsewhere text");
        relay.drain();

        world.collectionService.delete(alice, notes);
        relay.drain();

        assertThat(world.index.points()).extracting(VectorPoint::collectionId).doesNotContain(notes).hasSize(1);
        assertThat(world.outbox.backlog()).isZero();
    }

    @Test
    void an_index_failure_reschedules_the_event_with_backoff_instead_of_losing_it() {
        DocumentId id = stored("t", "text");
        OutboxEvent event = world.outbox.pending().get(0);
        world.index.down();

        assertThat(relay.relayBatch(10)).isEqualTo(1);

        FakeOutbox.Entry retried = world.outbox.entry(event.id()).orElseThrow();
        assertThat(retried.event().attempts()).isEqualTo(1);
        assertThat(retried.dueAt()).isEqualTo(world.clock.instant().plusSeconds(1));
        assertThat(retried.lastError()).contains("unreachable");
        assertThat(relay.relayBatch(10)).as("not due yet").isZero();

        world.clock.advance(Duration.ofSeconds(1));
        relay.relayBatch(10);
        assertThat(world.outbox.entry(event.id()).orElseThrow().dueAt())
                .as("second failure waits twice as long").isEqualTo(world.clock.instant().plusSeconds(2));

        world.index.up();
        world.clock.advance(Duration.ofSeconds(2));
        relay.drain();

        assertThat(world.outbox.backlog()).isZero();
        assertThat(world.index.pointsOf(id)).hasSize(1);
    }

    @Test
    void one_failing_event_does_not_hold_back_the_others() {
        DocumentId first = stored("a", "text a");
        world.index.down();
        relay.drain();
        world.index.up();
        DocumentId second = stored("b", "text b");

        relay.drain();

        assertThat(world.index.pointsOf(second)).hasSize(1);
        assertThat(world.index.pointsOf(first)).isEmpty();
        assertThat(world.outbox.backlog()).isEqualTo(1);
    }

    @Test
    void an_unreachable_index_is_called_once_per_batch_and_every_event_of_it_waits() {
        List<DocumentId> ids = List.of(stored("a", "text a"), stored("b", "text b"), stored("c", "text c"));
        world.index.down();

        assertThat(relay.relayBatch(10)).isEqualTo(3);

        assertThat(world.index.refusedCalls()).isEqualTo(1);
        assertThat(world.outbox.pending()).extracting(OutboxEvent::attempts).containsOnly(1);
        assertThat(world.outbox.claimDueInTransaction()).as("all wait for the backoff").isEmpty();

        world.index.up();
        world.clock.advance(Duration.ofSeconds(1));
        relay.drain();
        assertThat(world.outbox.backlog()).isZero();
        ids.forEach(id -> assertThat(world.index.pointsOf(id)).hasSize(1));
    }

    @Test
    void an_event_whose_subject_another_relay_is_applying_waits_untouched_for_a_later_batch() {
        DocumentId held = stored("a", "text a");
        DocumentId free = stored("b", "text b");
        world.outbox.holdElsewhere(held.value());

        assertThat(relay.relayBatch(10)).isEqualTo(1);

        assertThat(world.index.pointsOf(free)).hasSize(1);
        assertThat(world.index.pointsOf(held)).isEmpty();
        assertThat(world.outbox.pending()).singleElement().satisfies(event -> {
            assertThat(event.subject()).isEqualTo(held.value());
            assertThat(event.attempts()).isZero();
        });
        assertThat(relay.relayBatch(10)).as("still held: nothing taken, so the worker idles").isZero();

        world.outbox.releaseElsewhere(held.value());
        relay.drain();
        assertThat(world.index.pointsOf(held)).hasSize(1);
        assertThat(world.outbox.backlog()).isZero();
    }

    @Test
    void backoff_doubles_from_one_second_up_to_the_ceiling() {
        Duration ceiling = IndexingRelay.DEFAULT_MAX_BACKOFF;
        assertThat(IndexingRelay.backoff(0, ceiling)).isEqualTo(Duration.ofSeconds(1));
        assertThat(IndexingRelay.backoff(1, ceiling)).isEqualTo(Duration.ofSeconds(2));
        assertThat(IndexingRelay.backoff(5, ceiling)).isEqualTo(Duration.ofSeconds(32));
        assertThat(IndexingRelay.backoff(9, ceiling)).isEqualTo(Duration.ofMinutes(5));
        assertThat(IndexingRelay.backoff(1000, ceiling)).isEqualTo(Duration.ofMinutes(5));
        assertThat(IndexingRelay.backoff(3, Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void applying_the_same_event_twice_leaves_the_same_index() {
        DocumentId id = stored("Pets", TWO_SECTIONS);
        relay.drain();
        List<VectorPoint> once = world.index.points();

        // Replay: the same change announced again, as after a crash between applying and completing.
        world.uow.run(() -> world.outbox.documentChanged(id));
        relay.drain();

        assertThat(world.index.points()).usingRecursiveFieldByFieldElementComparator().isEqualTo(once);
    }

    @Test
    void a_late_event_for_a_document_that_is_gone_removes_its_points() {
        DocumentId id = stored("t", "text");
        relay.drain();
        world.documentService.delete(alice, id);
        world.uow.run(() -> world.outbox.documentChanged(id));

        relay.drain();

        assertThat(world.index.size()).isZero();
        assertThat(world.outbox.backlog()).isZero();
    }
}
