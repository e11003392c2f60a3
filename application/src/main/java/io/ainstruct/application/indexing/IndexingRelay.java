package io.ainstruct.application.indexing;

import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.Chunk;
import io.ainstruct.domain.document.Document;
import io.ainstruct.domain.document.DocumentId;
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
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final IndexingOutbox outbox;
    private final DocumentRepository documents;
    private final VectorIndex index;
    private final UnitOfWork uow;
    private final Clock clock;

    public IndexingRelay(IndexingOutbox outbox, DocumentRepository documents, VectorIndex index, UnitOfWork uow, Clock clock) {
        this.outbox = outbox;
        this.documents = documents;
        this.index = index;
        this.uow = uow;
        this.clock = clock;
    }

    /** Applies up to {@code max} due events; returns how many it took (applied or rescheduled). */
    public int relayBatch(int max) {
        return uow.inTransaction(() -> {
            List<OutboxEvent> events = outbox.claimDue(max, clock.instant());
            for (OutboxEvent event : events) {
                try {
                    apply(event);
                    outbox.complete(event);
                } catch (RuntimeException e) {
                    outbox.retryLater(event, String.valueOf(e.getMessage()), clock.instant().plus(backoff(event.attempts())));
                }
            }
            return events.size();
        });
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

    static Duration backoff(int attempts) {
        long seconds = 1L << Math.min(attempts, 20);
        return Duration.ofSeconds(seconds).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : Duration.ofSeconds(seconds);
    }
}
