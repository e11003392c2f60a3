package io.ainstruct.adapter.postgres.vectorindex;

import io.ainstruct.adapter.postgres.PostgresAdapterTest;
import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.port.IndexingOutbox;
import io.ainstruct.domain.port.UnitOfWork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VectorChangesTest extends PostgresAdapterTest {
    private VectorChanges changes;
    private IndexingOutbox outbox;
    private UnitOfWork unitOfWork;

    @BeforeAll
    void beans() {
        changes = context.getBean(VectorChanges.class);
        outbox = context.getBean(IndexingOutbox.class);
        unitOfWork = context.getBean(UnitOfWork.class);
    }

    @Test
    void theOutboxRecordsEveryChangeInTheSameTransaction() {
        DocumentId document = DocumentId.random();
        CollectionId collection = CollectionId.random();

        outbox.documentChanged(document);
        outbox.collectionDeleted(collection);

        assertThat(count("SELECT count(*) FROM vector_changes WHERE document_id = ? AND collection_id IS NULL",
                document.value())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM vector_changes WHERE collection_id = ? AND document_id IS NULL",
                collection.value())).isEqualTo(1);
    }

    @Test
    void aRolledBackChangeLeavesNoRow() {
        DocumentId document = DocumentId.random();

        assertThatThrownBy(() -> unitOfWork.run(() -> {
            outbox.documentChanged(document);
            throw new IllegalStateException("change failed");
        })).hasMessage("change failed");

        assertThat(count("SELECT count(*) FROM vector_changes WHERE document_id = ?", document.value())).isZero();
    }

    @Test
    void aRowNamesExactlyOneSubject() {
        assertThatThrownBy(() -> execute("INSERT INTO vector_changes (document_id, collection_id) VALUES (?, ?)",
                UUID.randomUUID(), UUID.randomUUID())).hasStackTraceContaining("vector_changes_one_subject");
        assertThatThrownBy(() -> execute("INSERT INTO vector_changes (document_id) VALUES (NULL)"))
                .hasStackTraceContaining("vector_changes_one_subject");
    }

    @Test
    void theCheckIsQuietUntilATransactionItCouldNotSeeWritesARow() {
        VectorChanges.Position start = changes.start();
        VectorChanges.Check quiet = changes.check(start);
        assertThat(quiet.changed()).isFalse();

        DocumentId document = DocumentId.random();
        outbox.documentChanged(document);

        assertThat(changes.check(start).changed()).isTrue();
        assertThat(changes.check(quiet.quietPosition()).changed()).isTrue();
        VectorChanges.News news = changes.since(start, Set.of());
        assertThat(news.documents()).containsExactly(document);
        assertThat(news.position().seq()).isGreaterThan(start.seq());
        assertThat(changes.check(news.position()).changed()).isFalse();
        assertThat(changes.since(news.position(), Set.of()).documents()).isEmpty();
    }

    @Test
    void aTransactionRunningAtTheLastLookIsFoundWhenItCommits() throws Exception {
        DocumentId late = DocumentId.random();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> open = CompletableFuture.runAsync(() -> unitOfWork.run(() -> {
            outbox.documentChanged(late);
            written.countDown();
            await(release);
        }));
        assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
        DocumentId early = DocumentId.random();
        outbox.documentChanged(early);

        VectorChanges.News first = changes.since(changes.start(), Set.of());
        assertThat(first.documents()).doesNotContain(late);
        release.countDown();
        open.get(10, TimeUnit.SECONDS);

        assertThat(changes.check(first.position()).changed()).isTrue();
        assertThat(changes.since(first.position(), Set.of()).documents()).containsExactly(late);
    }

    @Test
    void suspectsBringBackTheRowsOnRecordAboutThem() {
        DocumentId document = DocumentId.random();
        CollectionId collection = CollectionId.random();
        outbox.documentChanged(document);
        outbox.collectionDeleted(collection);
        VectorChanges.Position now = changes.start();

        VectorChanges.News news = changes.since(now, List.of(document.value(), collection.value(), UUID.randomUUID()));

        assertThat(news.documents()).containsExactly(document);
        assertThat(news.collections()).containsExactly(collection);
    }

    @Test
    void pruningDeletesOldRowsOnlyAndMovesTheMarkUp() {
        UUID old = UUID.randomUUID();
        execute("INSERT INTO vector_changes (document_id, changed_at) VALUES (?, now() - interval '2 hours')", old);
        long oldSeq = count("SELECT seq FROM vector_changes WHERE document_id = ?", old);
        DocumentId recent = DocumentId.random();
        outbox.documentChanged(recent);

        assertThat(changes.prune(Duration.ofHours(1))).isGreaterThanOrEqualTo(1);

        assertThat(count("SELECT count(*) FROM vector_changes WHERE document_id = ?", old)).isZero();
        assertThat(count("SELECT count(*) FROM vector_changes WHERE document_id = ?", recent.value())).isEqualTo(1);
        assertThat(count("SELECT through_seq FROM vector_changes_pruned")).isGreaterThanOrEqualTo(oldSeq);
        long mark = count("SELECT through_seq FROM vector_changes_pruned");
        assertThat(changes.prune(Duration.ofHours(1))).isZero();
        assertThat(count("SELECT through_seq FROM vector_changes_pruned")).isEqualTo(mark);
    }

    @Test
    void thePrunerForDeploymentsWithoutAnInProcessIndexKeepsRowsWithinTheRetention() {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        execute("INSERT INTO vector_changes (document_id, changed_at) VALUES (?, now() - interval '2 hours')", old);
        execute("INSERT INTO vector_changes (document_id) VALUES (?)", recent);

        assertThat(context.getBean(VectorChangeLogPruner.class).pruneExpired()).isGreaterThanOrEqualTo(1);

        assertThat(count("SELECT count(*) FROM vector_changes WHERE document_id = ?", old)).isZero();
        assertThat(count("SELECT count(*) FROM vector_changes WHERE document_id = ?", recent)).isEqualTo(1);
    }

    @Test
    void theChecksUseTheTxidIndex() {
        String snapshot = changes.start().snapshot();
        assertThat(planAvoidingSequentialScans(VectorChanges.CHECK, snapshot, snapshot))
                .contains("vector_changes_txid_idx");
        assertThat(planAvoidingSequentialScans(VectorChanges.SINCE.replace("= ANY (?)", "= ANY ('{}'::uuid[])"),
                snapshot, snapshot)).contains("vector_changes_txid_idx").contains("vector_changes_subject_idx");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
