package io.ainstruct.adapter.postgres.persistence;

import io.ainstruct.adapter.postgres.shared.TranslatesDatabaseFailures;
import io.ainstruct.domain.port.UsageRepository;
import io.ainstruct.domain.usage.UsageRecord;
import io.ainstruct.domain.user.UserId;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;

@Singleton
@TranslatesDatabaseFailures
@Transactional
class PostgresUsageRepository implements UsageRepository {
    private final UsageTable table;

    PostgresUsageRepository(UsageTable table) {
        this.table = table;
    }

    /** One INSERT ... ON CONFLICT DO UPDATE for the whole batch; see {@link UsageTable#add}. */
    @Override
    public void add(Collection<UsageRecord> increments) {
        table.add(increments);
    }

    @Override
    @ReadOnly
    public List<UsageRecord> history(UserId user) {
        return table.history(user);
    }
}
