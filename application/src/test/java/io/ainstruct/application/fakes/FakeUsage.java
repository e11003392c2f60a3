package io.ainstruct.application.fakes;

import io.ainstruct.domain.port.UsageRepository;
import io.ainstruct.domain.usage.EntryPoint;
import io.ainstruct.domain.usage.UsageRecord;
import io.ainstruct.domain.user.UserId;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Monthly request counts per user and entry point. Remembers every batch it was asked to add, and can be told to
 * fail the next additions, as a database that is down would.
 */
public final class FakeUsage implements UsageRepository, Rollbackable {
    private final FakeUnitOfWork uow;
    private final Map<Key, Long> counts = new LinkedHashMap<>();
    private final List<List<UsageRecord>> batches = new ArrayList<>();
    private int failuresToCome;

    private record Key(UserId user, YearMonth month, EntryPoint source) {
    }

    public FakeUsage(FakeUnitOfWork uow) {
        this.uow = uow;
    }

    @Override
    public void add(Collection<UsageRecord> increments) {
        uow.requireWritable();
        if (failuresToCome > 0) {
            failuresToCome--;
            throw new IllegalStateException("usage store unavailable");
        }
        batches.add(List.copyOf(increments));
        for (UsageRecord r : increments) {
            counts.merge(new Key(r.userId(), r.month(), r.source()), r.requestCount(), Long::sum);
        }
    }

    @Override
    public List<UsageRecord> history(UserId user) {
        return counts.entrySet().stream()
                .filter(e -> e.getKey().user().equals(user))
                .map(e -> new UsageRecord(user, e.getKey().month(), e.getKey().source(), e.getValue()))
                .sorted(Comparator.comparing(UsageRecord::month).reversed().thenComparing(UsageRecord::source))
                .toList();
    }

    /** The stored count; zero when nothing was recorded. */
    public long count(UserId user, YearMonth month, EntryPoint source) {
        return counts.getOrDefault(new Key(user, month, source), 0L);
    }

    /** Every user's stored counts added up. */
    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The batches handed to {@link #add}, in order. */
    public List<List<UsageRecord>> batches() {
        return List.copyOf(batches);
    }

    /** Makes the next {@code times} calls of {@link #add} throw. */
    public void failNext(int times) {
        failuresToCome = times;
    }

    /** Puts a count straight into the store, as earlier months' flushes would have. */
    public void seed(UserId user, YearMonth month, EntryPoint source, long count) {
        counts.put(new Key(user, month, source), count);
    }

    /** The cascade of a user delete. */
    void deleteUser(UserId user) {
        counts.keySet().removeIf(k -> k.user().equals(user));
    }

    @Override
    public Runnable snapshot() {
        Map<Key, Long> copy = new LinkedHashMap<>(counts);
        return () -> {
            counts.clear();
            counts.putAll(copy);
        };
    }
}
