package io.ainstruct.application.admin;

import io.ainstruct.domain.usage.EntryPoint;
import io.ainstruct.domain.usage.UsageRecord;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One month's authenticated requests of a user, by entry point. */
public record MonthlyUsage(YearMonth month, Map<EntryPoint, Long> requests) {

    public long total() {
        return requests.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Months newest first, each with every entry point (zero where there were none). */
    public static List<MonthlyUsage> history(List<UsageRecord> records) {
        Map<YearMonth, Map<EntryPoint, Long>> byMonth = new TreeMap<>(Comparator.reverseOrder());
        for (UsageRecord record : records) {
            byMonth.computeIfAbsent(record.month(), m -> zeroes()).merge(record.source(), record.requestCount(), Long::sum);
        }
        return byMonth.entrySet().stream().map(e -> new MonthlyUsage(e.getKey(), e.getValue())).toList();
    }

    /** {@code month} out of {@code history}, or a month of zeroes. */
    public static MonthlyUsage of(YearMonth month, List<UsageRecord> records) {
        return history(records).stream().filter(m -> m.month().equals(month)).findFirst()
                .orElse(new MonthlyUsage(month, zeroes()));
    }

    private static Map<EntryPoint, Long> zeroes() {
        Map<EntryPoint, Long> counts = new EnumMap<>(EntryPoint.class);
        for (EntryPoint entryPoint : EntryPoint.values()) {
            counts.put(entryPoint, 0L);
        }
        return counts;
    }
}
