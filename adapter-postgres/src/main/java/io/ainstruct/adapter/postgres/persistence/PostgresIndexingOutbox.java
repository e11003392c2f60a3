package io.ainstruct.adapter.postgres.persistence;

import io.ainstruct.adapter.postgres.shared.TranslatesDatabaseFailures;
import io.ainstruct.adapter.postgres.vectorindex.VectorChanges;
import io.micronaut.data.exceptions.DataAccessException;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.port.IndexingOutbox;
import io.ainstruct.domain.search.OutboxEvent;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Transactional method by method: {@link #awaitNewEvents} must not hold a connection while it sleeps. Each change
 * is also written to the vector change log, in the same transaction: an event is consumed by one process's relay,
 * the log is read by every process's in-process index.
 */
@Singleton
@TranslatesDatabaseFailures
class PostgresIndexingOutbox implements IndexingOutbox {
    private final OutboxRows rows;
    private final VectorChanges vectorChanges;
    private final TransactionOperations<Connection> transactions;
    private final NewEventSignal newEvents = new NewEventSignal();

    PostgresIndexingOutbox(OutboxRows rows, VectorChanges vectorChanges, TransactionOperations<Connection> transactions) {
        this.rows = rows;
        this.vectorChanges = vectorChanges;
        this.transactions = transactions;
    }

    @Override
    @Transactional
    public void documentChanged(DocumentId id) {
        append(OutboxEvent.Kind.SYNC_DOCUMENT, id.value());
        vectorChanges.documentChanged(id);
    }

    @Override
    @Transactional
    public void collectionDeleted(CollectionId id) {
        append(OutboxEvent.Kind.DROP_COLLECTION, id.value());
        vectorChanges.collectionDropped(id);
    }

    /** Mandatory: the locks are the claim, and they last only as long as the caller's transaction. */
    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public List<OutboxEvent> claimDue(int max, Instant now) {
        return rows.lockDue(now, max).stream().map(OutboxRow::toDomain).toList();
    }

    /** A transaction-scoped advisory lock on the subject; two subjects sharing a key only wait for each other. */
    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean tryTakeSubject(OutboxEvent event) {
        try (PreparedStatement lock = transactions.getConnection().prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, event.subject().getMostSignificantBits() ^ event.subject().getLeastSignificantBits());
            try (ResultSet taken = lock.executeQuery()) {
                taken.next();
                return taken.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot take the subject of outbox event " + event.id(), e);
        }
    }

    @Override
    @Transactional
    public void complete(OutboxEvent event) {
        rows.deleteById(event.id());
    }

    @Override
    @Transactional
    public void retryLater(OutboxEvent event, String error, Instant retryAt) {
        rows.postpone(event.id(), error, retryAt);
    }

    @Override
    @ReadOnly
    public long backlog() {
        return rows.count();
    }

    @Override
    public boolean awaitNewEvents(Duration timeout) throws InterruptedException {
        return newEvents.await(timeout);
    }

    /** The waiter is woken only after commit: before it, the relay could not see the event. */
    private void append(OutboxEvent.Kind kind, UUID subject) {
        rows.append(kind.name(), subject);
        transactions.findTransactionStatus().orElseThrow().registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                newEvents.raise();
            }
        });
    }
}
