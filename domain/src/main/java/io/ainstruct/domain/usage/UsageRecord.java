package io.ainstruct.domain.usage;

import io.ainstruct.domain.user.UserId;

import java.time.YearMonth;

/** Authenticated requests of one user in one month through one entry point. */
public record UsageRecord(UserId userId, YearMonth month, EntryPoint source, long requestCount) {
}
