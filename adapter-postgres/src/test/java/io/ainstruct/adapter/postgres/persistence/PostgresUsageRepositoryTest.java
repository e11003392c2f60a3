package io.ainstruct.adapter.postgres.persistence;

import io.ainstruct.adapter.postgres.PostgresAdapterTest;
import io.ainstruct.domain.usage.EntryPoint;
import io.ainstruct.domain.usage.UsageRecord;
import io.ainstruct.domain.user.UserId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class PostgresUsageRepositoryTest extends PostgresAdapterTest {
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    private PostgresUsageRepository usage;

    @BeforeAll
    void repository() {
        usage = context.getBean(PostgresUsageRepository.class);
    }

    @Test
    void addsIncrementsWithinABatchAndAcrossCalls() {
        UserId user = fixtures.storedUser().id();
        UserId other = fixtures.storedUser().id();

        usage.add(List.of(
                new UsageRecord(user, NOVEMBER, EntryPoint.REST, 2),
                new UsageRecord(user, NOVEMBER, EntryPoint.MCP, 1),
                new UsageRecord(other, NOVEMBER, EntryPoint.REST, 7),
                new UsageRecord(user, NOVEMBER, EntryPoint.REST, 3)));
        usage.add(List.of(new UsageRecord(user, NOVEMBER, EntryPoint.REST, 10)));
        usage.add(List.of(new UsageRecord(user, NOVEMBER, EntryPoint.MCP, 4)));

        assertThat(usage.history(user)).containsExactly(
                new UsageRecord(user, NOVEMBER, EntryPoint.MCP, 5),
                new UsageRecord(user, NOVEMBER, EntryPoint.REST, 15));
        assertThat(usage.history(other)).containsExactly(new UsageRecord(other, NOVEMBER, EntryPoint.REST, 7));
    }

    @Test
    void storesMonthsAndSourcesAsTheContractSpellsThem() {
        UserId user = fixtures.storedUser().id();

        usage.add(List.of(new UsageRecord(user, YearMonth.of(2027, 1), EntryPoint.MCP, 1)));

        assertThat(queryValue("SELECT year_month || ' ' || source FROM usage_records WHERE user_id = ?", user.value()))
                .isEqualTo("2027-01 mcp");
    }

    @Test
    void theHistoryGoesNewestMonthFirst() {
        UserId user = fixtures.storedUser().id();

        usage.add(List.of(
                new UsageRecord(user, YearMonth.of(2025, 12), EntryPoint.REST, 1),
                new UsageRecord(user, YearMonth.of(2026, 2), EntryPoint.REST, 2),
                new UsageRecord(user, YearMonth.of(2026, 10), EntryPoint.MCP, 3),
                new UsageRecord(user, YearMonth.of(2026, 2), EntryPoint.MCP, 4),
                new UsageRecord(user, YearMonth.of(2025, 9), EntryPoint.MCP, 5)));

        assertThat(usage.history(user)).extracting(UsageRecord::month, UsageRecord::source).containsExactly(
                tuple(YearMonth.of(2026, 10), EntryPoint.MCP),
                tuple(YearMonth.of(2026, 2), EntryPoint.MCP),
                tuple(YearMonth.of(2026, 2), EntryPoint.REST),
                tuple(YearMonth.of(2025, 12), EntryPoint.REST),
                tuple(YearMonth.of(2025, 9), EntryPoint.MCP));
    }

    @Test
    void anEmptyBatchOrZeroIncrementsWriteNothing() {
        UserId user = fixtures.storedUser().id();

        usage.add(List.of());
        usage.add(List.of(new UsageRecord(user, NOVEMBER, EntryPoint.REST, 0)));

        assertThat(usage.history(user)).isEmpty();
    }

    @Test
    void incrementsOfADeletedUserAreDroppedAndTheRestOfTheBatchIsKept() {
        UserId gone = fixtures.storedUser().id();
        UserId user = fixtures.storedUser().id();
        context.getBean(PostgresUserRepository.class).delete(gone);

        usage.add(List.of(
                new UsageRecord(gone, NOVEMBER, EntryPoint.REST, 1),
                new UsageRecord(UserId.random(), NOVEMBER, EntryPoint.MCP, 1),
                new UsageRecord(user, NOVEMBER, EntryPoint.REST, 1)));

        assertThat(usage.history(user)).containsExactly(new UsageRecord(user, NOVEMBER, EntryPoint.REST, 1));
        assertThat(count("SELECT count(*) FROM usage_records WHERE user_id = ?", gone.value())).isZero();
    }

    @Test
    void deletingTheUserDeletesTheirUsage() {
        UserId user = fixtures.storedUser().id();
        usage.add(List.of(new UsageRecord(user, NOVEMBER, EntryPoint.REST, 1)));

        context.getBean(PostgresUserRepository.class).delete(user);

        assertThat(usage.history(user)).isEmpty();
    }
}
