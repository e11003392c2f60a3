package io.ainstruct.application.usage;

import io.ainstruct.application.access.Capabilities;
import io.ainstruct.application.access.Capability;
import io.ainstruct.application.admin.MonthlyUsage;
import io.ainstruct.domain.access.Caller;
import io.ainstruct.domain.port.UsageRepository;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** A person's own request counts, as the dashboard shows them; administrators see anyone's through AdminService. */
public final class OwnUsage {
    private final UsageRepository usage;
    private final Clock clock;

    public OwnUsage(UsageRepository usage, Clock clock) {
        this.usage = usage;
        this.clock = clock;
    }

    public MonthlyUsage thisMonth(Caller caller) {
        Capabilities.of(caller).require(Capability.READ_ACCOUNT);
        return MonthlyUsage.of(YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)), usage.history(caller.userId()));
    }
}
