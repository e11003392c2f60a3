package io.ainstruct.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.DoubleSupplier;

/** The load loops: closed-loop clients, each on its own thread, each request timed on its own. */
final class Loads {
    private Loads() {
    }

    /** {@code ids} holds the stored document ids in the order of the bodies, null where a POST failed. */
    record Ingest(int documents, long chunks, double seconds, Stats latency, int failures, String firstFailure,
                  List<String> ids) {
        double documentsPerSecond() {
            return documents / seconds;
        }

        double chunksPerSecond() {
            return chunks / seconds;
        }

        List<String> storedIds() {
            return ids.stream().filter(Objects::nonNull).toList();
        }
    }

    /** Operations in a timed window; {@code cpuSeconds} is what the measured processes used in it (NaN if unknown). */
    record Timed(long operations, double seconds, Stats latency, long failures, String firstFailure, double cpuSeconds) {
        Timed(long operations, double seconds, Stats latency, long failures, String firstFailure) {
            this(operations, seconds, latency, failures, firstFailure, Double.NaN);
        }

        double perSecond() {
            return operations / seconds;
        }

        double cpuMsPerOperation() {
            return cpuSeconds * 1000 / operations;
        }

        Timed withCpu(double cpu) {
            return new Timed(operations, seconds, latency, failures, firstFailure, cpu);
        }

        static Timed combine(Timed a, Timed b) {
            Stats latency = new Stats();
            latency.addAll(a.latency);
            latency.addAll(b.latency);
            return new Timed(a.operations + b.operations, a.seconds + b.seconds, latency, a.failures + b.failures,
                    a.firstFailure != null ? a.firstFailure : b.firstFailure, a.cpuSeconds + b.cpuSeconds);
        }
    }

    /** The body of {@code POST /api/v1/documents} for a generated document. */
    static Map<String, Object> storeBody(String collectionId, Corpus.Doc doc) {
        return Map.of("collection_id", collectionId, "title", doc.title(), "content", doc.content(),
                "document_type", "markdown", "metadata", Map.of("topic", doc.topic(), "seq", doc.seq()));
    }

    /** POSTs every body to {@code /api/v1/documents} once, {@code clients} at a time; the figures count the answered requests. */
    static Ingest ingest(Api api, List<Map<String, Object>> bodies, int clients) throws InterruptedException {
        AtomicLong chunks = new AtomicLong();
        AtomicReferenceArray<String> ids = new AtomicReferenceArray<>(bodies.size());
        Timed posts = eachOnce("ingest", bodies.size(), clients, i -> {
            Api.Reply reply = api.post("/api/v1/documents", bodies.get(i));
            if (reply.status() != 201 && reply.status() != 200) {
                throw new IllegalStateException(reply.status() + " " + Api.abbreviate(reply.raw()));
            }
            chunks.addAndGet(reply.body().get("chunk_count").asLong());
            ids.set(i, reply.body().get("document_id").asText());
        });
        List<String> inOrder = new ArrayList<>(bodies.size());
        for (int i = 0; i < bodies.size(); i++) {
            inOrder.add(ids.get(i));
        }
        return new Ingest((int) posts.operations(), chunks.get(), posts.seconds(), posts.latency(), (int) posts.failures(),
                posts.firstFailure(), inOrder);
    }

    /** {@code GET /api/v1/documents/{id}} with random ids from {@code connections} threads, for {@code duration}. */
    static Timed javaGets(Api api, List<String> ids, int connections, Duration duration) throws InterruptedException {
        return timedLoop("http-get", connections, duration, () -> {
            String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
            int status = api.getStatusOnly("/api/v1/documents/" + id);
            if (status != 200) {
                throw new IllegalStateException("GET answered " + status);
            }
        });
    }

    /** The baseline: the same rows by primary key over JDBC, {@code threads} threads on a HikariCP pool of as many connections. */
    static Timed jdbcGets(String jdbcUrl, List<String> ids, int threads, Duration duration, Duration warmUp,
                          DoubleSupplier cpu) throws InterruptedException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(threads);
        config.setMinimumIdle(threads);
        config.setPoolName("bench-baseline");
        List<UUID> uuids = ids.stream().map(UUID::fromString).toList();
        try (HikariDataSource pool = new HikariDataSource(config)) {
            Op op = () -> {
                UUID id = uuids.get(ThreadLocalRandom.current().nextInt(uuids.size()));
                try (Connection connection = pool.getConnection();
                     PreparedStatement select = connection.prepareStatement("SELECT * FROM documents WHERE id = ?")) {
                    select.setObject(1, id);
                    try (ResultSet row = select.executeQuery()) {
                        if (!row.next()) {
                            throw new IllegalStateException("no row for " + id);
                        }
                        int columns = row.getMetaData().getColumnCount();
                        for (int c = 1; c <= columns; c++) {
                            row.getObject(c);
                        }
                    }
                }
            };
            timedLoop("jdbc-warmup", threads, warmUp, op);
            double cpu0 = cpu.getAsDouble();
            Timed timed = timedLoop("jdbc-get", threads, duration, op);
            return timed.withCpu(cpu.getAsDouble() - cpu0);
        }
    }

    /** Each query once, {@code clients} at a time. */
    static Timed search(Api api, List<String> queries, int clients, int maxResults, String mode) throws InterruptedException {
        return eachOnce("search " + mode, queries.size(), clients, i -> {
            Api.Reply reply = api.post("/api/v1/documents/search",
                    Map.of("query", queries.get(i), "max_results", maxResults, "search_mode", mode));
            if (reply.status() != 200 || reply.body().path("results").size() == 0) {
                throw new IllegalStateException(reply.status() + " " + Api.abbreviate(reply.raw()));
            }
        });
    }

    /**
     * Runs {@code op} once for each index below {@code items}, {@code clients} at a time, each call timed on its own;
     * a call that throws counts as a failure and is not timed.
     */
    static Timed eachOnce(String name, int items, int clients, IndexedOp op) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        Stats latency = new Stats();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            threads.add(started(name + "-" + c, () -> {
                Stats mine = new Stats();
                for (int i = next.getAndIncrement(); i < items; i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    try {
                        op.run(i);
                        mine.add(System.nanoTime() - t0);
                        done.incrementAndGet();
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        firstFailure.compareAndSet(null, e.toString());
                    }
                }
                latency.addAll(mine);
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Timed(done.get(), (System.nanoTime() - start) / 1e9, latency, failures.get(), firstFailure.get());
    }

    private static Thread started(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    interface Op {
        void run() throws Exception;
    }

    interface IndexedOp {
        void run(int index) throws Exception;
    }

    static Timed timedLoop(String name, int threads, Duration duration, Op op) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        Stats latency = new Stats();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        for (int t = 0; t < threads; t++) {
            workers.add(started(name + "-" + t, () -> {
                Stats mine = new Stats();
                long count = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try {
                        op.run();
                        mine.add(System.nanoTime() - t0);
                        count++;
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        firstFailure.compareAndSet(null, e.toString());
                    }
                }
                done.addAndGet(count);
                latency.addAll(mine);
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return new Timed(done.get(), (System.nanoTime() - start) / 1e9, latency, failures.get(), firstFailure.get());
    }
}
