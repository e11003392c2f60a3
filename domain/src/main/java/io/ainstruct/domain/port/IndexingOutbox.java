package io.ainstruct.domain.port;

import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.search.OutboxEvent;

import java.time.Instant;
import java.util.List;

/**
 * Changes waiting for the vector index, written in the same transaction as the change itself so none is
 * lost when the index is down.
 */
public interface IndexingOutbox {

    void documentChanged(DocumentId id);

    void collectionDeleted(CollectionId id);

    /**
     * Within the current transaction, locks up to {@code max} events due at {@code now}, oldest first, skipping
     * events another worker holds.
     */
    List<OutboxEvent> claimDue(int max, Instant now);

    /**
     * Within the current transaction, takes the event's subject (document or collection) for this worker until the
     * transaction ends. False if another worker holds it, applying an older event of the same subject: this event
     * must then be left for later, or the older state could reach the index after the newer one.
     */
    boolean tryTakeSubject(OutboxEvent event);

    void complete(OutboxEvent event);

    void retryLater(OutboxEvent event, String error, Instant retryAt);

    /** Events not yet applied. */
    long backlog();

    /**
     * Waits until an event committed by this process since the last call is due, or until {@code timeout}
     * passes; lets the relay sleep without polling the database in a tight loop.
     */
    boolean awaitNewEvents(java.time.Duration timeout) throws InterruptedException;
}
