package io.ainstruct.application.indexing;

import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.Chunk;
import io.ainstruct.domain.document.Document;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.error.Unavailable;
import io.ainstruct.domain.port.DocumentRepository;
import io.ainstruct.domain.port.IndexingOutbox;
import io.ainstruct.domain.port.UnitOfWork;
import io.ainstruct.domain.port.VectorIndex;
import io.ainstruct.domain.search.OutboxEvent;
import io.ainstruct.domain.search.VectorPoint;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Carries committed changes from the outbox to the vector index. Every event is applied by reading the current
 * state from the database, so applying one twice, or late, is harmless.
 */
public final class IndexingRelay {
    /** The longest wait between two attempts at one event, unless configured otherwise. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMinutes(5);

    private final IndexingOutbox outbox;
    private final DocumentRepository documents;
    private final VectorIndex index;
    private final UnitOfWork uow;
    private final Clock clock;
    private final Duration maxBackoff;

    public IndexingRelay(IndexingOutbox outbox, DocumentRepository documents, VectorIndex index, UnitOfWork uow, Clock clock,
                         Duration maxBackoff) {
        this.outbox = outbox;
        this.documents = documents;
        this.index = index;
        this.uow = uow;
        this.clock = clock;
        this.maxBackoff = maxBackoff;
    }

    /**
     * Applies up to {@code max} due events; returns how many it took (applied or rescheduled). An event whose subject
     * another relay is applying right now is left due, for a later batch. An event the index refuses is rescheduled
     * alone; an index that is {@link Unavailable} as a whole reschedules the rest of the batch at once, so an outage
     * costs one call's deadline per batch, not one per event, while the transaction is open.
     */
    public int relayBatch(int max) {
        return uow.inTransaction(() -> {
            List<OutboxEvent> events = outbox.claimDue(max, clock.instant()).stream().filter(outbox::tryTakeSubject).toList();
            for (int i = 0; i < events.size(); i++) {
                try {
                    apply(events.get(i));
                    outbox.complete(events.get(i));
                } catch (Unavailable e) {
                    events.subList(i, events.size()).forEach(event -> retryLater(event, e));
                    break;
                } catch (RuntimeException e) {
                    retryLater(events.get(i), e);
                }
            }
            return events.size();
        });
    }

    private void retryLater(OutboxEvent event, RuntimeException failure) {
        outbox.retryLater(event, String.valueOf(failure.getMessage()), clock.instant().plus(backoff(event.attempts(), maxBackoff)));
    }

    /** Applies every due event; for start-up, tests and tools. */
    public void drain() {
        int taken;
        do {
            taken = relayBatch(100);
        } while (taken > 0);
    }

    private void apply(OutboxEvent event) {
        switch (event.kind()) {
            case SYNC_DOCUMENT -> sync(new DocumentId(event.subject()));
            case DROP_COLLECTION -> index.deleteCollection(new CollectionId(event.subject()));
        }
    }

    private void sync(DocumentId id) {
        Optional<Document> document = documents.findById(id);
        index.deleteDocument(id);
        document.ifPresent(doc -> index.upsert(documents.chunksOf(id).stream().map(chunk -> point(doc, chunk)).toList()));
    }

    private static VectorPoint point(Document document, Chunk chunk) {
        return new VectorPoint(chunk.id(), document.id(), document.collectionId(), document.type(), document.metadata(),
                chunk.embedding());
    }

    static Duration backoff(int attempts, Duration max) {
        Duration doubled = Duration.ofSeconds(1L << Math.min(attempts, 20));
        return doubled.compareTo(max) > 0 ? max : doubled;
    }
}
