package io.ainstruct.application.admin;

import io.ainstruct.domain.usage.EntryPoint;

import java.time.YearMonth;
import java.util.Map;

/** One month's authenticated requests of a user, by entry point. */
public record MonthlyUsage(YearMonth month, Map<EntryPoint, Long> requests) {

    public long total() {
        return requests.values().stream().mapToLong(Long::longValue).sum();
    }
}
