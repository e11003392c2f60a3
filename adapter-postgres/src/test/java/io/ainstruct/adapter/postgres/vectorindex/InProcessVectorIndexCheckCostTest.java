package io.ainstruct.adapter.postgres.vectorindex;

import io.ainstruct.adapter.postgres.PostgresAdapterTest;
import io.ainstruct.domain.collection.Collection;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.port.IndexingOutbox;
import io.ainstruct.domain.port.UnitOfWork;
import io.ainstruct.domain.search.OutboxEvent;
import io.ainstruct.domain.search.VectorFilter;
import io.micronaut.transaction.TransactionOperations;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What keeping in step costs a search, on ~20,000 chunks of 384 dimensions (all-MiniLM-L6-v2's). Printed, not
 * asserted: timings on a shared machine are not a test. Only the result sizes are checked.
 */
class InProcessVectorIndexCheckCostTest extends PostgresAdapterTest {
    private static final int DIMENSION = 384;
    private static final int DOCUMENTS = 2_000;
    private static final int CHUNKS_PER_DOCUMENT = 10;
    private static final int ROUNDS = 300;

    @Test
    void printsWhatTheChangeCheckCostsASearch() {
        Collection collection = fixtures.storedCollection();
        long generating = System.nanoTime();
        execute("""
                INSERT INTO documents (id, collection_id, title, content, content_hash, chunk_count, token_count)
                SELECT gen_random_uuid(), ?, 'doc ' || i, 'content ' || i, md5(i::text) || md5(i::text), ?, 100
                FROM generate_series(1, ?) AS i""", collection.id().value(), CHUNKS_PER_DOCUMENT, DOCUMENTS);
        execute("""
                INSERT INTO chunks (id, document_id, chunk_index, content, token_count, embedding)
                SELECT gen_random_uuid(), d.id, c, 'chunk', 10,
                       ARRAY(SELECT (random() - 0.5)::real FROM generate_series(1, ?) AS x WHERE c >= 0 AND d.id IS NOT NULL)
                FROM documents d CROSS JOIN generate_series(0, ? - 1) AS c
                WHERE d.collection_id = ?""", DIMENSION, CHUNKS_PER_DOCUMENT, collection.id().value());
        execute("ANALYZE");
        generating = System.nanoTime() - generating;

        InProcessVectorIndex index = InProcessIndexes.on(context);
        long loading = System.nanoTime();
        long size = index.size();
        loading = System.nanoTime() - loading;
        assertThat(size).isEqualTo(DOCUMENTS * CHUNKS_PER_DOCUMENT);

        Random random = new Random(42);
        VectorFilter filter = VectorFilter.collections(Set.of(collection.id()));
        float[][] queries = new float[64][];
        for (int i = 0; i < queries.length; i++) {
            queries[i] = unitVector(random);
        }
        int[] next = {0};
        LongSupplier withCheck = () -> time(() -> assertThat(index.search(queries[next[0]++ % queries.length], filter, 10)).hasSize(10));
        LongSupplier withoutCheck = () -> time(() -> assertThat(index.searchHeld(queries[next[0]++ % queries.length], filter, 10)).hasSize(10));
        LongSupplier checkAlone = () -> time(index::catchUp);

        // Warm up the JIT, the pool's connections and PostgreSQL's cached plans.
        for (int i = 0; i < 100; i++) {
            withCheck.getAsLong();
            withoutCheck.getAsLong();
            checkAlone.getAsLong();
        }
        long[] with = new long[ROUNDS];
        long[] without = new long[ROUNDS];
        long[] check = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            with[i] = withCheck.getAsLong();
            without[i] = withoutCheck.getAsLong();
            check[i] = checkAlone.getAsLong();
        }

        // Another process changed one document (10 chunks): what the next search pays to apply it.
        InProcessVectorIndex reader = new InProcessVectorIndex(context.getBean(StoredVectorPoints.class),
                context.getBean(VectorChanges.class), Duration.ofHours(1));
        reader.size();
        long[] applying = new long[50];
        UnitOfWork unitOfWork = context.getBean(UnitOfWork.class);
        IndexingOutbox outbox = context.getBean(IndexingOutbox.class);
        for (int i = 0; i < applying.length; i++) {
            DocumentId changed = new DocumentId((UUID) queryValue(
                    "SELECT id FROM documents WHERE collection_id = ? ORDER BY id OFFSET ? LIMIT 1", collection.id().value(), i));
            unitOfWork.inTransaction(() -> {
                outbox.documentChanged(changed);
                return null;
            });
            float[] query = queries[i % queries.length];
            applying[i] = time(() -> assertThat(reader.search(query, filter, 10)).hasSize(10));
        }

        // The write side: an outbox event alone, and with its change row (what documentChanged now writes).
        @SuppressWarnings("unchecked")
        TransactionOperations<Connection> transactions = context.getBean(TransactionOperations.class);
        long[] eventAlone = new long[ROUNDS];
        long[] eventAndChange = new long[ROUNDS];
        for (int i = 0; i < 50 + ROUNDS; i++) {
            long alone = time(() -> unitOfWork.inTransaction(() -> appendEventAlone(transactions)));
            long both = time(() -> unitOfWork.inTransaction(() -> {
                outbox.documentChanged(DocumentId.random());
                return null;
            }));
            if (i >= 50) {
                eventAlone[i - 50] = alone;
                eventAndChange[i - 50] = both;
            }
        }

        System.out.printf(Locale.ROOT, "[vector-index-cost] %d chunks x %d dims: generated in %d ms, loaded in %d ms%n",
                size, DIMENSION, generating / 1_000_000, loading / 1_000_000);
        print("search without the check", without);
        print("search with the check (nothing new)", with);
        print("the check alone (nothing new)", check);
        print("search applying 1 changed document", applying);
        print("write: outbox event alone (1 tx)", eventAlone);
        print("write: outbox event + change row (1 tx)", eventAndChange);
    }

    /** The outbox row's own INSERT, as the outbox writes it, on the unit of work's connection. */
    private static int appendEventAlone(TransactionOperations<Connection> transactions) {
        try (PreparedStatement insert = transactions.getConnection()
                .prepareStatement("INSERT INTO indexing_outbox (kind, subject) VALUES (?, ?)")) {
            insert.setString(1, OutboxEvent.Kind.SYNC_DOCUMENT.name());
            insert.setObject(2, UUID.randomUUID());
            return insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }

    private static float[] unitVector(Random random) {
        float[] vector = new float[DIMENSION];
        double squares = 0;
        for (int i = 0; i < DIMENSION; i++) {
            vector[i] = (float) random.nextGaussian();
            squares += vector[i] * vector[i];
        }
        for (int i = 0; i < DIMENSION; i++) {
            vector[i] /= (float) Math.sqrt(squares);
        }
        return vector;
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0) / 1_000;
        System.out.printf(Locale.ROOT, "[vector-index-cost] %-42s n=%d  median %7.1f us  p90 %7.1f us  p99 %7.1f us  mean %7.1f us%n",
                what, sorted.length, sorted[sorted.length / 2] / 1_000.0, sorted[sorted.length * 9 / 10] / 1_000.0,
                sorted[sorted.length * 99 / 100] / 1_000.0, mean);
    }
}
