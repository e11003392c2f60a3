package io.ainstruct.adapter.postgres.vectorindex;

import io.ainstruct.domain.collection.CollectionId;
import io.ainstruct.domain.document.DocumentId;
import io.ainstruct.domain.port.VectorIndex;
import io.ainstruct.domain.search.VectorFilter;
import io.ainstruct.domain.search.VectorHit;
import io.ainstruct.domain.search.VectorPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Exact cosine search over vectors held in memory: a per-process copy of the vectors in PostgreSQL, which several
 * processes may share (the REST server and an MCP process, or several servers).
 * <p>
 * <b>Staying in step.</b> The index loads every stored point on first use. Then, before each {@link #search} and
 * {@link #size}, it asks the change log ({@link VectorChanges}) whether any transaction it has not yet seen wrote
 * a change, in one cheap statement ({@link VectorChanges#check}); if so it reads those rows and, for each document
 * named, replaces the document's points by its points as stored now (none if it is gone), and for each collection
 * named drops its points. So a search sees every change committed before it began, by this process or any other,
 * whether or not an outbox relay has run. A reader that was away longer than the log's retention (a row it had not
 * seen was pruned) reloads everything. The log is pruned from here too, at most once a minute per process.
 * <p>
 * <b>Relay writes</b> ({@link #upsert}, {@link #deleteDocument}, {@link #deleteCollection}) still apply at once and
 * stay idempotent. An upsert may carry a state the relay read before a newer one that the log already applied, so
 * its documents and collections are remembered as suspects and read again from PostgreSQL on the next search if the
 * log has anything on record about them. Points the log knows nothing of (an index used on its own) are left alone.
 * <p>
 * <b>Concurrency.</b> Searches run concurrently under a read lock; writes and the applying of changes take the write
 * lock, briefly: rows and points are read from PostgreSQL before it is taken. One thread catches up at a time; a
 * search that arrives while another thread is catching up waits, and is served by the next catch-up begun after
 * it arrived (or by its own), so concurrent searches share one database round trip instead of queueing one each.
 * <p>
 * Not a bean: bootstrap decides which index runs, and builds this one only when no Qdrant is configured. It reaches
 * PostgreSQL only through {@link StoredVectorPoints} and {@link VectorChanges}, beans that name database outages.
 */
public class InProcessVectorIndex implements VectorIndex {
    private static final Logger LOG = LoggerFactory.getLogger(InProcessVectorIndex.class);
    private static final long PRUNE_INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();
    /** Beyond this many unchecked suspects (a process that writes and never searches), reload instead. */
    private static final int MAX_SUSPECTS = 10_000;

    private final StoredVectorPoints storedPoints;
    private final VectorChanges changes;
    private final Duration retention;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Guarded by {@link #lock}; replaced whole by a reload. */
    private IndexedPoints points = new IndexedPoints();

    private final ReentrantLock catchUpLock = new ReentrantLock();
    /** Guarded by {@link #catchUpLock}; null until loaded. */
    private VectorChanges.Position position;
    /** Guarded by {@link #catchUpLock}: {@link System#nanoTime} when the last successful catch-up began. */
    private long lastCatchUpStart;
    private volatile boolean loaded;
    private final AtomicLong loads = new AtomicLong();

    /** Guarded by itself, with {@link #suspectsOverflowed}: taking them and the flag must be one step. */
    private final Set<UUID> suspects = new HashSet<>();
    private boolean suspectsOverflowed;
    private final AtomicLong nextPruneAt = new AtomicLong(System.nanoTime());

    public InProcessVectorIndex(StoredVectorPoints storedPoints, VectorChanges changes) {
        this(storedPoints, changes, VectorChanges.RETENTION);
    }

    InProcessVectorIndex(StoredVectorPoints storedPoints, VectorChanges changes, Duration retention) {
        this.storedPoints = storedPoints;
        this.changes = changes;
        this.retention = retention;
    }

    @Override
    public void upsert(List<VectorPoint> points) {
        List<VectorPoint> unitPoints = points.stream().map(InProcessVectorIndex::withUnitVector).toList();
        ensureLoaded();
        lock.writeLock().lock();
        try {
            this.points.upsert(unitPoints);
        } finally {
            lock.writeLock().unlock();
        }
        // After the write, never before: a catch-up that takes the suspects then reads them after this write.
        synchronized (suspects) {
            for (VectorPoint point : points) {
                suspects.add(point.documentId().value());
                suspects.add(point.collectionId().value());
            }
            if (suspects.size() > MAX_SUSPECTS) {
                // A process that writes and never searches: the next catch-up reloads instead of checking each.
                suspects.clear();
                suspectsOverflowed = true;
            }
        }
    }

    @Override
    public void deleteDocument(DocumentId id) {
        ensureLoaded();
        lock.writeLock().lock();
        try {
            points.removeDocument(id);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void deleteCollection(CollectionId id) {
        ensureLoaded();
        lock.writeLock().lock();
        try {
            points.removeCollection(id);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public List<VectorHit> search(float[] query, VectorFilter filter, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        float[] unitQuery = unitLength(query);
        catchUp();
        return searchHeld(unitQuery, filter, limit);
    }

    /**
     * Caught up like a search. If PostgreSQL cannot be asked once the points are loaded, the count held is returned:
     * readiness reports the database's own failure, and must still get an answer here.
     */
    @Override
    public long size() {
        try {
            catchUp();
        } catch (RuntimeException e) {
            if (!loaded) {
                throw e;
            }
            LOG.debug("vector index size without catching up: {}", e.getMessage());
        }
        lock.readLock().lock();
        try {
            return points.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A search of what is held now, without asking PostgreSQL: for measuring what the check costs. */
    List<VectorHit> searchHeld(float[] unitQuery, VectorFilter filter, int limit) {
        lock.readLock().lock();
        try {
            return points.search(unitQuery, filter, limit);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** How many times every point was loaded: once, plus one per reload. */
    long loads() {
        return loads.get();
    }

    /** Applies every change committed before the call; loads everything on first use. */
    void catchUp() {
        long arrived = System.nanoTime();
        catchUpLock.lock();
        try {
            // A catch-up that began after this call arrived has seen every change committed before it.
            if (position != null && lastCatchUpStart - arrived > 0) {
                return;
            }
            long started = System.nanoTime();
            if (position == null) {
                load();
            } else {
                follow();
            }
            lastCatchUpStart = started;
        } finally {
            catchUpLock.unlock();
        }
        pruneIfDue();
    }

    private void ensureLoaded() {
        if (loaded) {
            return;
        }
        catchUpLock.lock();
        try {
            if (position == null) {
                long started = System.nanoTime();
                load();
                lastCatchUpStart = started;
            }
        } finally {
            catchUpLock.unlock();
        }
    }

    /** Every stored point into a fresh set, swapped in at the end; the position is taken first. */
    private void load() {
        Suspects resolved = takeSuspects();
        IndexedPoints fresh = new IndexedPoints();
        VectorChanges.Position start;
        try {
            start = changes.start();
            storedPoints.forEach(point -> fresh.upsert(List.of(withUnitVector(point))));
        } catch (RuntimeException e) {
            giveBack(resolved);
            throw e;
        }
        lock.writeLock().lock();
        try {
            points = fresh;
        } finally {
            lock.writeLock().unlock();
        }
        position = start;
        loaded = true;
        loads.incrementAndGet();
    }

    /** Applies the log rows written since {@link #position}, and reads the suspects again. */
    private void follow() {
        Suspects suspected = takeSuspects();
        if (suspected.overflowed()) {
            giveBack(new Suspects(suspected.ids(), false));
            load();
            return;
        }
        try {
            if (suspected.ids().isEmpty()) {
                VectorChanges.Check check = changes.check(position);
                if (check.prunedThrough() > position.seq()) {
                    load();
                    return;
                }
                if (!check.changed()) {
                    position = check.quietPosition();
                    return;
                }
            }
            VectorChanges.News news = changes.since(position, suspected.ids());
            if (news.prunedThrough() > position.seq()) {
                load();
                return;
            }
            if (!news.documents().isEmpty() || !news.collections().isEmpty()) {
                List<VectorPoint> current = storedPoints.of(news.documents()).stream()
                        .map(InProcessVectorIndex::withUnitVector).toList();
                lock.writeLock().lock();
                try {
                    points.replace(news.documents(), news.collections(), current);
                } finally {
                    lock.writeLock().unlock();
                }
            }
            position = news.position();
        } catch (RuntimeException e) {
            giveBack(suspected);
            throw e;
        }
    }

    private record Suspects(Set<UUID> ids, boolean overflowed) {
    }

    /** Takes the suspects noted so far, and whether some were dropped for being too many. */
    private Suspects takeSuspects() {
        synchronized (suspects) {
            Suspects taken = new Suspects(Set.copyOf(suspects), suspectsOverflowed);
            suspects.clear();
            suspectsOverflowed = false;
            return taken;
        }
    }

    /** After a failed catch-up: the next one checks them. */
    private void giveBack(Suspects taken) {
        synchronized (suspects) {
            suspects.addAll(taken.ids());
            suspectsOverflowed |= taken.overflowed();
        }
    }

    /** At most once a minute per process, on the thread of a search, after its catch-up; never fails the search. */
    private void pruneIfDue() {
        long due = nextPruneAt.get();
        long now = System.nanoTime();
        if (now - due < 0 || !nextPruneAt.compareAndSet(due, now + PRUNE_INTERVAL_NANOS)) {
            return;
        }
        try {
            int pruned = changes.prune(retention);
            if (pruned > 0) {
                LOG.debug("pruned {} vector change rows older than {}", pruned, retention);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not prune the vector change log: {}", e.getMessage());
        }
    }

    private static VectorPoint withUnitVector(VectorPoint point) {
        return new VectorPoint(point.chunkId(), point.documentId(), point.collectionId(), point.type(),
                point.metadata(), unitLength(point.vector()));
    }

    /** A scaled copy of length one; a zero vector stays zero and scores 0 against everything. */
    private static float[] unitLength(float[] vector) {
        double squares = 0;
        for (float value : vector) {
            squares += (double) value * value;
        }
        float[] unit = vector.clone();
        if (squares > 0) {
            float scale = (float) (1 / Math.sqrt(squares));
            for (int i = 0; i < unit.length; i++) {
                unit[i] *= scale;
            }
        }
        return unit;
    }
}
