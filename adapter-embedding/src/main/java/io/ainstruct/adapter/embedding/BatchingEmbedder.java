package io.ainstruct.adapter.embedding;

import io.ainstruct.domain.error.DomainException;
import io.ainstruct.domain.error.ErrorCode;
import io.ainstruct.domain.error.Unavailable;
import io.ainstruct.domain.port.Embedder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Lets concurrent callers share the model's batches: many small documents stored at once reach the model together
 * instead of one by one.
 *
 * <p>The first caller to find no open batch leads one: it waits at most {@code window} for others to join, or less
 * when the batch fills up, then embeds the batch in its own thread and hands every member its own vectors. So no
 * caller waits longer than the window before its batch starts, no thread is added, and batches run side by side. A
 * batch never holds more than {@code maxBatchSize} texts: a caller that does not fit starts the next batch, and a
 * caller with a full batch of its own embeds alone. When the model fails, exactly the callers of that batch fail.
 * Queries are not batched: a search waits for nobody.
 */
public final class BatchingEmbedder implements Embedder {

    private final Embedder model;
    private final long windowNanos;
    private final int maxBatchSize;
    private final Object lock = new Object();
    /** The batch still taking members; guarded by {@link #lock}. */
    private Batch open;

    public BatchingEmbedder(Embedder model, Duration window, int maxBatchSize) {
        this.model = Objects.requireNonNull(model, "model");
        if (window.isNegative()) {
            throw new IllegalArgumentException("window must not be negative");
        }
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize must be positive");
        }
        this.windowNanos = window.toNanos();
        this.maxBatchSize = maxBatchSize;
    }

    @Override
    public String modelName() {
        return model.modelName();
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public float[] embedQuery(String query) {
        return model.embedQuery(query);
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        // Refused here, before joining: one caller's blank text must not fail the others of its batch.
        Vectors.requireNoBlank(passages);
        if (passages.isEmpty()) {
            return List.of();
        }
        if (passages.size() >= maxBatchSize) {
            return embedAlone(passages);
        }
        Batch batch;
        Member member;
        synchronized (lock) {
            if (open != null && open.size() + passages.size() > maxBatchSize) {
                close(open);
            }
            boolean leads = open == null;
            if (leads) {
                open = new Batch();
            }
            batch = open;
            member = batch.add(passages, leads);
            if (batch.size() == maxBatchSize) {
                close(batch);
            }
        }
        if (member.leads) {
            awaitMembers(batch);
            batch.run();
        }
        return member.vectors();
    }

    private List<float[]> embedAlone(List<String> passages) {
        List<float[]> vectors = new ArrayList<>(passages.size());
        for (int start = 0; start < passages.size(); start += maxBatchSize) {
            vectors.addAll(model.embedPassages(passages.subList(start, Math.min(start + maxBatchSize, passages.size()))));
        }
        return vectors;
    }

    /** Waits until the batch is full or the window has passed, and closes it. */
    private void awaitMembers(Batch batch) {
        synchronized (lock) {
            long deadline = System.nanoTime() + windowNanos;
            long remaining;
            while (!batch.closed && (remaining = deadline - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, remaining);
                } catch (InterruptedException e) {
                    // The members depend on this thread: run the batch now, and leave the interrupt to the caller.
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            close(batch);
        }
    }

    /** Called holding {@link #lock}. */
    private void close(Batch batch) {
        batch.closed = true;
        if (open == batch) {
            open = null;
        }
        lock.notifyAll();
    }

    private final class Batch {
        private final List<String> texts = new ArrayList<>();
        private final List<Member> members = new ArrayList<>();
        private boolean closed;

        int size() {
            return texts.size();
        }

        Member add(List<String> passages, boolean leads) {
            Member member = new Member(texts.size(), passages.size(), leads);
            texts.addAll(passages);
            members.add(member);
            return member;
        }

        /** Runs on the leader's thread once the batch is closed, so its lists no longer change. */
        void run() {
            List<float[]> vectors;
            try {
                vectors = model.embedPassages(texts);
                if (vectors.size() != texts.size()) {
                    throw new IllegalStateException("the model returned " + vectors.size() + " vectors");
                }
            } catch (RuntimeException | Error e) {
                RuntimeException failure = failure(e);
                members.forEach(member -> member.result.completeExceptionally(failure));
                return;
            }
            members.forEach(member -> member.result.complete(vectors.subList(member.offset, member.offset + member.count)));
        }

        /** Domain errors keep their meaning (an unreachable endpoint stays 503); anything else says what failed. */
        private RuntimeException failure(Throwable cause) {
            if (cause instanceof DomainException domain) {
                return domain;
            }
            return new IllegalStateException("Embedding a shared batch of " + texts.size() + " texts from "
                    + members.size() + " callers failed: " + cause.getMessage(), cause);
        }
    }

    private static final class Member {
        private final int offset;
        private final int count;
        private final boolean leads;
        private final CompletableFuture<List<float[]>> result = new CompletableFuture<>();

        Member(int offset, int count, boolean leads) {
            this.offset = offset;
            this.count = count;
            this.leads = leads;
        }

        List<float[]> vectors() {
            try {
                return List.copyOf(result.get());
            } catch (ExecutionException e) {
                throw (RuntimeException) e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Unavailable(ErrorCode.SERVICE_UNAVAILABLE, "Interrupted while waiting for the embedding batch");
            }
        }
    }
}
