package io.ainstruct.application.usage;

import io.ainstruct.domain.port.CollectionAccessTokenRepository;
import io.ainstruct.domain.port.PersonalAccessTokenRepository;
import io.ainstruct.domain.port.UnitOfWork;
import io.ainstruct.domain.port.UsageRepository;
import io.ainstruct.domain.usage.EntryPoint;
import io.ainstruct.domain.usage.UsageRecord;
import io.ainstruct.domain.user.UserId;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Counts authenticated requests and remembers when tokens were last used, in memory, and writes both in a few
 * batched statements when flushed: a database write per request would cost more than the request itself.
 * A crash loses at most one flush interval of counts; nothing else depends on them.
 */
public final class ActivityRecorder {
    private record Key(UserId user, YearMonth month, EntryPoint source) {
    }

    private final UsageRepository usage;
    private final PersonalAccessTokenRepository personalTokens;
    private final CollectionAccessTokenRepository collectionTokens;
    private final UnitOfWork uow;

    // Recording threads share the read side; a flush takes the write side only to swap the maps, so no increment can
    // land in a map whose totals were already read.
    private final ReadWriteLock swap = new ReentrantReadWriteLock();
    private volatile Map<Key, LongAdder> requests = new ConcurrentHashMap<>();
    private volatile Map<UUID, Instant> personalUse = new ConcurrentHashMap<>();
    private volatile Map<UUID, Instant> collectionUse = new ConcurrentHashMap<>();

    public ActivityRecorder(UsageRepository usage, PersonalAccessTokenRepository personalTokens,
                            CollectionAccessTokenRepository collectionTokens, UnitOfWork uow) {
        this.usage = usage;
        this.personalTokens = personalTokens;
        this.collectionTokens = collectionTokens;
        this.uow = uow;
    }

    public void request(UserId user, EntryPoint source, Instant at) {
        Key key = new Key(user, YearMonth.from(at.atZone(ZoneOffset.UTC)), source);
        whileRecording(() -> requests.computeIfAbsent(key, k -> new LongAdder()).increment());
    }

    public void personalTokenUsed(UUID token, Instant at) {
        whileRecording(() -> personalUse.merge(token, at, ActivityRecorder::later));
    }

    public void collectionTokenUsed(UUID token, Instant at) {
        whileRecording(() -> collectionUse.merge(token, at, ActivityRecorder::later));
    }

    private void whileRecording(Runnable record) {
        swap.readLock().lock();
        try {
            record.run();
        } finally {
            swap.readLock().unlock();
        }
    }

    /** Writes what was recorded since the last flush; on failure keeps it for the next one. */
    public synchronized void flush() {
        Map<Key, LongAdder> counted;
        Map<UUID, Instant> personal;
        Map<UUID, Instant> collection;
        swap.writeLock().lock();
        try {
            counted = requests;
            personal = personalUse;
            collection = collectionUse;
            requests = new ConcurrentHashMap<>();
            personalUse = new ConcurrentHashMap<>();
            collectionUse = new ConcurrentHashMap<>();
        } finally {
            swap.writeLock().unlock();
        }
        if (counted.isEmpty() && personal.isEmpty() && collection.isEmpty()) {
            return;
        }
        List<UsageRecord> increments = new ArrayList<>();
        counted.forEach((key, adder) -> increments.add(new UsageRecord(key.user(), key.month(), key.source(), adder.sum())));
        try {
            uow.run(() -> {
                if (!increments.isEmpty()) {
                    usage.add(increments);
                }
                if (!personal.isEmpty()) {
                    personalTokens.recordUse(personal);
                }
                if (!collection.isEmpty()) {
                    collectionTokens.recordUse(collection);
                }
            });
        } catch (RuntimeException e) {
            whileRecording(() -> {
                counted.forEach((key, adder) -> requests.computeIfAbsent(key, k -> new LongAdder()).add(adder.sum()));
                personal.forEach((id, at) -> personalUse.merge(id, at, ActivityRecorder::later));
                collection.forEach((id, at) -> collectionUse.merge(id, at, ActivityRecorder::later));
            });
            throw e;
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
