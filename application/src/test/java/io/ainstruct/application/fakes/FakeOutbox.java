package io.ainstruct.application.fakes;

import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.port.IndexingOutbox;
import io.ainstruct.domain.search.OutboxEvent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** An in-memory queue of indexing events, each due at some instant. */
public final class FakeOutbox implements IndexingOutbox, Rollbackable {
    private final FakeUnitOfWork uow;
    private final Clock clock;
    private final List<Entry> entries = new ArrayList<>();
    private long nextId = 1;
    private final Set<UUID> heldElsewhere = new HashSet<>();

    /** An event waiting in the queue, when it is due, and why its last attempt failed. */
    public record Entry(OutboxEvent event, Instant dueAt, String lastError) {
    }

    public FakeOutbox(FakeUnitOfWork uow, Clock clock) {
        this.uow = uow;
        this.clock = clock;
    }

    @Override
    public void documentChanged(DocumentId id) {
        add(OutboxEvent.Kind.SYNC_DOCUMENT, id.value());
    }

    @Override
    public void collectionDeleted(CollectionId id) {
        add(OutboxEvent.Kind.DROP_COLLECTION, id.value());
    }

    private void add(OutboxEvent.Kind kind, UUID subject) {
        uow.requireWritable();
        entries.add(new Entry(new OutboxEvent(nextId++, kind, subject, 0), clock.instant(), null));
    }

    @Override
    public List<OutboxEvent> claimDue(int max, Instant now) {
        uow.requireWritable();
        return entries.stream().filter(e -> !e.dueAt().isAfter(now)).limit(max).map(Entry::event).toList();
    }

    @Override
    public boolean tryTakeSubject(OutboxEvent event) {
        uow.requireWritable();
        return !heldElsewhere.contains(event.subject());
    }

    /** As if another worker were applying an event of this subject right now. */
    public void holdElsewhere(UUID subject) {
        heldElsewhere.add(subject);
    }

    public void releaseElsewhere(UUID subject) {
        heldElsewhere.remove(subject);
    }

    @Override
    public void complete(OutboxEvent event) {
        uow.requireWritable();
        entries.removeIf(e -> e.event().id() == event.id());
    }

    @Override
    public void retryLater(OutboxEvent event, String error, Instant retryAt) {
        uow.requireWritable();
        OutboxEvent retried = new OutboxEvent(event.id(), event.kind(), event.subject(), event.attempts() + 1);
        entries.replaceAll(e -> e.event().id() == event.id() ? new Entry(retried, retryAt, error) : e);
    }

    @Override
    public long backlog() {
        return entries.size();
    }

    @Override
    public boolean awaitNewEvents(Duration timeout) {
        return !entries.isEmpty();
    }

    public List<OutboxEvent> pending() {
        return entries.stream().map(Entry::event).toList();
    }

    public Optional<Entry> entry(long eventId) {
        return entries.stream().filter(e -> e.event().id() == eventId).findFirst();
    }

    @Override
    public Runnable snapshot() {
        List<Entry> copy = new ArrayList<>(entries);
        long id = nextId;
        return () -> {
            entries.clear();
            entries.addAll(copy);
            nextId = id;
        };
    }

    /** Every due event, read in a transaction of its own; for assertions. */
    public List<OutboxEvent> claimDueInTransaction() {
        return uow.inTransaction(() -> claimDue(Integer.MAX_VALUE, clock.instant()));
    }
}
