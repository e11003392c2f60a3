package io.ainstruct.adapter.postgres.persistence;

import io.ainstruct.adapter.postgres.PostgresAdapterTest;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.search.OutboxEvent.Kind;
import io.ainstruct.domain.search.OutboxEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class PostgresIndexingOutboxTest extends PostgresAdapterTest {
    private PostgresIndexingOutbox outbox;
    private PostgresUnitOfWork unitOfWork;

    @BeforeAll
    void beans() {
        outbox = context.getBean(PostgresIndexingOutbox.class);
        unitOfWork = context.getBean(PostgresUnitOfWork.class);
    }

    /** Every test starts from an empty outbox and a lowered signal. */
    @BeforeEach
    void emptyOutbox() throws InterruptedException {
        execute("DELETE FROM indexing_outbox");
        outbox.awaitNewEvents(Duration.ZERO);
    }

    @Test
    void claimsDueEventsOldestFirst() {
        DocumentId document = DocumentId.random();
        CollectionId collection = CollectionId.random();
        outbox.documentChanged(document);
        outbox.collectionDeleted(collection);

        List<OutboxEvent> claimed = unitOfWork.inTransaction(() -> outbox.claimDue(10, later()));

        assertThat(claimed).extracting(OutboxEvent::kind, OutboxEvent::subject, OutboxEvent::attempts).containsExactly(
                tuple(Kind.SYNC_DOCUMENT, document.value(), 0),
                tuple(Kind.DROP_COLLECTION, collection.value(), 0));
        assertThat(claimed.get(0).id()).isLessThan(claimed.get(1).id());
        assertThat(outbox.backlog()).isEqualTo(2);
    }

    @Test
    void claimsAtMostTheRequestedNumber() {
        IntStream.range(0, 5).forEach(i -> outbox.documentChanged(DocumentId.random()));

        assertThat(unitOfWork.inTransaction(() -> outbox.claimDue(3, later()))).hasSize(3);
    }

    @Test
    void claimingOutsideAUnitOfWorkIsRefused() {
        assertThatThrownBy(() -> outbox.claimDue(1, later())).hasMessageContaining("mandatory");
    }

    @Test
    void concurrentClaimersNeverGetTheSameEvent() throws Exception {
        IntStream.range(0, 6).forEach(i -> outbox.documentChanged(DocumentId.random()));
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);

        CompletableFuture<List<OutboxEvent>> first = CompletableFuture.supplyAsync(() -> unitOfWork.inTransaction(() -> {
            List<OutboxEvent> claimed = outbox.claimDue(4, later());
            firstClaimed.countDown();
            await(secondDone);
            return claimed;
        }));
        assertThat(firstClaimed.await(10, TimeUnit.SECONDS)).isTrue();
        List<OutboxEvent> second = unitOfWork.inTransaction(() -> outbox.claimDue(4, later()));
        secondDone.countDown();

        Set<Long> firstIds = ids(first.get(10, TimeUnit.SECONDS));
        assertThat(firstIds).hasSize(4);
        assertThat(ids(second)).hasSize(2).doesNotContainAnyElementsOf(firstIds);
    }

    @Test
    void aSubjectIsTakenByOneTransactionAtATime() throws Exception {
        DocumentId document = DocumentId.random();
        outbox.documentChanged(document);
        outbox.documentChanged(document);
        outbox.documentChanged(DocumentId.random());
        CountDownLatch firstTook = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);

        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> unitOfWork.inTransaction(() -> {
            boolean took = outbox.tryTakeSubject(outbox.claimDue(1, later()).get(0));
            firstTook.countDown();
            await(secondDone);
            return took;
        }));
        assertThat(firstTook.await(10, TimeUnit.SECONDS)).isTrue();
        List<Boolean> second = unitOfWork.inTransaction(() -> outbox.claimDue(2, later()).stream()
                .map(outbox::tryTakeSubject).toList());
        secondDone.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(second).as("the same document's next event, then another document's").containsExactly(false, true);
        assertThat(unitOfWork.inTransaction(() -> outbox.tryTakeSubject(outbox.claimDue(1, later()).get(0))))
                .as("free again once the first transaction ended").isTrue();
    }

    @Test
    void aPostponedEventWaitsUntilItsTimeAndCountsTheAttempt() {
        outbox.documentChanged(DocumentId.random());
        OutboxEvent event = unitOfWork.inTransaction(() -> outbox.claimDue(1, later())).get(0);
        Instant retryAt = later().plus(Duration.ofMinutes(5));

        outbox.retryLater(event, "vector engine unreachable", retryAt);

        assertThat(unitOfWork.inTransaction(() -> outbox.claimDue(1, retryAt.minusSeconds(1)))).isEmpty();
        List<OutboxEvent> retried = unitOfWork.inTransaction(() -> outbox.claimDue(1, retryAt));
        assertThat(retried).singleElement().satisfies(again -> {
            assertThat(again.id()).isEqualTo(event.id());
            assertThat(again.attempts()).isEqualTo(1);
        });
        assertThat(queryValue("SELECT last_error FROM indexing_outbox WHERE id = ?", event.id()))
                .isEqualTo("vector engine unreachable");
    }

    @Test
    void aCompletedEventIsGone() {
        outbox.documentChanged(DocumentId.random());
        outbox.documentChanged(DocumentId.random());
        OutboxEvent event = unitOfWork.inTransaction(() -> outbox.claimDue(1, later())).get(0);

        outbox.complete(event);

        assertThat(outbox.backlog()).isEqualTo(1);
        assertThat(unitOfWork.inTransaction(() -> outbox.claimDue(10, later())))
                .extracting(OutboxEvent::id).doesNotContain(event.id());
    }

    @Test
    void anEventIsWrittenOnlyIfItsUnitOfWorkCommits() {
        assertThatThrownBy(() -> unitOfWork.run(() -> {
            outbox.documentChanged(DocumentId.random());
            throw new IllegalStateException("change failed");
        })).hasMessage("change failed");

        assertThat(outbox.backlog()).isZero();
    }

    @Test
    void aWaiterIsWokenByACommitAndNotByARollback() throws Exception {
        assertThat(outbox.awaitNewEvents(Duration.ofMillis(50))).isFalse();

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> waiter = threads.submit(() -> outbox.awaitNewEvents(Duration.ofSeconds(10)));
            CountDownLatch inserted = new CountDownLatch(1);
            Future<?> writer = threads.submit(() -> unitOfWork.run(() -> {
                outbox.documentChanged(DocumentId.random());
                inserted.countDown();
                sleep(200);
            }));
            assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(waiter.isDone()).isFalse();
            writer.get(10, TimeUnit.SECONDS);
            assertThat(waiter.get(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            threads.shutdownNow();
        }

        assertThatThrownBy(() -> unitOfWork.run(() -> {
            outbox.documentChanged(DocumentId.random());
            throw new IllegalStateException("rolled back");
        }));
        assertThat(outbox.awaitNewEvents(Duration.ofMillis(100))).isFalse();
    }

    /** Events are stamped by the database's clock; a little later on ours they are surely due. */
    private static Instant later() {
        return Instant.now().plusSeconds(5);
    }

    private static Set<Long> ids(List<OutboxEvent> events) {
        Set<Long> ids = new HashSet<>();
        events.forEach(event -> ids.add(event.id()));
        return ids;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
