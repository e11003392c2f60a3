package io.ainstruct.domain.port;

import io.ainstruct.domain.usage.UsageRecord;
import io.ainstruct.domain.user.UserId;

import java.util.Collection;
import java.util.List;

public interface UsageRepository {

    /** Adds each record's count to the stored one (creating it when absent), in one round trip where possible. */
    void add(Collection<UsageRecord> increments);

    /** Every month's counts of the user, newest month first. */
    List<UsageRecord> history(UserId user);
}
