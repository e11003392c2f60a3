package io.ainstruct.application.fakes;

import io.ainstruct.domain.port.UnitOfWork;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Transactions over the in-memory stores: the outermost transaction snapshots every store and restores them all
 * when the work throws. Nested calls join the outer transaction. Stores call {@link #requireWritable()} before
 * every write, so a write outside a transaction, or inside a read-only one, fails the test.
 */
public final class FakeUnitOfWork implements UnitOfWork {
    private final List<Rollbackable> stores = new ArrayList<>();
    private int depth;
    private boolean readOnly;
    private int commits;
    private int rollbacks;
    private Runnable beforeNextWrite;

    public void enlist(Rollbackable... more) {
        stores.addAll(List.of(more));
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return transaction(work, false);
    }

    @Override
    public <T> T readOnly(Supplier<T> work) {
        return transaction(work, true);
    }

    private <T> T transaction(Supplier<T> work, boolean readOnlyWork) {
        if (depth > 0) {
            depth++;
            try {
                return work.get();
            } finally {
                depth--;
            }
        }
        if (!readOnlyWork && beforeNextWrite != null) {
            Runnable concurrent = beforeNextWrite;
            beforeNextWrite = null;
            concurrent.run();
        }
        List<Runnable> restore = stores.stream().map(Rollbackable::snapshot).toList();
        depth = 1;
        readOnly = readOnlyWork;
        try {
            T result = work.get();
            commits++;
            return result;
        } catch (RuntimeException | Error e) {
            restore.forEach(Runnable::run);
            rollbacks++;
            throw e;
        } finally {
            depth = 0;
            readOnly = false;
        }
    }

    /**
     * Runs {@code concurrent} (in a transaction of its own) just before the next read-write transaction opens: what
     * another request might commit while a use case works between two transactions.
     */
    public void beforeNextWriteTransaction(Runnable concurrent) {
        beforeNextWrite = concurrent;
    }

    /** Called by the fake stores before changing anything. */
    public void requireWritable() {
        if (depth == 0) {
            throw new IllegalStateException("write outside a transaction");
        }
        if (readOnly) {
            throw new IllegalStateException("write inside a read-only transaction");
        }
    }

    public int commits() {
        return commits;
    }

    public int rollbacks() {
        return rollbacks;
    }
}
