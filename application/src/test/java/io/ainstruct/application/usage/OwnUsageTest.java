package io.ainstruct.application.usage;

import io.ainstruct.application.admin.MonthlyUsage;
import io.ainstruct.application.fakes.TestWorld;
import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.access.Permission;
import io.ainstruct.domain.error.Forbidden;
import io.ainstruct.domain.usage.EntryPoint;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OwnUsageTest {
    private final TestWorld world = new TestWorld();
    private final OwnUsage usage = new OwnUsage(world.usage, world.clock);
    private final Caller.Person alice = world.signUp("alice");
    private final Caller.Person bob = world.signUp("bob");
    private final YearMonth thisMonth = YearMonth.from(world.clock.instant().atZone(ZoneOffset.UTC));

    @Test
    void a_person_sees_this_months_counts_of_their_own_requests_only() {
        world.usage.seed(alice.userId(), thisMonth, EntryPoint.MCP, 3);
        world.usage.seed(alice.userId(), thisMonth.minusMonths(1), EntryPoint.REST, 8);
        world.usage.seed(bob.userId(), thisMonth, EntryPoint.REST, 11);

        MonthlyUsage mine = usage.thisMonth(alice);

        assertThat(mine.month()).isEqualTo(thisMonth);
        assertThat(mine.requests()).containsExactlyInAnyOrderEntriesOf(Map.of(EntryPoint.REST, 0L, EntryPoint.MCP, 3L));
    }

    @Test
    void a_collection_token_is_not_a_person_and_has_no_usage_page() {
        Caller cat = world.authenticate(world.cat(alice, world.defaultCollection(alice), Permission.READ).secret());

        assertThatThrownBy(() -> usage.thisMonth(cat)).isInstanceOf(Forbidden.class);
    }
}
